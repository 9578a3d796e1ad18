import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { csrfProtection } from '../../platform/http/csrf';
import { requireSession } from './session-wall';

/** Answers about a signed-in account are never kept; throttled password checks say when to retry. */
const privateAnswers = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  if (c.error instanceof AppError && c.error.code === 'too_many_attempts') {
    c.header('Retry-After', String(c.error.details?.retryAfterSeconds));
  }
});

/**
 * What stands before every dashboard API route (app.ts mounts it on /api/app/*): private
 * answers, CSRF on every mutation, then the session wall with its one-time password gate.
 */
export const dashboardGuard = [privateAnswers, csrfProtection, requireSession] as const;
