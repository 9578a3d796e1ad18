import { sql } from 'drizzle-orm';
import { type DatabaseAccess, openDatabase } from '../../platform/db';
import type { CronDefinition } from '../../platform/jobs/registry';
import { startOfLocalWeek } from '../../platform/local-time';
import type { IntelligenceAnalysisMessage } from './message';

/**
 * Monday morning's fan-out: one queue message per client, never the analyses themselves
 * (a cron has seconds; a thousand clients' analyses take minutes). The week analysed ends
 * at the last Monday 00:00 in Montreal, whatever the minute the trigger fires, so the cron
 * firing twice, or late, names the same week and the job's key makes it one unit of work.
 */

export const WEEKLY_TIME_ZONE = 'America/Toronto';
/** A queue's sendBatch takes at most 100 messages. */
const BATCH = 100;

export function weeklyMessages(clientIds: readonly string[], scheduledTime: Date): IntelligenceAnalysisMessage[] {
  const periodEnd = startOfLocalWeek(WEEKLY_TIME_ZONE, scheduledTime).toISOString();
  return clientIds.map((clientId) => ({
    type: 'intelligence_analysis',
    clientId,
    trigger: 'weekly',
    periodEnd,
    requestId: periodEnd,
  }));
}

async function everyClient(db: DatabaseAccess): Promise<string[]> {
  const rows = await db.service((tx) => tx.execute<{ id: string }>(sql`select id from clients order by id`));
  return rows.rows.map((row) => row.id);
}

/** 11:00 UTC on Mondays: 06:00 in Montreal in winter, 07:00 in summer, before the owner's day starts. */
export const weeklyInsights: CronDefinition = {
  cron: '0 11 * * 1',
  name: 'weekly growth insights',
  async run(env, scheduledTime) {
    const db = openDatabase(env);
    try {
      const messages = weeklyMessages(await everyClient(db), scheduledTime);
      for (let at = 0; at < messages.length; at += BATCH) {
        await env.JOBS.sendBatch(messages.slice(at, at + BATCH).map((body) => ({ body })));
      }
      console.log(`weekly insights: ${messages.length} client analyses queued`);
    } finally {
      await db.close();
    }
  },
};
