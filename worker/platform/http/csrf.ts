import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { AppError } from '../errors';

/**
 * CSRF protection for the dashboard API: a state-changing request must come from the
 * Worker's own origin (or APP_URL, the dashboard's public origin when it differs, as with
 * `npm start` on localhost and 127.0.0.1). The session cookie is SameSite=Lax already; this
 * is the second lock.
 */

const SAFE_METHODS = /^(GET|HEAD|OPTIONS)$/;

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const isAllowedOrigin = (origin: string, c: Context<AppEnv>) =>
  origin === new URL(c.req.url).origin || origin === originOf(c.env.APP_URL);

// Hono's check covers the bodies a cross-site <form> or a no-cors fetch can send without
// asking (form-encoded, multipart, text/plain): there, an allowed Origin or
// `Sec-Fetch-Site: same-origin` is required.
const honoCsrf = csrf({ origin: (origin, c) => isAllowedOrigin(origin, c) });

const refused = () => new AppError('csrf');

export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.test(c.req.method)) return next();
  // Hono lets JSON bodies through, counting on the CORS preflight they need. Browsers name
  // their origin on every such request, so a foreign one is refused here too rather than
  // relying on no route in the Worker ever answering a preflight for /api/app.
  const origin = c.req.header('Origin');
  if (origin !== undefined && !isAllowedOrigin(origin, c)) throw refused();

  let passed = false;
  try {
    await honoCsrf(c, async () => {
      passed = true;
      await next();
    });
  } catch (error) {
    // Hono refuses with a plain-text 403; the dashboard gets the standard envelope.
    if (!passed && error instanceof HTTPException && error.status === 403) throw refused();
    throw error;
  }
});
