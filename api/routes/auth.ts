import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { RateLimiter } from '../ask/limits.ts';
import type { Accounts, Sessions, User } from '../events/accounts.ts';
import { ApiError, validate } from '../errors.ts';

export const SESSION_COOKIE = 'sid';

const login = z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) });

/**
 * A state-changing request must come from this site: a browser's `Origin` (or `Sec-Fetch-Site`)
 * naming another site is refused (CSRF). Clients that send neither are not browsers.
 */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    const origin = c.req.header('Origin');
    const site = c.req.header('Sec-Fetch-Site');
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if ((origin && new URL(origin).host !== host) || site === 'cross-site') {
      throw new ApiError(403, 'cross_origin', 'Requests that change data must come from this website.');
    }
  }
  await next();
};

/** The signed-in user, or a 401. */
export function requireUser(sessions: Sessions, c: Context): User {
  const user = sessions.user(getCookie(c, SESSION_COOKIE));
  if (!user) throw new ApiError(401, 'unauthenticated', 'Please sign in first.');
  return user;
}

const clientKey = (c: Context) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function authRoutes(accounts: Accounts, sessions: Sessions, secure: boolean) {
  const perAccount = new RateLimiter(10, 15 * 60_000);
  const perAddress = new RateLimiter(30, 15 * 60_000);
  return new Hono()
    .use(sameOrigin)
    .post('/login', validate('json', login), (c) => {
      const { username, password } = c.req.valid('json');
      const user = accounts.authenticate(username, password);
      if (!user) {
        // Only failures count: ten wrong passwords for one account, or thirty from one address.
        const wait = Math.max(perAccount.take(username.toLowerCase()), perAddress.take(clientKey(c)));
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new ApiError(429, 'too_many_attempts', `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minutes.`);
        }
        throw new ApiError(401, 'bad_credentials', 'The username or password is wrong.', { password: 'wrong username or password' });
      }
      setCookie(c, SESSION_COOKIE, sessions.create(user.id), { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: 12 * 3600 });
      return c.json({ user });
    })
    .post('/logout', (c) => {
      sessions.revoke(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/me', (c) => c.json({ user: requireUser(sessions, c) }));
}
