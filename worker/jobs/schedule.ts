import type { Env } from '../env';

type CronHandler = (env: Env, scheduledTime: Date) => Promise<void>;

/**
 * What each cron trigger of wrangler.toml does. Handlers stay thin: they enqueue work on
 * the JOBS queue rather than doing it inside the 30-second cron budget.
 */
export const cronHandlers: Record<string, CronHandler> = {};

export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const handler = cronHandlers[controller.cron];
  if (!handler) {
    console.warn(`no handler for cron "${controller.cron}"`);
    return;
  }
  await handler(env, new Date(controller.scheduledTime));
}
