import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { User } from '../events/accounts.ts';
import { isCrossOrigin, SESSION_COOKIE, sessionCookie, TooManyAttempts, type Staff } from '../events/staff.ts';
import { ApiError, validate } from '../errors.ts';

const login = z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) });

/** Refuses a state-changing request sent from another site (CSRF). */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (isCrossOrigin(c.req.method, c.req.raw.headers, c.req.header('Host') ?? new URL(c.req.url).host)) {
    throw new ApiError(403, 'cross_origin', 'Requests that change data must come from this website.');
  }
  await next();
};

/** The signed-in user, or a 401. */
export function requireUser(staff: Staff, c: Context): User {
  const user = staff.user(getCookie(c, SESSION_COOKIE));
  if (!user) throw new ApiError(401, 'unauthenticated', 'Please sign in first.');
  return user;
}

/** The caller's address, for rate limits. */
export const clientAddress = (c: Context) => (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'local';

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function authRoutes(staff: Staff) {
  return new Hono()
    .use(sameOrigin)
    .post('/login', validate('json', login), (c) => {
      const { username, password } = c.req.valid('json');
      try {
        const { user, token } = staff.signIn(username, password, clientAddress(c));
        setCookie(c, SESSION_COOKIE, token, sessionCookie(staff.secureCookies));
        return c.json({ user });
      } catch (error) {
        if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfter));
        throw error;
      }
    })
    .post('/logout', (c) => {
      staff.signOut(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/me', (c) => c.json({ user: requireUser(staff, c) }));
}
