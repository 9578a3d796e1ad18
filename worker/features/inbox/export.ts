import { and, eq, type SQL } from 'drizzle-orm';
import { clients, intentTranslations, leadMemory } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { CSV_BOM } from './csv';
import { filterConditions, isTestClient, statusCondition, URGENCY_RANK } from './filters';
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
  inSpam: leadMemory.inSpam,
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
 * The export as UTF-8 bytes: BOM, header row, then one row per lead. The first batch is
 * read before anything is answered, so a failure there is an error answer, never a file
 * with only its header; a failure after the first byte errors the stream, so the download
 * ends cut off (no final chunk), which browsers and HTTP clients report as failed, never as
 * a complete file. The stream opens its own database access because the request's is
 * closed once the handler returns, before the body has been read.
 */
export async function leadExportStream({
  open,
  clientId,
  query,
  language,
  batchSize = EXPORT_BATCH_SIZE,
}: LeadExport): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let db: DatabaseAccess | null = open();
  let filters: SQL[] = [];
  const close = async () => {
    const opened = db;
    db = null;
    await opened?.close();
  };
  /** The batch after `cursor`, as CSV, and where the next one starts (null: this was the last). */
  const batch = async (after: Cursor | null) => {
    const rows = await db!.tenant(clientId, (tx) =>
      selectBatch(tx)
        .where(and(...filters, ...(after ? [afterCursor(after)] : [])))
        .orderBy(...ordering(query.sort))
        .limit(batchSize),
    );
    const last = rows.at(-1);
    const next: Cursor | null =
      last && rows.length === batchSize
        ? { sort: query.sort, ...(query.sort === 'urgency' ? { rank: last.rank } : {}), at: last.cursorAt, id: last.id }
        : null;
    return { csv: rows.map((row) => leadCsvRow(exportLead(row), language)).join(''), next };
  };

  let first: Awaited<ReturnType<typeof batch>>;
  try {
    const testClient = await db.tenant(clientId, (tx) => isTestClient(tx, clientId));
    filters = [...filterConditions(clientId, query, { testClient }), statusCondition(query.status)];
    first = await batch(null);
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  let cursor = first.next;

  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + leadCsvHeader(language) + first.csv));
        if (cursor === null) {
          await close();
          controller.close();
        }
      },
      async pull(controller) {
        if (cursor === null) return;
        try {
          const { csv, next } = await batch(cursor);
          if (csv) controller.enqueue(encoder.encode(csv));
          cursor = next;
          if (cursor === null) {
            await close();
            controller.close();
          }
        } catch (error) {
          // The 200 and the first rows are gone already: erroring the stream cuts the
          // download short, which is what the client can be told; the log says why.
          console.error(`lead export of client ${clientId} failed after its first rows`, error);
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
