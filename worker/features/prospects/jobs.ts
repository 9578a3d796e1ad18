import { eq } from 'drizzle-orm';
import { prospectIcps } from '../../../schema';
import { openDatabase } from '../../platform/db';
import type { Env } from '../../platform/env';
import { isUuid } from '../../platform/identifiers';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import { type CronDefinition, defineJob, UsageError } from '../../platform/jobs/registry';
import { DEFAULT_TIME_ZONE } from '../../platform/local-time';
import { analyzeProspect } from './analysis/analyze';
import { discoveryDeps } from './deps';
import { runDiscovery } from './discovery/run';
import {
  analysisJobKey,
  type DailyProspectQueueMessage,
  dailyProspectQueueMessage,
  discoveryJobKey,
  type ProspectAnalysisMessage,
  prospectAnalysisMessage,
} from './messages';

/** Discovery's jobs: the daily queue per ICP (and its fan-out), and one site's analysis. */

export const dailyProspectQueueJob = defineJob<DailyProspectQueueMessage>({
  type: 'daily_prospect_queue',
  message: dailyProspectQueueMessage,
  dedupeKey: discoveryJobKey,
  commandLine: {
    usage: '[--icp <id>] (no option: every active ICP, one after the other)',
    async message(options, db) {
      const run = `cli:${crypto.randomUUID()}`;
      if (!options.icp) return { type: 'daily_prospect_queue', run };
      if (!isUuid(options.icp)) throw new UsageError(`"${options.icp}" is not an ICP id.`);
      const [icp] = await db.service((tx) => tx.select().from(prospectIcps).where(eq(prospectIcps.id, options.icp!)));
      if (!icp) throw new UsageError(`No ICP has the id ${options.icp}.`);
      return { type: 'daily_prospect_queue', icpId: icp.id, run };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: discoveryJobKey(message), payload: { ...message } },
        () => (message.icpId ? runIcp(env, db, message.icpId) : fanOut(env, db, message.run)),
      );
    } finally {
      await db.close();
    }
  },
});

async function fanOut(env: Env, db: ReturnType<typeof openDatabase>, run: string) {
  const icps = await db.service((tx) =>
    tx
      .select({ id: prospectIcps.id })
      .from(prospectIcps)
      .where(eq(prospectIcps.active, true))
      .orderBy(prospectIcps.createdAt),
  );
  const messages: DailyProspectQueueMessage[] = icps.map((icp) => ({
    type: 'daily_prospect_queue',
    icpId: icp.id,
    run,
  }));
  // sendBatch takes at most 100 messages.
  for (let start = 0; start < messages.length; start += 100) {
    await env.JOBS.sendBatch(messages.slice(start, start + 100).map((body) => ({ body })));
  }
  return { queued: messages.length, icps: icps.map((icp) => icp.id) };
}

async function runIcp(env: Env, db: ReturnType<typeof openDatabase>, icpId: string) {
  const [icp] = await db.service((tx) => tx.select().from(prospectIcps).where(eq(prospectIcps.id, icpId)));
  if (!icp) throw new PermanentJobFailure(`ICP ${icpId} no longer exists`);
  const deps = discoveryDeps(env, db);
  const result = await runDiscovery(
    { db, providers: deps.providers, analyze: (prospectId) => analyzeProspect({ ...deps, db }, prospectId) },
    icp,
  );
  return { icpId: icp.id, icpName: icp.name, ...result };
}

export const prospectAnalysisJob = defineJob<ProspectAnalysisMessage>({
  type: 'prospect_analysis',
  message: prospectAnalysisMessage,
  dedupeKey: analysisJobKey,
  commandLine: {
    usage: '--prospect <id> (reads its site again now)',
    async message(options) {
      if (!options.prospect || !isUuid(options.prospect)) throw new UsageError('Name the prospect: --prospect <id>.');
      return { type: 'prospect_analysis', prospectId: options.prospect, run: `cli:${crypto.randomUUID()}` };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: analysisJobKey(message), payload: { ...message } },
        () =>
          analyzeProspect({ ...discoveryDeps(env, db), db }, message.prospectId).then((outcome) => ({ ...outcome })),
      );
    } finally {
      await db.close();
    }
  },
});

/** The local hour in Montreal (America/Toronto's rules: one zone for both cities). */
const montrealHour = (instant: Date) =>
  Number(
    new Intl.DateTimeFormat('en-US', { timeZone: DEFAULT_TIME_ZONE, hour: 'numeric', hourCycle: 'h23' }).format(
      instant,
    ),
  );
const montrealDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: DEFAULT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

/**
 * 06:00 in Montreal all year: the cron fires at 10:00 and 11:00 UTC and acts on the one that
 * is six o'clock there (EDT in summer, EST in winter). The day's fan-out is one message;
 * each ICP's run is claimed once per Montreal day.
 */
export const dailyProspectQueue: CronDefinition = {
  cron: '0 10,11 * * *',
  name: 'prospect discovery: the daily queue of each active ICP',
  async run(env, scheduledTime) {
    if (montrealHour(scheduledTime) !== 6) return;
    const fanOutMessage: DailyProspectQueueMessage = {
      type: 'daily_prospect_queue',
      run: `daily:${montrealDate(scheduledTime)}`,
    };
    await env.JOBS.send(fanOutMessage);
  },
};
