import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { clearedSessionCookieAttributes, SESSION_COOKIE, sessionCookieAttributes } from './session-cookie';
import { authenticate } from './sessions';

/**
 * The dashboard's session wall for every /api/app route. It reads the session cookie,
 * sets `c.var.session`, and answers 401 without a live session. While the account is still
 * on its one-time password, only the routes needed to replace it (or leave) answer.
 */

/** Reachable without a session: signing in, asking for a reset link, and using one. */
const PUBLIC_ROUTES = new Set([
  'POST /api/app/session',
  'POST /api/app/session/forgot-password',
  'POST /api/app/session/reset-password',
]);

/** What an account on its one-time password may still do: see itself, change it, sign out. */
const BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/app/me',
  'HEAD /api/app/me',
  'POST /api/app/password',
  'DELETE /api/app/session',
]);

export const setSessionCookie = (c: Context<AppEnv>, token: string) =>
  setCookie(c, SESSION_COOKIE, token, sessionCookieAttributes(c.req.url));

export const clearSessionCookie = (c: Context<AppEnv>) =>
  setCookie(c, SESSION_COOKIE, '', clearedSessionCookieAttributes(c.req.url));

export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const route = `${c.req.method} ${c.req.path}`;
  if (PUBLIC_ROUTES.has(route)) return next();

  const token = getCookie(c, SESSION_COOKIE);
  const session = token ? await authenticate(c.var.db, token, new Date()) : null;
  if (!session) {
    // A cookie that no longer opens anything is dropped, so the browser stops sending it.
    if (token !== undefined) clearSessionCookie(c);
    throw new AppError('unauthenticated');
  }
  if (session.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(route)) throw new AppError('password_change_required');
  c.set('session', session);
  await next();
});

/** Internal (Avenir staff) accounts only. */
export const requireInternal = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.session.isInternal) throw new AppError('forbidden');
  await next();
});
