import { Archive, Inbox, MailCheck, Plus, Search, Siren, Trash2 } from 'lucide';
import { useState } from 'preact/hooks';
import { BarList, ChartFigure, ColumnChart, LineChart, ShareBar } from './charts';
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  type Column,
  Dialog,
  EmptyState,
  Field,
  PageHeader,
  Skeleton,
  Stat,
  Table,
  Toast,
} from './design';
import { formatDate, formatDuration, type Lang, locale, type Strings } from './i18n';
import { IntentBadge, UrgencyBadge } from './lead-badges';
import './strings/gallery';
import './strings/leads';

const TONES: readonly BadgeTone[] = ['neutral', 'brand', 'danger', 'warning', 'success', 'info'];
const SWATCHES = [
  'accent',
  'text',
  'text-muted',
  'surface',
  'canvas',
  'border',
  'danger-text',
  'warning-text',
  'success-text',
  'info-text',
] as const;

interface SampleRow {
  id: string;
  name: string;
  at: string;
  tone: BadgeTone;
}

/**
 * The design system on one page (internal accounts: /app/design): every component in its
 * states, in the dashboard's language and the system's light or dark scheme, so a new
 * screen is assembled from what is here and a change to a component is seen everywhere.
 */
export function Gallery(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const g = t.gallery;
  const [dialog, setDialog] = useState(false);
  const [toast, setToast] = useState<string | null>(g.toastText);
  const rows: SampleRow[] = [
    { id: '1', name: 'Marie-Ève Tremblay', at: '2026-11-30T14:05:00Z', tone: 'danger' },
    { id: '2', name: 'Jonathan Côté', at: '2026-11-29T09:30:00Z', tone: 'success' },
  ];
  const columns: Column<SampleRow>[] = [
    { key: 'name', header: g.columnName, cell: (row) => row.name },
    { key: 'at', header: g.columnWhen, cell: (row) => <time dateTime={row.at}>{formatDate(row.at, lang)}</time> },
    { key: 'status', header: g.columnStatus, cell: (row) => <Badge tone={row.tone}>{g.tones[row.tone]}</Badge> },
  ];
  return (
    <main class="gallery">
      <PageHeader
        title={t.design}
        description={g.intro}
        actions={
          <Button variant="primary" icon={Plus}>
            {g.primaryAction}
          </Button>
        }
      />
      <Card id="g-colours" title={g.colours} description={g.coloursHelp}>
        <ul class="swatches">
          {SWATCHES.map((name) => (
            <li key={name}>
              <span class={`swatch swatch-${name}`} aria-hidden="true" />
              <code>--{name}</code>
            </li>
          ))}
        </ul>
      </Card>
      <Card id="g-type" title={g.type}>
        <p class="type-sample type-3xl">{g.typeSample} · 36</p>
        <p class="type-sample type-2xl">{g.typeSample} · 28</p>
        <p class="type-sample type-xl">{g.typeSample} · 22</p>
        <p class="type-sample type-lg">{g.typeSample} · 18</p>
        <p class="type-sample">{g.typeSample} · 16</p>
        <p class="type-sample type-sm">{g.typeSample} · 14</p>
      </Card>
      <Card id="g-buttons" title={g.buttons}>
        <div class="btn-row">
          <Button variant="primary">{g.primary}</Button>
          <Button>{g.secondary}</Button>
          <Button variant="ghost">{g.ghost}</Button>
          <Button variant="danger" icon={Trash2}>
            {g.danger}
          </Button>
        </div>
        <div class="btn-row gallery-row">
          <Button variant="primary" icon={MailCheck}>
            {g.withIcon}
          </Button>
          <Button small icon={Archive}>
            {g.small}
          </Button>
          <Button variant="primary" busy>
            {g.busy}
          </Button>
          <Button disabled>{g.disabled}</Button>
        </div>
      </Card>
      <Card id="g-badges" title={g.badges}>
        <div class="btn-row">
          {TONES.map((tone) => (
            <Badge key={tone} tone={tone}>
              {g.tones[tone]}
            </Badge>
          ))}
        </div>
        <div class="btn-row gallery-row">
          <UrgencyBadge urgency="High" t={t} />
          <UrgencyBadge urgency="Medium" t={t} />
          <UrgencyBadge urgency="Low" t={t} />
          <IntentBadge
            intent={{ key: 'quote_request', en: 'Quote request', fr: 'Demande de soumission' }}
            lang={lang}
          />
          <IntentBadge intent={{ key: 'complaint', en: 'Complaint', fr: 'Plainte' }} lang={lang} />
        </div>
      </Card>
      <Card id="g-fields" title={g.fields}>
        <div class="gallery-grid">
          <Field id="g-name" label={g.fieldLabel} help={g.fieldHelp}>
            {(control) => <input {...control} type="text" value="Plomberie Laval" />}
          </Field>
          <Field id="g-email" label={t.email} error={g.fieldError}>
            {(control) => <input {...control} type="email" value="info@plomberie" />}
          </Field>
          <Field id="g-select" label={t.urgency}>
            {(control) => (
              <select {...control}>
                <option>{t.anyUrgency}</option>
              </select>
            )}
          </Field>
          <Field id="g-check" label={g.checkLabel} help={g.checkHelp} check>
            {(control) => <input {...control} type="checkbox" checked />}
          </Field>
        </div>
      </Card>
      <div class="stats">
        <Stat
          icon={Siren}
          tone="danger"
          label={t.homeUrgent}
          value="2"
          note={t.homeLongestWait('1 h 20 min')}
          href="/app/inbox?urgency=High"
        />
        <Stat icon={Inbox} label={t.homeNewToday} value="7" note={t.homeNewTodayNote} />
      </div>
      <Card id="g-table" title={g.table} description={g.tableHelp}>
        <Table caption={g.table} columns={columns} rows={rows} rowKey={(row) => row.id} />
      </Card>
      <Card id="g-empty" title={g.empty}>
        <EmptyState
          id="g-empty-state"
          icon={Search}
          headingLevel={3}
          title={t.noMatch}
          actions={<Button small>{t.clearFilters}</Button>}
        >
          <p>{t.noMatchHelp}</p>
        </EmptyState>
      </Card>
      <Card id="g-feedback" title={g.feedback}>
        <div class="btn-row">
          <Button onClick={() => setDialog(true)}>{g.openDialog}</Button>
          <Button onClick={() => setToast(g.toastText)}>{g.showToast}</Button>
        </div>
        <h3 class="gallery-sub">{g.skeleton}</h3>
        <Skeleton label={t.loading} lines={3} />
      </Card>
      <ChartSamples t={t} lang={lang} />
      <Dialog id="g-dialog" open={dialog} title={g.dialogTitle} closeLabel={t.close} onClose={() => setDialog(false)}>
        <p>{g.dialogText}</p>
        <div class="btn-row">
          <Button variant="primary" onClick={() => setDialog(false)}>
            {g.primary}
          </Button>
          <Button onClick={() => setDialog(false)}>{t.cancel}</Button>
        </div>
      </Dialog>
      <Toast
        text={toast}
        closeLabel={t.close}
        onDismiss={() => setToast(null)}
        action={{ label: t.undo, run: async () => setToast(null) }}
      />
    </main>
  );
}

