import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { QUEUES } from '../../worker/platform/jobs/message';
import type { CronRegistry, JobRegistry } from '../../worker/platform/jobs/registry';
import { RATE_LIMITS } from '../../worker/platform/rate-limits';

/** The parts of wrangler.toml the Worker's code relies on. */
export interface WranglerConfig {
  triggers?: { crons?: string[] };
  queues?: {
    producers?: { queue: string; binding: string }[];
    consumers?: { queue: string; dead_letter_queue?: string }[];
  };
  ratelimits?: { name: string; simple?: { limit: number; period: number } }[];
  assets?: { binding?: string };
}

export const readWranglerConfig = (path = 'wrangler.toml') =>
  parse(readFileSync(path, 'utf8')) as unknown as WranglerConfig;

/**
 * Every way the code and wrangler.toml can disagree, one sentence each: a cron with no
 * handler or a handler with no cron, a queue or binding the code uses that is not
 * declared, a rate limit whose numbers differ. Empty when they agree.
 */
export function wranglerMismatches(config: WranglerConfig, code: { crons: CronRegistry; jobs: JobRegistry }): string[] {
  const problems: string[] = [];
  const declaredCrons = new Set(config.triggers?.crons ?? []);
  const handledCrons = new Set(code.crons.crons.map((entry) => entry.cron));
  for (const cron of declaredCrons) {
    if (!handledCrons.has(cron)) problems.push(`cron "${cron}" fires in wrangler.toml but no feature handles it`);
  }
  for (const cron of handledCrons) {
    if (!declaredCrons.has(cron)) problems.push(`cron "${cron}" has a handler but wrangler.toml never fires it`);
  }

  const producer = config.queues?.producers?.find((entry) => entry.binding === 'JOBS');
  if (!producer) problems.push('the JOBS queue binding is not declared ([[queues.producers]] binding = "JOBS")');
  else if (producer.queue !== QUEUES.jobs)
    problems.push(`JOBS sends to "${producer.queue}", the code consumes "${QUEUES.jobs}"`);
  const consumers = new Map((config.queues?.consumers ?? []).map((entry) => [entry.queue, entry]));
  const jobsConsumer = consumers.get(QUEUES.jobs);
  if (!jobsConsumer) problems.push(`no [[queues.consumers]] for "${QUEUES.jobs}"`);
  else if (jobsConsumer.dead_letter_queue !== QUEUES.deadLetters) {
    problems.push(
      `"${QUEUES.jobs}" dead-letters to "${jobsConsumer.dead_letter_queue}", the code reads "${QUEUES.deadLetters}"`,
    );
  }
  if (!consumers.has(QUEUES.deadLetters)) problems.push(`no [[queues.consumers]] for "${QUEUES.deadLetters}"`);
  if (code.jobs.jobs.length > 0 && !jobsConsumer) problems.push('jobs are registered but nothing consumes the queue');

  const declaredLimits = new Map((config.ratelimits ?? []).map((entry) => [entry.name, entry.simple]));
  for (const [name, expected] of Object.entries(RATE_LIMITS)) {
    const declared = declaredLimits.get(name);
    if (!declared) problems.push(`rate limit ${name} is used by the code but not declared in [[ratelimits]]`);
    else if (declared.limit !== expected.limit || declared.period !== expected.periodSeconds) {
      problems.push(
        `rate limit ${name} is ${declared.limit}/${declared.period}s in wrangler.toml, ${expected.limit}/${expected.periodSeconds}s in the code`,
      );
    }
  }
  for (const name of declaredLimits.keys()) {
    if (!(name in RATE_LIMITS)) problems.push(`rate limit ${name} is declared but no code uses it`);
  }
  if (config.assets?.binding !== 'ASSETS')
    problems.push('the ASSETS binding is not declared ([assets] binding = "ASSETS")');
  return problems;
}
