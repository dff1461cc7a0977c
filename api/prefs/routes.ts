import { getCookie, setCookie } from 'hono/cookie';
import { createRoute, createRouter, elderCookie, elderOn, ELDER_COOKIE, errors, z } from '../core/index.ts';

/** A path on this site to go back to: never another host (`//evil`, `/\evil`) or a scheme. */
export const localPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, 'expected a path on this site, starting with a single /');

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['pages'],
  summary: 'Switch elder mode without JavaScript',
  description: 'Sets the `elder` cookie the server reads when it sends a page, then goes back to the page.',
  request: {
    query: z.object({
      elder: z.enum(['on', 'off', 'toggle']).openapi({ example: 'toggle' }),
      back: localPath.default('/').openapi({ example: '/zh/policies/dibao/' }),
    }),
  },
  responses: {
    303: { description: 'Back to the page, with the cookie set', headers: z.object({ Location: z.string(), 'Set-Cookie': z.string() }) },
    ...errors(400),
  },
});

/** `GET /api/prefs?elder=on|off|toggle&back=/zh/…`: the no-JavaScript way to switch elder mode. */
export function prefsRoutes() {
  return createRouter().openapi(route, (c) => {
    const { elder, back } = c.req.valid('query');
    const on = elder === 'toggle' ? !elderOn(getCookie(c, ELDER_COOKIE)) : elder === 'on';
    setCookie(c, ELDER_COOKIE, on ? 'on' : 'off', elderCookie);
    return c.redirect(back, 303);
  });
}
