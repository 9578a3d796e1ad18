import { createMiddleware } from 'hono/factory';
import { openDatabase } from '../db';
import type { AppEnv } from '../env';

/**
 * `c.var.db` for every request. Nothing connects until a route queries (openDatabase is
 * lazy), so the dashboard's shell, the demo page and the static routes open no pool.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const db = openDatabase(c.env);
  c.set('db', db);
  try {
    await next();
  } finally {
    c.executionCtx.waitUntil(db.close());
  }
});
