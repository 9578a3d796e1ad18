import { eq, or, sql } from 'drizzle-orm';
import { clients, growthBrain } from '../../../schema';
import { isUuid } from '../../platform/identifiers';
import { type CommandLineJob, UsageError } from '../../platform/jobs/registry';
import type { IntelligenceAnalysisMessage } from './message';
import { weeklyMessages } from './weekly';

/**
 * `npm run job -- intelligence_analysis --client <id>`: one client's analysis now, against
 * the database the command is configured for, printing the job's result and the
 * growth_brain row it wrote. `--weekly` runs it as Monday's run would (the week ending last
 * Monday at midnight in Montreal, with the digest, once per week whatever the reruns).
 */
export const analysisCommandLine: CommandLineJob<IntelligenceAnalysisMessage> = {
  usage: '--client <id or client_id> [--weekly]',
  async message(options, db) {
    const named = options.client;
    if (!named) throw new UsageError('Name the client: --client <id or client_id>.');
    const [client] = await db.service((tx) =>
      tx
        .select({ id: clients.id })
        .from(clients)
        .where(isUuid(named) ? or(eq(clients.id, named), eq(clients.clientId, named)) : eq(clients.clientId, named)),
    );
    if (!client) throw new UsageError(`No client has the id or client_id "${named}".`);
    const now = new Date();
    if (options.weekly === 'true') return weeklyMessages([client.id], now)[0]!;
    return {
      type: 'intelligence_analysis',
      clientId: client.id,
      trigger: 'cli',
      periodEnd: now.toISOString(),
      requestId: crypto.randomUUID(),
    };
  },
  async report(message, db) {
    const [row] = await db.service((tx) =>
      tx
        .select()
        .from(growthBrain)
        .where(eq(growthBrain.clientId, sql`${message.clientId}::uuid`)),
    );
    return { growth_brain: row ?? null };
  },
};
