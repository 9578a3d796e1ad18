import { openDatabase } from '../db';
import type { Env } from '../env';
import { pruneAuthRecords } from '../services/auth-retention';
import { findOwedEnrichments } from '../services/sweep';

type CronHandler = (env: Env, scheduledTime: Date) => Promise<void>;

/** Queues the enrichment of leads that missed their message, every five minutes. */
async function sweepEnrichments(env: Env): Promise<void> {
  const db = openDatabase(env);
  try {
    const owed = await findOwedEnrichments(db);
    if (owed.length === 0) return;
    console.warn(`sweep: ${owed.length} lead(s) owed an enrichment, queued again`);
    await env.JOBS.sendBatch(owed.map((body) => ({ body })));
  } finally {
    await db.close();
  }
}

/** Drops sign-in attempts and ended sessions past their retention, once a day. */
async function pruneAuth(env: Env): Promise<void> {
  const db = openDatabase(env);
  try {
    const pruned = await pruneAuthRecords(db);
    console.log(`auth retention: ${pruned.signInAttempts} sign-in attempt(s), ${pruned.sessions} session(s) deleted`);
  } finally {
    await db.close();
  }
}

/**
 * What each cron trigger of wrangler.toml does. Handlers stay thin: they enqueue work on
 * the JOBS queue rather than doing it inside the 30-second cron budget.
 */
export const cronHandlers: Record<string, CronHandler> = {
  '*/5 * * * *': sweepEnrichments,
  '30 8 * * *': pruneAuth,
};

export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const handler = cronHandlers[controller.cron];
  if (!handler) {
    console.warn(`no handler for cron "${controller.cron}"`);
    return;
  }
  await handler(env, new Date(controller.scheduledTime));
}
