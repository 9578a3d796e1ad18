import { and, eq, sql } from 'drizzle-orm';
import { leadActions, leadMemory, leadNotes } from '../../../schema';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { leadNotFound, type NoteView, noteView } from './leads';

/**
 * A lead's private notes. Each change is also written to the lead's timeline as a 'noted'
 * action, so the activity log shows who wrote, edited or removed a note.
 */

export const noteNotFound = () => new AppError('not_found', bilingual('No such note.', "Cette note n'existe pas."));

type NoteChange = 'created' | 'edited' | 'deleted';

/** The lead, as this tenant sees it; another tenant's lead is not found. */
async function visibleLead(tx: Transaction, leadId: string) {
  const [lead] = await tx
    .select({ id: leadMemory.id, isTest: leadMemory.isTest })
    .from(leadMemory)
    .where(eq(leadMemory.id, leadId));
  if (!lead) throw leadNotFound();
  return lead;
}

const logNoteChange = (
  tx: Transaction,
  clientId: string,
  lead: { id: string; isTest: boolean },
  noteId: string,
  change: NoteChange,
  performedBy: string,
) =>
  tx.insert(leadActions).values({
    leadId: lead.id,
    clientId,
    actionType: 'noted',
    performedBy,
    metadata: { noteId, change },
    isTest: lead.isTest,
  });

export function createNote(
  db: DatabaseAccess,
  clientId: string,
  performedBy: string,
  leadId: string,
  note: string,
): Promise<NoteView> {
  return db.tenant(clientId, async (tx) => {
    const lead = await visibleLead(tx, leadId);
    const [created] = await tx
      .insert(leadNotes)
      .values({ leadId, clientId, note, performedBy, isTest: lead.isTest })
      .returning();
    if (!created) throw new Error('insert returned no note');
    await logNoteChange(tx, clientId, lead, created.id, 'created', performedBy);
    return noteView(created);
  });
}

export function editNote(
  db: DatabaseAccess,
  clientId: string,
  performedBy: string,
  ids: { leadId: string; noteId: string },
  note: string,
): Promise<NoteView> {
  return db.tenant(clientId, async (tx) => {
    const lead = await visibleLead(tx, ids.leadId);
    const [edited] = await tx
      .update(leadNotes)
      .set({ note, updatedAt: sql`now()` })
      .where(and(eq(leadNotes.id, ids.noteId), eq(leadNotes.leadId, ids.leadId)))
      .returning();
    if (!edited) throw noteNotFound();
    await logNoteChange(tx, clientId, lead, edited.id, 'edited', performedBy);
    return noteView(edited);
  });
}

export function deleteNote(
  db: DatabaseAccess,
  clientId: string,
  performedBy: string,
  ids: { leadId: string; noteId: string },
): Promise<void> {
  return db.tenant(clientId, async (tx) => {
    const lead = await visibleLead(tx, ids.leadId);
    const [deleted] = await tx
      .delete(leadNotes)
      .where(and(eq(leadNotes.id, ids.noteId), eq(leadNotes.leadId, ids.leadId)))
      .returning({ id: leadNotes.id });
    if (!deleted) throw noteNotFound();
    await logNoteChange(tx, clientId, lead, deleted.id, 'deleted', performedBy);
  });
}
