import { and, eq } from 'drizzle-orm';
import { clients, intentTranslations, leadMemory } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { CSV_BOM } from './csv';
import { filterConditions, statusCondition, URGENCY_RANK } from './filters';
import { type ExportLead, leadCsvHeader, leadCsvRow } from './lead-csv';
import { afterCursor, cursorAt, ordering } from './leads';
import type { Cursor, LeadFilterQuery } from './query';

/**
 * The lead export: every lead the inbox would list under the same filters, as a CSV stream.
 * It pages with the inbox's keyset, one tenant transaction per batch, and reads the next
 * batch only when the client has taken the last one: memory stays one batch whatever the
 * size of the table, and no transaction stays open while a slow download drains.
 */

export const EXPORT_BATCH_SIZE = 1_000;

const exportColumns = {
  id: leadMemory.id,
  createdAt: leadMemory.createdAt,
  name: leadMemory.name,
  email: leadMemory.email,
  phone: leadMemory.phone,
  language: leadMemory.language,
  message: leadMemory.message,
  consent: leadMemory.consent,
  intentEn: leadMemory.intent,
  intentFr: intentTranslations.intentFr,
  urgency: leadMemory.urgency,
  tone: leadMemory.tone,
  confidence: leadMemory.confidenceScore,
  aiSummary: leadMemory.aiSummary,
  currentTag: leadMemory.currentTag,
  archived: leadMemory.archived,
  deleted: leadMemory.deleted,
  isTest: leadMemory.isTest,
  cursorAt,
  rank: URGENCY_RANK,
};

const selectBatch = (tx: Transaction) =>
  tx
    .select(exportColumns)
    .from(leadMemory)
    .leftJoin(intentTranslations, eq(intentTranslations.intentEn, leadMemory.intent))
    .$dynamic();

export interface LeadExport {
  /** Opens the database access the stream pages with; closed when the stream ends. */
  open: () => DatabaseAccess;
  clientId: string;
  query: LeadFilterQuery;
  /** The header row's language: the client's. */
  language: Language;
  batchSize?: number;
}

/**
 * The export as UTF-8 bytes: BOM, header row, then one row per lead. The stream opens its
 * own database access because the request's is closed once the handler returns, before
 * the body has been read.
 */
export function leadExportStream({
  open,
  clientId,
  query,
  language,
  batchSize = EXPORT_BATCH_SIZE,
}: LeadExport): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const filters = [...filterConditions(clientId, query), statusCondition(query.status)];
  let db: DatabaseAccess | null = null;
  let cursor: Cursor | null = null;
  const close = async () => {
    const open = db;
    db = null;
    await open?.close();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + leadCsvHeader(language)));
      },
      async pull(controller) {
        try {
          db ??= open();
          const after = cursor;
          const rows = await db.tenant(clientId, (tx) =>
            selectBatch(tx)
              .where(and(...filters, ...(after ? [afterCursor(after)] : [])))
              .orderBy(...ordering(query.sort))
              .limit(batchSize),
          );
          if (rows.length > 0) {
            controller.enqueue(encoder.encode(rows.map((row) => leadCsvRow(exportLead(row), language)).join('')));
          }
          const last = rows.at(-1);
          if (!last || rows.length < batchSize) {
            await close();
            controller.close();
            return;
          }
          cursor = {
            sort: query.sort,
            ...(query.sort === 'urgency' ? { rank: last.rank } : {}),
            at: last.cursorAt,
            id: last.id,
          };
        } catch (error) {
          // The 200 and the first rows are gone already: a cut-off download is all the
          // client can be told, and the log says why.
          console.error(`lead export of client ${clientId} failed`, error);
          await close().catch(() => {});
          controller.error(error);
        }
      },
      async cancel() {
        await close();
      },
    },
    // One batch ahead at most: the next query waits until this one is read.
    { highWaterMark: 1 },
  );
}

type ExportRow = Awaited<ReturnType<ReturnType<typeof selectBatch>['limit']>>[number];

/** The row as the CSV formatter wants it: the intent in both languages, no keyset columns. */
function exportLead({ intentEn, intentFr, cursorAt: _at, rank: _rank, ...lead }: ExportRow): ExportLead {
  return { ...lead, intent: intentEn && intentFr ? { en: intentEn, fr: intentFr } : null };
}

/** The client's language, which heads the export's columns. */
export async function clientLanguage(db: DatabaseAccess, clientId: string): Promise<Language> {
  const [row] = await db.tenant(clientId, (tx) =>
    tx.select({ language: clients.language }).from(clients).where(eq(clients.id, clientId)),
  );
  return row?.language ?? 'en';
}
