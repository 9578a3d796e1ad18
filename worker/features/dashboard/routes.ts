import { Hono } from 'hono';
import type { AppEnv } from '../../platform/env';

/**
 * The dashboard's security headers: on its static files (dist/public/_headers) and below.
 * `frame-src 'self'`: the settings screen shows the form's preview (/app/widget-preview,
 * features/settings/widget-preview.ts) in an iframe; the dashboard itself may be framed by no one.
 */
export const DASHBOARD_SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The dashboard SPA's fallback: a path under /app that is no file (/app/leads/:id…) gets
 * app/index.html, and the client-side router takes it from there. Static assets answer
 * before the Worker, so this only sees what matched no file. Not the assets'
 * `single-page-application` mode: that would also answer /demo and /dev with the SPA.
 */
export const dashboardRoutes = new Hono<AppEnv>();

dashboardRoutes.get('/app/*', async (c) => {
  const index = await c.env.ASSETS.fetch(new URL('/app/index.html', c.req.url));
  if (!index.ok) return c.notFound();
  const response = new Response(index.body, { status: 200, headers: index.headers });
  response.headers.set('Content-Type', 'text/html; charset=utf-8');
  response.headers.set('Cache-Control', 'no-cache');
  for (const [name, value] of Object.entries(DASHBOARD_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
});
