import { createMiddleware } from 'hono/factory';
import { openDatabase } from '../db';
import type { AppEnv } from '../env';

/** Database access for the request; the pool connects on first query and closes after. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const db = openDatabase(c.env);
  c.set('db', db);
  try {
    await next();
  } finally {
    c.executionCtx.waitUntil(db.close());
  }
});
