import { openDatabase } from '../../platform/db';
import { defineJob } from '../../platform/jobs/registry';
import { enrichCommandLine } from './command-line';
import { enrichmentDeps } from './deps';
import { type EnrichLeadMessage, enrichJobKey, enrichLeadMessage } from './message';
import { enrichLead } from './pipeline';

/** The queued enrichment of one lead (features/enrichment/pipeline.ts). */
export const enrichLeadJob = defineJob<EnrichLeadMessage>({
  type: 'enrich_lead',
  message: enrichLeadMessage,
  dedupeKey: enrichJobKey,
  commandLine: enrichCommandLine,
  async run(message, env) {
    const db = openDatabase(env);
    try {
      const outcome = await enrichLead(enrichmentDeps(env, db), message);
      return outcome.status === 'busy' ? { done: false, retryInSeconds: outcome.retryInSeconds } : { done: true };
    } finally {
      await db.close();
    }
  },
});
