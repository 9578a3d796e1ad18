import { sql } from 'drizzle-orm';
import type { Language } from '../../../schema/vocabulary';
import type { PromptVariant } from '../../platform/ai/port';
import type { Transaction } from '../../platform/db';
import { armOf } from './ab-split';

export type PromptName = 'triage' | 'reply';

/**
 * The prompt variant a lead gets: an arm of the running A/B test of that prompt in the
 * lead's language (split deterministically by lead), else the best-scoring active variant,
 * newest first among equals.
 */
export async function choosePromptVariant(
  tx: Transaction,
  name: PromptName,
  language: Language,
  leadId: string,
): Promise<PromptVariant> {
  const test = await tx.execute<{ control: string; treatment: string; control_share: number }>(sql`
    select t.control_variant_id as control, t.treatment_variant_id as treatment,
      t.control_traffic_percentage::float8 as control_share
    from prompt_ab_tests t
    where t.prompt_name = ${name} and t.language = ${language} and t.status = 'running'`);
  const running = test.rows[0];
  const variantId = running
    ? armOf(leadId, running.control_share) === 'control'
      ? running.control
      : running.treatment
    : null;
  const chosen = await tx.execute<{ id: string; variant_id: string; prompt_text: string; language: Language }>(sql`
    select id, variant_id, prompt_text, language from prompt_registry
    where ${variantId === null ? sql`prompt_name = ${name} and language = ${language} and is_active` : sql`variant_id = ${variantId}`}
    order by score desc nulls last, variant_version desc
    limit 1`);
  const row = chosen.rows[0];
  if (!row) throw new Error(`no active "${name}" prompt in ${language} in prompt_registry`);
  return { id: row.id, variantId: row.variant_id, text: row.prompt_text, language: row.language };
}
