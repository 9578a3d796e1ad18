import type { Env } from '../env';
import type { CronRegistry } from './registry';

/** Runs the cron registered for the trigger that fired; wrangler.toml and the registry list the same crons. */
export async function runScheduled(registry: CronRegistry, controller: ScheduledController, env: Env): Promise<void> {
  const entry = registry.find(controller.cron);
  if (!entry) {
    console.warn(`no handler for cron "${controller.cron}"`);
    return;
  }
  await entry.run(env, new Date(controller.scheduledTime));
}
