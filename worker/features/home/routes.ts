import { Hono } from 'hono';
import type { AppEnv } from '../../platform/env';
import { query } from '../../platform/http/validate';
import { homeView } from './home';
import { homeQuery } from './query';

/**
 * The home under /api/app: the first screen after sign-in. Behind the dashboard guard
 * (session, CSRF), in the tenant transaction of the session's client.
 */
export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get('/home', query(homeQuery), async (c) => {
  const { tz } = c.req.valid('query');
  return c.json(await homeView(c.var.db, c.var.session.clientId, tz, new Date()));
});
