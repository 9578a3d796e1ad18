import { CircleCheck, Columns3, FileSpreadsheet, FileUp, Hourglass, Layers, ListChecks, Sparkles } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type CsvImportResult,
  type CsvLineError,
  type CsvMapping,
  type CsvPreview,
  type DiscoveryView,
  PROSPECT_FIELDS,
  type ProspectField,
} from '../schema/prospects-api';
import { api, errorText } from './api';
import { AppLink, Button, buttonClass, Card, Field, Icon, PageHeader, Stat, Table } from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import {
  byLine,
  delimiterName,
  duplicateFields,
  initialMapping,
  isCsvFile,
  MAX_CSV_BYTES,
  mappingJson,
  missingRequired,
  REQUIRED_FIELDS,
} from './prospects-format';
import { PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { PROSPECTS_STRINGS, type ProspectsStrings } from './strings/prospects';

/**
 * The CSV import (/app/staff/prospects/import), internal accounts only: choose a file, see
 * what it holds (encoding, delimiter, rows, its first lines), say which column is each
 * field (the suggested ones chosen), credit an ICP if one found the list, import, and read
 * what came of it: new, merged, queued for analysis, and each line's error or warning.
 */
export function StaffImport(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  // The ICPs one may credit: discovery's view lists them.
  const { view } = useStaffView<DiscoveryView>('/staff/discovery', t);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [fileError, setFileError] = useState('');
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const chosen = useRef(0);

  const choose = async (picked: File | null) => {
    const ticket = ++chosen.current;
    setPreview(null);
    setResult(null);
    setFileError('');
    setFile(picked);
    if (!picked) return;
    if (!isCsvFile(picked)) return setFileError(s.prNotCsv);
    if (picked.size > MAX_CSV_BYTES) return setFileError(s.prFileTooBig);
    setReading(true);
    try {
      const body = new FormData();
      body.append('file', picked);
      const fresh = await api<CsvPreview>('POST', '/staff/prospects/import/preview', body);
      if (ticket === chosen.current) setPreview(fresh);
    } catch (caught) {
      if (ticket === chosen.current) setFileError(errorText(caught, t));
    } finally {
      if (ticket === chosen.current) setReading(false);
    }
  };
  const again = () => {
    chosen.current++;
    setFile(null);
    setPreview(null);
    setResult(null);
    setFileError('');
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  };

  return (
    <main class="staff staff-import">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-import']}
        description={s.prImportIntro}
        back={{
          label: s.prBack,
          href: PATHS['staff-prospects'],
          go: () => go(PATHS['staff-prospects']),
        }}
      />
      <Card id="pi-file" icon={FileUp} title={s.prFileTitle}>
        <Field id="pi-file-input" label={s.prChooseFile} help={s.prFileHelp} error={fileError || undefined}>
          {(control) => (
            <input
              {...control}
              ref={input}
              type="file"
              accept=".csv,text/csv"
              disabled={reading}
              onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        {reading ? (
          <p class="muted" role="status">
            <span class="spinner pr-spinner" aria-hidden="true" /> {s.prReading}
          </p>
        ) : null}
      </Card>
      {result ? (
        <ImportResult t={t} s={s} lang={lang} result={result} go={go} onAgain={again} />
      ) : preview && file ? (
        <Mapping
          t={t}
          s={s}
          lang={lang}
          file={file}
          preview={preview}
          icps={view?.icps.map((icp) => ({ id: icp.id, name: icp.name })) ?? []}
          onImported={setResult}
          onAgain={again}
        />
      ) : null}
    </main>
  );
}

/** A file's line errors (or warnings) with their line numbers. */
function LineTable(props: { s: ProspectsStrings; lang: Lang; caption: string; rows: readonly CsvLineError[] }) {
  const { s, lang, caption } = props;
  const rows = byLine(props.rows).map((row, index) => ({ ...row, index }));
  return (
    <Table
      caption={caption}
      class="pr-lines"
      rows={rows}
      rowKey={(row) => String(row.index)}
      columns={[
        { key: 'line', header: s.prLine, cell: (row) => (row.line === null ? s.prWholeFile : count(row.line, lang)) },
        { key: 'code', header: s.prCode, cell: (row) => <code>{row.code}</code> },
        { key: 'message', header: s.prMessage, cell: (row) => row.message },
      ]}
    />
  );
}

function Mapping(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  file: File;
  preview: CsvPreview;
  icps: readonly { id: string; name: string }[];
  onImported: (result: CsvImportResult) => void;
  onAgain: () => void;
}) {
  const { t, s, lang, file, preview } = props;
  const columns = Math.max(preview.headers.length, ...preview.sample.map((row) => row.length));
  const [mapping, setMapping] = useState<CsvMapping>(() => initialMapping(preview.suggestedMapping, columns));
  const [icpId, setIcpId] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [preview]);

  const missing = missingRequired(mapping);
  const duplicates = new Set(duplicateFields(mapping));
  const columnName = (index: number) => s.prColumn(count(index + 1, lang), preview.headers[index] ?? '');
  const delimiter = delimiterName(preview.delimiter);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setError('');
    const first = missing[0] ?? [...duplicates][0];
    if (first) {
      document.getElementById(`pi-map-${first}`)?.focus();
      setError(missing.length > 0 ? s.prMissingRequired(missing.map((field) => s.prFields[field]).join(', ')) : '');
      return;
    }
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      body.append('mapping', mappingJson(mapping));
      if (icpId) body.append('icpId', icpId);
      props.onImported(await api<CsvImportResult>('POST', '/staff/prospects/import', body));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: ProspectField) =>
    duplicates.has(field)
      ? s.prDuplicateColumn
      : tried && missing.includes(field)
        ? s.prMissingRequired(s.prFields[field])
        : undefined;
  return (
    <>
      <section class="card" aria-labelledby="pi-preview-title">
        <header>
          <div>
            <h2 id="pi-preview-title" ref={title} tabIndex={-1}>
              <Icon icon={FileSpreadsheet} />
              {s.prPreviewTitle}
            </h2>
            <p>{file.name}</p>
          </div>
        </header>
        <dl class="pr-facts pr-facts-inline">
          <div>
            <dt>{s.prEncoding}</dt>
            <dd>
              <code>{preview.encoding.toUpperCase()}</code>
            </dd>
          </div>
          <div>
            <dt>{s.prDelimiter}</dt>
            <dd>{delimiter ? s.prDelimiters[delimiter] : <code>{preview.delimiter}</code>}</dd>
          </div>
          <div>
            <dt>{s.prRows}</dt>
            <dd>{count(preview.rows, lang)}</dd>
          </div>
        </dl>
        {preview.problems.length > 0 ? (
          <>
            <h3 class="pr-subtitle">{s.prProblems}</h3>
            <LineTable s={s} lang={lang} caption={s.prProblems} rows={preview.problems} />
          </>
        ) : null}
        {/* The file's own columns, however many: the table scrolls sideways rather than stacking. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take focus to be scrolled by keyboard (WCAG 2.1.1). */}
        <section class="pr-scroll" tabIndex={0} aria-label={s.prSampleCaption}>
          <table class="table pr-sample">
            <caption class="sr-only">{s.prSampleCaption}</caption>
            <thead>
              <tr>
                {Array.from({ length: columns }, (_, index) => (
                  <th key={index} scope="col">
                    <span class="pr-column-number">{count(index + 1, lang)}</span>
                    {preview.headers[index] ?? ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {Array.from({ length: columns }, (_, index) => (
                    <td key={index}>{row[index] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
      <Card id="pi-mapping" icon={Columns3} title={s.prMappingTitle} description={s.prMappingHelp}>
        <form onSubmit={submit} noValidate>
          <div class="pr-form-grid">
            {PROSPECT_FIELDS.map((field) => {
              const required = REQUIRED_FIELDS.includes(field);
              return (
                <Field
                  key={field}
                  id={`pi-map-${field}`}
                  label={
                    <>
                      {s.prFields[field]}
                      {required ? <span class="pr-required"> {s.prRequiredMark}</span> : null}
                    </>
                  }
                  error={fieldError(field)}
                >
                  {(control) => (
                    <select
                      {...control}
                      required={required}
                      value={mapping[field] === undefined ? '' : String(mapping[field])}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setMapping((old) => {
                          const next = { ...old };
                          if (value === '') delete next[field];
                          else next[field] = Number(value);
                          return next;
                        });
                      }}
                    >
                      <option value="">{s.prNotImported}</option>
                      {Array.from({ length: columns }, (_, index) => (
                        <option key={index} value={String(index)}>
                          {columnName(index)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              );
            })}
          </div>
          <Field id="pi-icp" label={s.prCreditIcp} help={s.prCreditIcpHelp}>
            {(control) => (
              <select {...control} value={icpId} onChange={(e) => setIcpId(e.currentTarget.value)}>
                <option value="">{s.prNoIcp}</option>
                {props.icps.map((icp) => (
                  <option key={icp.id} value={icp.id}>
                    {icp.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorLine text={error} />
          <div class="btn-row">
            <Button variant="primary" type="submit" icon={FileUp} busy={busy}>
              {busy ? s.prImporting : s.prImport}
            </Button>
            <Button variant="ghost" disabled={busy} onClick={props.onAgain}>
              {s.prChooseAnother}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

function ImportResult(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  result: CsvImportResult;
  go: (path: string) => void;
  onAgain: () => void;
}) {
  const { s, lang, result, go } = props;
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), [result]);
  const recent = `${PATHS['staff-prospects']}?sort=recent`;
  return (
    <section class="card" aria-labelledby="pi-result-title">
      <header>
        <div>
          <h2 id="pi-result-title" ref={title} tabIndex={-1}>
            <Icon icon={CircleCheck} />
            {s.prResultTitle}
          </h2>
        </div>
      </header>
      <div class="stats">
        <Stat icon={ListChecks} label={s.prLines} value={count(result.lines, lang)} />
        <Stat icon={Sparkles} label={s.prResultNew} value={count(result.new, lang)} />
        <Stat icon={Layers} label={s.prResultMerged} value={count(result.merged, lang)} />
        <Stat icon={Hourglass} label={s.prResultQueued} value={count(result.queued, lang)} />
      </div>
      <h3 class="pr-subtitle">{s.prLineErrors}</h3>
      {result.errors.length === 0 ? (
        <p class="muted">{s.prNoLineErrors}</p>
      ) : (
        <>
          <p class="muted">{s.prLineErrorsHelp}</p>
          <LineTable s={s} lang={lang} caption={s.prLineErrors} rows={result.errors} />
        </>
      )}
      {result.warnings.length > 0 ? (
        <>
          <h3 class="pr-subtitle">{s.prLineWarnings}</h3>
          <p class="muted">{s.prLineWarningsHelp}</p>
          <LineTable s={s} lang={lang} caption={s.prLineWarnings} rows={result.warnings} />
        </>
      ) : null}
      <div class="btn-row pr-actions">
        <AppLink class={buttonClass('primary')} href={recent} go={go}>
          {s.prSeeProspects}
        </AppLink>
        <Button onClick={props.onAgain}>{s.prImportAnother}</Button>
      </div>
    </section>
  );
}
