import { Hono } from 'hono';
import type { AppEnv } from '../../platform/env';
import { checkHealth } from './check';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  const report = await checkHealth(c.var.db);
  c.header('Cache-Control', 'no-store');
  return c.json(report, report.ok ? 200 : 503);
});
