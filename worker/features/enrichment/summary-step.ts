import { eq } from 'drizzle-orm';
import { leadMemory } from '../../../schema';
import { otherLanguage } from '../../../schema/vocabulary';
import { translate } from '../translation';
import type { LeadContext, Summaries, Triaged } from './context';
import type { EnrichmentDeps } from './deps';

/** The summary in both languages; the other language stays null when it cannot be translated. */
export async function translateSummary(
  deps: EnrichmentDeps,
  { lead, client }: LeadContext,
  { triage, summaries }: Triaged,
): Promise<Summaries> {
  const other = otherLanguage(triage.language);
  if (summaries[other] !== null || !triage.summary) return summaries;
  const translation = await translate(deps.db, deps.ai, {
    text: triage.summary,
    from: triage.language,
    to: other,
    context: 'lead_summary',
    clientId: client.id,
  });
  if (!translation.translated) return summaries;
  const translated = { ...summaries, [other]: translation.text } as Summaries;
  await deps.db.service((tx) =>
    tx
      .update(leadMemory)
      .set({ aiSummaryEn: translated.en, aiSummaryFr: translated.fr, updatedAt: new Date() })
      .where(eq(leadMemory.id, lead.id)),
  );
  return translated;
}
