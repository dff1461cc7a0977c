import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError, clientAddress, createRoute, createRouter, errors, json, jsonBody, sameOrigin, SESSION_COOKIE, sessionCookie, z, type Trust } from '../core/index.ts';
import { TooManyAttempts, type AccountService } from './service.ts';
import type { User } from './store.ts';

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    center: z.string().nullable().openapi({ description: 'The centre an editor publishes for; null for a district administrator' }),
    role: z.enum(['editor', 'admin']),
    disabled: z.boolean(),
  })
  .openapi('User');

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['staff'],
  summary: 'Sign in',
  description: 'Sets the `sid` session cookie (HttpOnly, SameSite=Strict). Ten wrong passwords for an account, or thirty from an address, in 15 minutes: 429.',
  middleware: [sameOrigin] as const,
  request: {
    body: jsonBody(z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }).openapi({ example: { username: 'centre-staff', password: '…' } })),
  },
  responses: { 200: json(z.object({ user: UserSchema }), 'Signed in; the cookie is set'), ...errors(400, 401, 403, 429, 503) },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['staff'],
  summary: 'Sign out',
  middleware: [sameOrigin] as const,
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Signed out; the session is ended on the server'), ...errors(403, 503) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['staff'],
  summary: 'Who is signed in',
  responses: { 200: json(z.object({ user: UserSchema }), 'The signed-in account'), ...errors(401, 503) },
});

/** The signed-in user, or a 401. */
export async function requireUser(accounts: AccountService, c: Context): Promise<User> {
  const user = await accounts.user(getCookie(c, SESSION_COOKIE));
  if (!user) throw new ApiError(401, 'unauthenticated', 'Please sign in first.');
  return user;
}

/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/auth/me`. */
export function authRoutes(accounts: AccountService, trust: Trust) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      try {
        const { user, token } = await accounts.signIn(username, password, clientAddress(c, trust));
        setCookie(c, SESSION_COOKIE, token, sessionCookie(accounts.secureCookies));
        return c.json({ user }, 200);
      } catch (error) {
        if (error instanceof TooManyAttempts) c.header('Retry-After', String(error.retryAfter));
        throw error;
      }
    })
    .openapi(logoutRoute, async (c) => {
      await accounts.signOut(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(meRoute, async (c) => c.json({ user: await requireUser(accounts, c) }, 200));
}
