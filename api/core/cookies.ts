// The portal's cookies and their attributes, in one place.

/** The staff session: a random token, looked up on the server. */
export const SESSION_COOKIE = 'sid';
export const SESSION_HOURS = 12;

/** The session cookie's attributes: never readable by scripts, never sent from another site. */
export function sessionCookie(secure: boolean) {
  return { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 } as const;
}

/** Elder mode (长辈模式): `on` or `off`, read by the server before it sends a page. */
export const ELDER_COOKIE = 'elder';
export const elderCookie = { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'Lax' } as const;

/** Whether the cookie asks for elder mode. */
export function elderOn(cookie: string | undefined): boolean {
  return cookie === 'on';
}
