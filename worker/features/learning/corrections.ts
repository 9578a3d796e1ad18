import { eq, sql } from 'drizzle-orm';
import { leadActions, leadMemory } from '../../../schema';
import type { TriageLabels } from '../../../schema/learning';
import type { CorrectionRequest, CorrectionView } from '../../../schema/learning-api';
import { intentNamed, intentOf } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { appendIfChanged } from '../../platform/lead-history';
import { resolvePrediction } from './outcomes';
import { changesBetween } from './resolution';

/**
 * The client corrects the AI's triage of one of its leads: the lead takes the new values
 * (history entries by `human`), the timeline gets a `corrected` entry, and the lead's
 * prediction is resolved against them, all in one tenant transaction. Another client's
 * lead is invisible (row-level security): 404, and nothing changes.
 */

export const leadNotFound = () =>
  new AppError('not_found', bilingual('No such lead.', 'Ce client potentiel n’existe pas.'));

const notTriaged = () =>
  new AppError(
    'invalid_request',
    bilingual(
      'This lead has not been analysed yet: there is nothing to correct.',
      'Ce client potentiel n’a pas encore été analysé : il n’y a rien à corriger.',
    ),
  );

export async function correctLead(
  db: DatabaseAccess,
  clientId: string,
  performedBy: string,
  leadId: string,
  request: CorrectionRequest,
): Promise<CorrectionView> {
  return db.tenant(clientId, async (tx) => {
    const [lead] = await tx.select().from(leadMemory).where(eq(leadMemory.id, leadId)).for('update');
    if (!lead) throw leadNotFound();
    const intent = intentNamed(lead.intent);
    if (!intent || !lead.urgency || !lead.tone || !lead.language) throw notTriaged();

    const before: TriageLabels = {
      intent: intent.key,
      urgency: lead.urgency,
      tone: lead.tone,
      language: lead.language,
    };
    const after: TriageLabels = { ...before, ...request };
    const changes = changesBetween(before, after);
    if (changes.length === 0) return { changes };

    const now = new Date();
    await tx
      .update(leadMemory)
      .set({
        intent: intentOf(after.intent).en,
        urgency: after.urgency,
        tone: after.tone,
        language: after.language,
        urgencyHistory: appendIfChanged(lead.urgencyHistory, after.urgency, now, 'human'),
        toneHistory: appendIfChanged(lead.toneHistory, after.tone, now, 'human'),
        updatedAt: sql`now()`,
      })
      .where(eq(leadMemory.id, leadId));
    await tx.insert(leadActions).values({
      leadId,
      clientId,
      actionType: 'corrected',
      performedBy,
      isTest: lead.isTest,
      metadata: { changes },
    });
    // The lead as the client leaves it is the truth; a second correction refines the first.
    await resolvePrediction(tx, leadId, 'correction', () => after, { refine: true });
    return { changes };
  });
}