const SAMPLE_WEEKS = [
  { leads: 4, high: 1, confidence: 0.62 },
  { leads: 6, high: 1, confidence: 0.7 },
  { leads: 5, high: 0, confidence: null },
  { leads: 8, high: 2, confidence: 0.74 },
  { leads: 7, high: 1, confidence: 0.81 },
  { leads: 9, high: 1, confidence: null },
  { leads: 11, high: 3, confidence: 0.79 },
  { leads: 10, high: 2, confidence: 0.84 },
];
const SAMPLE_WAITS = [
  { key: 'High', median: 12, p90: 45 },
  { key: 'Medium', median: 38, p90: 160 },
  { key: 'Low', median: 95, p90: 300 },
] as const;

/** The charts (charts/) with sample figures: the same drawings the Insights screen makes. */
function ChartSamples(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const g = t.gallery;
  const number = (value: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(value);
  const percent = (value: number) =>
    new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const weeks = SAMPLE_WEEKS.map((week, index) => ({ key: String(index), label: g.week(index + 1), ...week }));
  const table = <Row extends { key: string }>(rows: Row[], columns: Column<Row>[]) => ({
    label: g.chartTable,
    caption: g.chartTable,
    columns,
    rows,
    rowKey: (row: Row) => row.key,
  });
  const weekColumns: Column<(typeof weeks)[number]>[] = [
    { key: 'week', header: g.columnWhen, cell: (row) => row.label },
    { key: 'value', header: g.value, cell: (row) => number(row.leads) },
  ];
  return (
    <section aria-labelledby="g-charts-title">
      <h2 id="g-charts-title" class="section-title">
        {g.charts}
      </h2>
      <p class="muted">{g.chartsHelp}</p>
      <div class="charts">
        <ChartFigure
          id="g-columns"
          class="chart-wide"
          title={g.columnsTitle}
          summary={g.columnsSummary}
          table={table(weeks, weekColumns)}
        >
          <ColumnChart
            columns={weeks.map((week) => ({ key: week.key, label: week.label, value: week.leads, part: week.high }))}
            estimate={{ label: g.week(weeks.length + 1), expected: 11, low: 8, high: 14 }}
            format={number}
          />
        </ChartFigure>
        <ChartFigure
          id="g-line"
          title={g.lineTitle}
          summary={g.lineSummary}
          table={table(weeks, [
            { key: 'week', header: g.columnWhen, cell: (row) => row.label },
            {
              key: 'value',
              header: g.value,
              cell: (row) => (row.confidence === null ? t.none : percent(row.confidence)),
            },
          ])}
        >
          <LineChart
            points={weeks.map((week) => ({ key: week.key, label: week.label, value: week.confidence }))}
            max={1}
            format={percent}
          />
        </ChartFigure>
        <ChartFigure
          id="g-bars"
          title={g.barsTitle}
          summary={g.barsSummary}
          table={table(
            SAMPLE_WAITS.map((wait) => ({ ...wait })),
            [
              { key: 'urgency', header: t.urgency, cell: (row) => t[row.key] },
              { key: 'value', header: g.value, cell: (row) => formatDuration(row.median, lang) },
              { key: 'reach', header: g.reach, cell: (row) => formatDuration(row.p90, lang) },
            ],
          )}
        >
          <BarList
            rows={SAMPLE_WAITS.map((wait) => ({
              key: wait.key,
              label: t[wait.key],
              value: wait.median,
              reach: wait.p90,
              display: `${formatDuration(wait.median, lang)} · ${formatDuration(wait.p90, lang)}`,
            }))}
          />
        </ChartFigure>
        <ChartFigure
          id="g-share"
          title={g.shareTitle}
          summary={g.shareSummary}
          table={table(
            [
              { key: 'en', name: g.english, share: 0.62 },
              { key: 'fr', name: g.french, share: 0.38 },
            ],
            [
              { key: 'name', header: g.columnName, cell: (row) => row.name },
              { key: 'value', header: g.value, cell: (row) => percent(row.share) },
            ],
          )}
        >
          <ShareBar
            segments={[
              { key: 'en', label: g.english, share: 62, tone: 'brand' },
              { key: 'fr', label: g.french, share: 38, tone: 'second' },
            ]}
            format={(share) => percent(share / 100)}
          />
        </ChartFigure>
      </div>
    </section>
  );
}
