import { inArray, sql } from 'drizzle-orm';
import { leadActions, leadMemory } from '../../../schema';
import { CONVERTED_TAG, type Language, type LeadActionType } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { recordBulkOutcome, recordConversions } from '../learning';
import { leadNotFound } from './leads';

/**
 * Bulk actions on a selection of leads: tag, archive, soft-delete (and restore, its undo),
 * reactivate, and the client's own spam verdict either way. The whole selection changes
 * in one tenant transaction or not at all, and every lead gets its own lead_actions row.
 * Converting a lead (and taking it back), archiving it and the spam verdicts feed the
 * learning loop.
 */

export const BULK_ACTIONS = ['tag', 'archive', 'delete', 'restore', 'reactivate', 'spam', 'not_spam'] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

export interface BulkAction {
  ids: string[];
  action: BulkActionName;
  tag?: string | undefined;
  reversionReason?: string | undefined;
}

const ACTION_TYPE = {
  tag: 'tagged',
  archive: 'archived',
  delete: 'deleted',
  restore: 'restored',
  reactivate: 'reactivated',
  spam: 'marked_spam',
  not_spam: 'marked_not_spam',
} as const satisfies Record<BulkActionName, LeadActionType>;

/** What each action changes; `tag` sets the tag it was given. */
const CHANGES = {
  archive: { archived: true },
  delete: { deleted: true },
  // Undoes a delete and only that: an archived lead goes back to the archive.
  restore: { deleted: false },
  reactivate: { archived: false, deleted: false },
  spam: { spamVerdict: 'spam' },
  not_spam: { spamVerdict: 'not_spam' },
} as const satisfies Record<Exclude<BulkActionName, 'tag'>, Partial<typeof leadMemory.$inferInsert>>;

const REASON_REQUIRED = {
  en: 'Say why this lead is no longer converted.',
  fr: "Indiquez pourquoi ce client potentiel n'est plus converti.",
} as const;

export async function applyBulkAction(
  db: DatabaseAccess,
  clientId: string,
  performedBy: string,
  request: BulkAction,
  language: Language,
): Promise<{ updated: number; toEnrich: string[] }> {
  const ids = [...new Set(request.ids.map((id) => id.toLowerCase()))];
  return db.tenant(clientId, async (tx) => {
    // Locked, so two tabs tagging at once cannot both read "not converted yet".
    const leads = await tx
      .select({
        id: leadMemory.id,
        currentTag: leadMemory.currentTag,
        intent: leadMemory.intent,
        urgency: leadMemory.urgency,
        confidence: leadMemory.confidenceScore,
        isTest: leadMemory.isTest,
        isSpam: leadMemory.isSpam,
        enrichedAt: leadMemory.enrichedAt,
      })
      .from(leadMemory)
      .where(inArray(leadMemory.id, ids))
      .for('update');
    // Another tenant's lead is invisible here (row-level security): it looks unknown, and
    // the answer names none of the ids, so it says nothing about which exist elsewhere.
    if (leads.length !== ids.length) throw leadNotFound();

    const tag = request.action === 'tag' ? request.tag : undefined;
    const reason = request.reversionReason?.trim() || undefined;
    const reverted =
      tag !== undefined ? leads.filter((lead) => lead.currentTag === CONVERTED_TAG && tag !== CONVERTED_TAG) : [];
    if (reverted.length > 0 && !reason) {
      throw new AppError('invalid_request', REASON_REQUIRED, {
        fields: { reversionReason: [REASON_REQUIRED[language]] },
      });
    }

    const changes = request.action === 'tag' ? { currentTag: tag } : CHANGES[request.action];
    await tx
      .update(leadMemory)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(inArray(leadMemory.id, ids));

    const converting = tag === CONVERTED_TAG;
    await tx.insert(leadActions).values(
      leads.map((lead) => {
        const isReversion = reverted.includes(lead);
        return {
          leadId: lead.id,
          clientId,
          actionType: ACTION_TYPE[request.action],
          tag: tag ?? null,
          conversionOutcome: converting ? true : isReversion ? false : null,
          reversionReason: isReversion ? (reason ?? null) : null,
          performedBy,
          isTest: lead.isTest,
        };
      }),
    );

    if (tag !== undefined) await recordConversions(tx, { clientId, tag, leads, reversionReason: reason });
    if (request.action === 'archive' || request.action === 'spam' || request.action === 'not_spam') {
      await recordBulkOutcome(tx, request.action, ids);
    }
    // What the bot checks set aside was never triaged: cleared, it is, now.
    const toEnrich =
      request.action === 'not_spam'
        ? leads.filter((lead) => lead.isSpam && !lead.enrichedAt).map((lead) => lead.id)
        : [];
    return { updated: leads.length, toEnrich };
  });
}
