/**
 * The dashboard's session cookie. HttpOnly keeps it from page scripts, SameSite=Lax keeps
 * it off cross-site subrequests and form posts (CSRF's usual vehicle), Secure whenever the
 * dashboard is served over https (`wrangler dev` and the tests use plain http).
 */

export const SESSION_COOKIE = 'avenir_session';
/** 30 days, as `sessions.expires_at` (schema/accounts.ts). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export interface SessionCookieAttributes {
  httpOnly: true;
  sameSite: 'Lax';
  path: '/';
  secure: boolean;
  maxAge: number;
}

/** Attributes of the cookie set at sign-in, for a request to `requestUrl`. */
export const sessionCookieAttributes = (requestUrl: string): SessionCookieAttributes => ({
  httpOnly: true,
  sameSite: 'Lax',
  path: '/',
  secure: new URL(requestUrl).protocol === 'https:',
  maxAge: SESSION_MAX_AGE_SECONDS,
});

/** The same cookie, expired at once: what sign-out and a dead session send. */
export const clearedSessionCookieAttributes = (requestUrl: string): SessionCookieAttributes => ({
  ...sessionCookieAttributes(requestUrl),
  maxAge: 0,
});
