import * as v from 'valibot';
import type { CsvImportResult, CsvLineError, CsvMapping, CsvPreview } from '../../../schema/prospects-api';
import { PROSPECT_FIELDS } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import { AppError, bilingual, type LocalizedText } from '../../platform/errors';
import { isUuid } from '../../platform/identifiers';
import { decodeCsvBytes, mapRows, parseCsv, suggestMapping, validateMapping } from './csv';
import type { ProspectAnalysisMessage } from './messages';
import { upsertProspect } from './upsert';

/**
 * The CSV import: the same upsert path as the providers, line by line errors in the staff
 * member's language, and every new prospect queued for its site analysis.
 */

/** A file of 10,000 businesses is about 1.5 MB; the route's body limit is above this. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
const SAMPLE_ROWS = 8;
/** Rows upserted per transaction: few round trips, and a failing batch is retried line by line. */
const BATCH = 100;

export interface CsvUpload {
  bytes: Uint8Array;
  mapping: CsvMapping;
  icpId: string | null;
}

const mappingSchema = v.record(
  v.picklist(PROSPECT_FIELDS),
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(59)),
);

/** The multipart upload: `file`, and for the import `mapping` (JSON) and an optional `icpId`. */
export async function readCsvUpload(request: Request, options: { withMapping?: boolean } = {}): Promise<CsvUpload> {
  const refuse = (en: string, fr: string) => new AppError('invalid_csv', bilingual(en, fr));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw refuse(
      'Send the file as multipart/form-data, in a field named "file".',
      'Envoyez le fichier en multipart/form-data, dans un champ nommé « file ».',
    );
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') {
    throw refuse('Choose a CSV file.', 'Choisissez un fichier CSV.');
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength === 0) throw refuse('The file is empty.', 'Le fichier est vide.');
  let mapping: CsvMapping = {};
  if (options.withMapping) {
    const raw = form.get('mapping');
    let parsed: unknown;
    try {
      parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      parsed = undefined;
    }
    const checked = v.safeParse(mappingSchema, parsed);
    if (!checked.success) {
      throw refuse(
        'Map the columns: a field name for each column index.',
        'Associez les colonnes : un champ pour chaque numéro de colonne.',
      );
    }
    mapping = checked.output as CsvMapping;
  }
  const icp = form.get('icpId');
  const icpId = typeof icp === 'string' && icp !== '' ? icp : null;
  if (icpId !== null && !isUuid(icpId)) throw new AppError('icp_not_found');
  return { bytes, mapping, icpId };
}

const lineError = (
  error: { line: number | null; code: string; message: LocalizedText },
  language: Language,
): CsvLineError => ({
  line: error.line,
  code: error.code,
  message: error.message[language],
});

function readCsv(bytes: Uint8Array) {
  const decoded = decodeCsvBytes(bytes);
  const parsed = parseCsv(decoded.text);
  if (parsed.headers.length === 0) {
    throw new AppError(
      'invalid_csv',
      bilingual('The file has no header line.', 'Le fichier n’a pas de ligne d’en-tête.'),
    );
  }
  return { decoded, parsed };
}

export function previewCsv(bytes: Uint8Array, language: Language): CsvPreview {
  const { decoded, parsed } = readCsv(bytes);
  return {
    encoding: decoded.encoding,
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    sample: parsed.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
    rows: parsed.rows.length,
    suggestedMapping: suggestMapping(parsed.headers),
    problems: parsed.problems.map((problem) => lineError(problem, language)),
  };
}

export async function importCsv(
  db: DatabaseAccess,
  env: Env,
  upload: CsvUpload,
  language: Language,
): Promise<CsvImportResult> {
  const { parsed } = readCsv(upload.bytes);
  const refused = validateMapping(upload.mapping, parsed.headers.length);
  if (refused.length > 0) {
    throw new AppError('invalid_csv', refused[0]!, {
      fields: { mapping: refused.map((message) => message[language]) },
    });
  }
  const mapped = mapRows(parsed.rows, upload.mapping);
  const errors: CsvLineError[] = [...parsed.problems, ...mapped.errors].map((error) => lineError(error, language));
  const warnings: CsvLineError[] = mapped.warnings.map((warning) => lineError(warning, language));
  const discovery = { icpId: upload.icpId, foundAt: new Date() };
  const fresh: string[] = [];
  let merged = 0;

  const upsertAll = async (records: typeof mapped.records) =>
    db.service(async (tx) => {
      const outcomes = [];
      for (const record of records) outcomes.push({ record, outcome: await upsertProspect(tx, record, discovery) });
      return outcomes;
    });
  for (let start = 0; start < mapped.records.length; start += BATCH) {
    const batch = mapped.records.slice(start, start + BATCH);
    let outcomes: Awaited<ReturnType<typeof upsertAll>>;
    try {
      outcomes = await upsertAll(batch);
    } catch {
      // One line the database refused: the batch again line by line, so only that one is lost.
      outcomes = [];
      for (const record of batch) {
        try {
          outcomes.push(...(await upsertAll([record])));
        } catch (error) {
          errors.push({
            line: lineOf(record.sourceId),
            code: 'not_stored',
            message: (error as Error).message.slice(0, 200),
          });
        }
      }
    }
    for (const { record, outcome } of outcomes) {
      if (outcome.kind === 'new') fresh.push(outcome.id);
      else if (outcome.kind === 'merged') merged++;
      else if (outcome.kind === 'skipped') {
        errors.push(
          lineError(
            {
              line: lineOf(record.sourceId),
              code: outcome.reason,
              message:
                outcome.reason === 'directory_page'
                  ? bilingual(
                      'The website is a social or directory page, not the business’s own site.',
                      'Le site Web est une page de réseau social ou d’annuaire, pas le site de l’entreprise.',
                    )
                  : bilingual('No usable website.', 'Aucun site Web utilisable.'),
            },
            language,
          ),
        );
      }
    }
  }

  const run = `staff:${crypto.randomUUID()}`;
  const messages: ProspectAnalysisMessage[] = fresh.map((prospectId) => ({
    type: 'prospect_analysis',
    prospectId,
    run,
  }));
  for (let start = 0; start < messages.length; start += 100) {
    await env.JOBS.sendBatch(messages.slice(start, start + 100).map((body) => ({ body })));
  }
  return {
    lines: parsed.rows.length,
    new: fresh.length,
    merged,
    errors: errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    warnings,
    queued: messages.length,
  };
}

const lineOf = (sourceId: string) => {
  const match = /line-(\d+)$/.exec(sourceId);
  return match ? Number(match[1]) : null;
};
