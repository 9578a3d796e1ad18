/**
 * `npm run job -- TYPE [options]`: runs one registered job now, the way the queue's consumer
 * would (the same definition, its claim in queue_jobs, its retries' idempotency), against
 * DATABASE_URL or the embedded database (through a running `npm start` when it holds it),
 * and prints what it did as JSON. Messages the job queues run here too, one after the other.
 * Exit status: 0 done, 1 failed, 2 a command line the job cannot run, 3 busy (another
 * worker holds the same unit of work: try again in a moment).
 */
import { jobs } from '../worker/app';
import type { Env } from '../worker/platform/env';
import type { QueueMessage } from '../worker/platform/jobs/message';
import { type CommandLineOptions, type JobDefinition, UsageError } from '../worker/platform/jobs/registry';
import { openCliDatabase } from './lib/cli-database';
import { loadConfig } from './lib/config';
import { localInbound, runningDemoSites } from './lib/local-inbound';
import { type DemoSites, startDemoSites } from './stack/demo-sites';

const runnable = () =>
  jobs.jobs
    .filter((job) => job.commandLine)
    .map((job) => `  npm run job -- ${job.type} ${job.commandLine!.usage}`)
    .join('\n');

const usage = () => `usage: npm run job -- TYPE [options]\n${runnable()}`;

/** `--client abc --weekly` → { client: 'abc', weekly: 'true' }; `--client=abc` works too. */
function parseOptions(args: readonly string[]): CommandLineOptions {
  const options: Record<string, string> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) throw new UsageError(`"${arg}" is not an option (options start with --).`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inline !== undefined) options[name] = inline;
    else if (args[index + 1] !== undefined && !args[index + 1]!.startsWith('--')) options[name] = args[++index]!;
    else options[name] = 'true';
  }
  return options;
}

/** The settings a job may read from this shell (the Worker reads the same from wrangler.toml and secrets). */
const SHELL_SETTINGS = [
  'OPENAI_API_KEY',
  'OPENAI_MODEL',
  'OPENAI_BASE_URL',
  'OPENAI_TIMEOUT_MS',
  'GMAIL_CLIENT_ID',
  'GMAIL_CLIENT_SECRET',
  'GMAIL_REFRESH_TOKEN',
  'GMAIL_SENDER',
  'MAIL_FROM',
  'APP_URL',
  'PDL_API_KEY',
  'APOLLO_API_KEY',
  'GOOGLE_PLACES_API_KEY',
  'PDL_BASE_URL',
  'APOLLO_BASE_URL',
  'GOOGLE_PLACES_BASE_URL',
  'PROVIDER_TIMEOUT_MS',
  'DEMO_SITES_ORIGIN',
  'OPERATOR_NAME',
  'INBOUND_DOMAIN',
  'INBOUND_TOKEN_SECRET',
  'FORM_TEST_SENDER_NAME',
  'FORM_TEST_PHONE',
  'FORM_TESTS_PER_DAY',
  'FORM_TEST_TIMEOUT_HOURS',
  'FORM_TEST_STOP_DOMAINS',
  'OUTREACH_MAILBOX_DAILY_CAP',
  'OUTREACH_WARMUP_START',
  'OUTREACH_WARMUP_STEP',
  'OUTREACH_GLOBAL_DAILY_CAP',
  'OUTREACH_SENDING_HOURS',
  'OUTREACH_WEEKENDS',
  'OUTREACH_SPACING_SECONDS',
  'OUTREACH_JITTER_SECONDS',
  'OUTREACH_BOUNCE_THRESHOLD',
  'OUTREACH_POSTAL_ADDRESS',
] as const;

interface Ran {
  type: string;
  message: QueueMessage;
  outcome: 'done' | 'busy';
  result?: Record<string, unknown>;
  retryInSeconds?: number;
}

async function main(): Promise<number> {
  const [type, ...rest] = process.argv.slice(2);
  if (!type || type === '--help' || type === '-h') {
    console.error(usage());
    return type ? 0 : 2;
  }
  const job = jobs.jobs.find((entry) => entry.type === type);
  if (!job?.commandLine) {
    console.error(
      `error: ${job ? `"${type}" runs from the queue only` : `no job is registered as "${type}"`}\n${usage()}`,
    );
    return 2;
  }

  const config = loadConfig();
  const connection = await openCliDatabase(config);
  // On the embedded database (the `npm start` world) the demo provider reads the demo sites,
  // served here for the run; a configured database gets them only through DEMO_SITES_ORIGIN.
  // Beside a running `npm start`, its demo sites, whose form answers reach its Worker.
  const embedded = !config.databaseUrl && !process.env.DEMO_SITES_ORIGIN;
  const running = embedded ? await runningDemoSites(config.dataDir) : null;
  const demoSites: DemoSites | undefined = embedded && !running ? await startDemoSites() : undefined;
  const demoOrigin = running ?? demoSites?.origin;
  const inbound = embedded ? await localInbound(config.dataDir) : {};
  const ran: Ran[] = [];
  try {
    const options = parseOptions(rest);

    // What a job queues (a fan-out) runs here as well, after it, as the consumer would take it.
    const queued: QueueMessage[] = [];
    const inlineQueue = {
      send: async (body: QueueMessage) => void queued.push(body),
      sendBatch: async (batch: Iterable<MessageSendRequest<QueueMessage>>) => {
        for (const entry of batch) queued.push(entry.body);
      },
    } as unknown as Queue<QueueMessage>;
    const shell = Object.fromEntries(
      SHELL_SETTINGS.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
    );
    // Only what jobs read: the database, the queue, the mail and AI settings. Jobs take no rate limit.
    const env = {
      APP_URL: `http://127.0.0.1:${config.workerPort}`,
      ...inbound,
      ...shell,
      ...(demoOrigin ? { DEMO_SITES_ORIGIN: demoOrigin } : {}),
      DATABASE_URL: connection.databaseUrl,
      ...(connection.wsProxy ? { DATABASE_WS_PROXY: connection.wsProxy } : {}),
      DEV_OUTBOX: 'on',
      JOBS: inlineQueue,
    } as unknown as Env;
    const message = await job.commandLine.message(options, connection.access, env);

    const run = async (definition: JobDefinition, body: QueueMessage) => {
      const outcome = await definition.run(body, env);
      ran.push(
        outcome.done
          ? {
              type: definition.type,
              message: body,
              outcome: 'done',
              ...(outcome.result ? { result: outcome.result } : {}),
            }
          : { type: definition.type, message: body, outcome: 'busy', retryInSeconds: outcome.retryInSeconds },
      );
    };
    await run(job, message);
    for (let body = queued.shift(); body; body = queued.shift()) {
      const found = jobs.find(body);
      if (!found) throw new Error(`a job queued a message no job takes (type "${body.type}")`);
      await run(found.job, found.message);
    }

    const report = job.commandLine.report ? await job.commandLine.report(message, connection.access, env) : {};
    const [first, ...after] = ran;
    console.log(
      JSON.stringify({ ...first, ...(after.length > 0 ? { queued: after } : {}), ...(report as object) }, null, 2),
    );
    return first?.outcome === 'busy' ? 3 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${usage()}`);
      return 2;
    }
    console.error(JSON.stringify({ type, failed: true, error: (error as Error).message, ran }, null, 2));
    return 1;
  } finally {
    await demoSites?.close();
    await connection.close();
  }
}

process.exitCode = await main();
