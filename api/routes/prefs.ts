import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { validate } from '../errors.ts';

export const ELDER_COOKIE = 'elder';
const YEAR = 60 * 60 * 24 * 365;

/** A path on this site to go back to: never another host (`//evil`, `/\evil`) or a scheme. */
export const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'expected a path on this site, starting with a single /');

const query = z.object({
  elder: z.enum(['on', 'off', 'toggle']),
  back: localPath.default('/'),
});

/** Whether the request asks for elder mode, by cookie. */
export function elderCookieOn(cookie: string | undefined): boolean {
  return cookie === 'on';
}

/**
 * `GET /api/prefs?elder=on|off|toggle&back=/zh/…`: the no-JavaScript way to switch elder mode.
 * Sets the cookie the server reads when it serves pages, then goes back to the page.
 */
export function prefsRoutes() {
  return new Hono().get('/', validate('query', query), (c) => {
    const { elder, back } = c.req.valid('query');
    const on = elder === 'toggle' ? !elderCookieOn(getCookie(c, ELDER_COOKIE)) : elder === 'on';
    setCookie(c, ELDER_COOKIE, on ? 'on' : 'off', { path: '/', maxAge: YEAR, sameSite: 'Lax' });
    return c.redirect(back, 303);
  });
}
