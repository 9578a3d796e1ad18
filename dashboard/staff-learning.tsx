import { CircleCheck, ListChecks, PencilLine, Percent } from 'lucide';
import { useState } from 'preact/hooks';
import type { CorrectionFeedItem, FieldChange, LearningView } from '../schema/learning-api';
import {
  type IntentKey,
  intentOf,
  LANGUAGE_NAMES,
  type Language,
  LEAD_TONE_NAMES,
  type LeadTone,
  URGENCY_NAMES,
  type Urgency,
} from '../schema/vocabulary';
import { ChartFigure, type FigureTable } from './charts';
import { Badge, type Column, EmptyState, PageHeader, Skeleton, Stat, Table } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import {
  count,
  DaysPicker,
  dayLabel,
  dayLong,
  daysFromSearch,
  ErrorLine,
  MultiLineChart,
  share,
  useStaffView,
} from './staff-common';
import './strings/staff';

/** The windows one may look at (the API takes 7 to 180 days). */
const DAY_CHOICES = [7, 14, 30, 90, 180] as const;
const DEFAULT_DAYS = 30;

/**
 * The Learning screen (/app/staff/learning), internal accounts only: how often the triage
 * stands once clients have acted on their leads, by engine over time and by prompt
 * variant, which intents it confuses, and the latest corrections, across every client.
 */
export function StaffLearning(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const [days, setDays] = useState(() => daysFromSearch(DAY_CHOICES, DEFAULT_DAYS));
  const { view, error, loading } = useStaffView<LearningView>(`/staff/learning?days=${days}`, t);
  return (
    <main class="staff staff-learning" aria-busy={loading || undefined}>
      <PageHeader title={t['staff-learning']} description={t.staffLearningIntro} />
      <DaysPicker t={t} lang={lang} choices={DAY_CHOICES} days={days} fallback={DEFAULT_DAYS} onChange={setDays} />
      <ErrorLine text={error} />
      {view ? <LearningBody t={t} lang={lang} view={view} /> : error ? null : <Skeleton label={t.loading} blocks={2} />}
    </main>
  );
}

function LearningBody(props: { t: Strings; lang: Lang; view: LearningView }) {
  const { t, lang, view } = props;
  return (
    <>
      <section class="stats" aria-labelledby="sl-figures">
        <h2 id="sl-figures" class="sr-only">
          {t.staffKeyFigures}
        </h2>
        <Stat
          icon={ListChecks}
          label={t.staffPredictions}
          value={count(view.predictions, lang)}
          note={t.staffLastDays(view.days)}
        />
        <Stat icon={CircleCheck} label={t.staffJudged} value={count(view.judged, lang)} note={t.staffJudgedNote} />
        <Stat
          icon={PencilLine}
          label={t.staffCorrected}
          value={count(view.corrected, lang)}
          note={t.staffCorrectedNote}
        />
        <Stat
          icon={Percent}
          label={t.staffCorrectionRate}
          value={share(view.correctionRate, lang, t)}
          note={t.staffCorrectionRateNote}
        />
      </section>
      {view.judged === 0 ? (
        <EmptyState id="sl-empty" icon={ListChecks} title={t.staffNothingJudged}>
          <p>{t.staffNothingJudgedHelp}</p>
        </EmptyState>
      ) : (
        <div class="charts">
          <AccuracyChart t={t} lang={lang} view={view} />
          <VariantTable t={t} lang={lang} view={view} />
          <Confusion t={t} lang={lang} view={view} />
        </div>
      )}
      <CorrectionFeed t={t} lang={lang} items={view.corrections} />
    </>
  );
}

const ENGINE_TONE = { openai: 'brand', offline: 'second' } as const;

function AccuracyChart(props: { t: Strings; lang: Lang; view: LearningView }) {
  const { t, lang, view } = props;
  const days = [...new Set(view.accuracyByDay.map((point) => point.day))].sort();
  const engines = (['openai', 'offline'] as const).filter((engine) =>
    view.accuracyByDay.some((point) => point.engine === engine),
  );
  const at = new Map(view.accuracyByDay.map((point) => [`${point.engine} ${point.day}`, point]));
  const mean = (engine: 'openai' | 'offline') => {
    const points = view.accuracyByDay.filter((point) => point.engine === engine && point.accuracy !== null);
    const judged = points.reduce((sum, point) => sum + point.judged, 0);
    return judged > 0 ? points.reduce((sum, point) => sum + point.accuracy! * point.judged, 0) / judged : null;
  };
  type Row = { key: string; day: string } & Record<string, string>;
  const rows: Row[] = days
    .filter((day) => engines.some((engine) => (at.get(`${engine} ${day}`)?.judged ?? 0) > 0))
    .map((day) => {
      const row: Row = { key: day, day: dayLong(day, lang) };
      for (const engine of engines) {
        const point = at.get(`${engine} ${day}`);
        row[engine] =
          point && point.judged > 0 ? t.staffAccuracyCell(share(point.accuracy, lang, t), point.judged) : t.none;
      }
      return row;
    });
  const columns: Column<Row>[] = [
    { key: 'day', header: t.staffDay, cell: (row) => row.day },
    ...engines.map((engine) => ({ key: engine, header: t.staffEngines[engine], cell: (row: Row) => row[engine] })),
  ];
  const title = t.staffAccuracyTitle;
  const table: FigureTable<Row> = {
    label: t.staffShowFigures,
    caption: t.staffTableOf(title),
    columns,
    rows,
    rowKey: (row) => row.key,
  };
  return (
    <ChartFigure
      id="sl-accuracy"
      class="chart-wide"
      title={title}
      summary={t.staffAccuracySummary(
        engines.map((engine) => ({ engine: t.staffEngines[engine], accuracy: share(mean(engine), lang, t) })),
      )}
      legend={engines.map((engine) => ({ key: engine, tone: ENGINE_TONE[engine], label: t.staffEngines[engine] }))}
      table={table}
    >
      <MultiLineChart
        labels={days.map((day) => dayLabel(day, lang))}
        max={1}
        format={(value) => share(value, lang, t)}
        series={engines.map((engine) => ({
          key: engine,
          tone: ENGINE_TONE[engine],
          values: days.map((day) => at.get(`${engine} ${day}`)?.accuracy ?? null),
        }))}
      />
    </ChartFigure>
  );
}

function VariantTable(props: { t: Strings; lang: Lang; view: LearningView }) {
  const { t, lang, view } = props;
  const rows = view.byVariant;
  return (
    <section class="card chart chart-wide" aria-labelledby="sl-variants-title">
      <h2 id="sl-variants-title">{t.staffByVariantTitle}</h2>
      <p class="chart-summary">{t.staffByVariantSummary}</p>
      <Table
        class="staff-numbers"
        caption={t.staffByVariantTitle}
        rows={rows}
        rowKey={(row) => row.variantId}
        columns={[
          { key: 'variant', header: t.staffVariant, cell: (row) => <code>{row.variantId}</code> },
          { key: 'judged', header: t.staffJudged, cell: (row) => count(row.judged, lang) },
          { key: 'accuracy', header: t.staffAccuracy, cell: (row) => share(row.accuracy, lang, t) },
          { key: 'corrections', header: t.staffCorrectionRate, cell: (row) => share(row.correctionRate, lang, t) },
        ]}
      />
    </section>
  );
}

/** The confusion matrix: predicted intents down, the client's across; the diagonal is what stood. */
function Confusion(props: { t: Strings; lang: Lang; view: LearningView }) {
  const { t, lang, view } = props;
  const predicted = [...new Set(view.confusion.map((cell) => cell.predicted))];
  const actual = [...new Set(view.confusion.map((cell) => cell.actual))];
  const intents = [...new Set([...predicted, ...actual])].sort((a, b) =>
    intentOf(a)[lang].localeCompare(intentOf(b)[lang], lang),
  );
  const cells = new Map(view.confusion.map((cell) => [`${cell.predicted} ${cell.actual}`, cell.count]));
  const max = Math.max(1, ...view.confusion.map((cell) => cell.count));
  const total = view.confusion.reduce((sum, cell) => sum + cell.count, 0);
  const stood = view.confusion
    .filter((cell) => cell.predicted === cell.actual)
    .reduce((sum, cell) => sum + cell.count, 0);
  const name = (intent: IntentKey) => intentOf(intent)[lang];
  return (
    <section class="card chart chart-wide" aria-labelledby="sl-confusion-title">
      <h2 id="sl-confusion-title">{t.staffConfusionTitle}</h2>
      <p class="chart-summary">{t.staffConfusionSummary(count(stood, lang), count(total, lang))}</p>
      {/* A region that scrolls sideways on a phone, reachable and named for the keyboard. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard (WCAG 2.1.1). */}
      <div class="confusion-scroll" tabIndex={0}>
        <table class="table confusion">
          <caption class="sr-only">{t.staffConfusionCaption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="confusion-corner">{t.staffConfusionCorner}</span>
              </th>
              {intents.map((intent) => (
                <th key={intent} scope="col">
                  {name(intent)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {intents.map((row) => (
              <tr key={row}>
                <th scope="row">{name(row)}</th>
                {intents.map((column) => {
                  const value = cells.get(`${row} ${column}`) ?? 0;
                  const diagonal = row === column;
                  const level = value === 0 ? 0 : Math.ceil((value / max) * 4);
                  return (
                    <td
                      key={column}
                      class={`confusion-cell level-${level}${diagonal ? ' confusion-diagonal' : ''}`}
                      title={t.staffConfusionCell(name(row), name(column))}
                    >
                      {value === 0 ? (
                        <>
                          <span aria-hidden="true">·</span>
                          <span class="sr-only">0</span>
                        </>
                      ) : (
                        count(value, lang)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A field's value in words: an intent's name, an urgency, a tone, a language. */
export function valueName(change: Pick<FieldChange, 'field'>, value: string | null, lang: Lang, t: Strings): string {
  if (value === null) return t.none;
  switch (change.field) {
    case 'intent':
      return intentOf(value as IntentKey)?.[lang] ?? value;
    case 'urgency':
      return URGENCY_NAMES[value as Urgency]?.[lang] ?? value;
    case 'tone':
      return LEAD_TONE_NAMES[value as LeadTone]?.[lang] ?? value;
    case 'language':
      return LANGUAGE_NAMES[value as Language]?.[lang] ?? value;
  }
}

function CorrectionFeed(props: { t: Strings; lang: Lang; items: readonly CorrectionFeedItem[] }) {
  const { t, lang, items } = props;
  return (
    <section class="card staff-feed" aria-labelledby="sl-feed-title">
      <header>
        <div>
          <h2 id="sl-feed-title">{t.staffFeedTitle}</h2>
          <p>{t.staffFeedHelp}</p>
        </div>
      </header>
      {items.length === 0 ? (
        <p class="muted">{t.staffFeedEmpty}</p>
      ) : (
        <ol class="correction-feed">
          {items.map((item) => (
            <li key={item.feedbackId}>
              <p class="feed-meta">
                <strong>{item.clientName || t.none}</strong>
                <time dateTime={item.at}>{formatDate(item.at, lang)}</time>
                <Badge tone={item.engine === 'openai' ? 'brand' : 'neutral'}>{t.staffEngines[item.engine]}</Badge>
                {item.variantId ? <code>{item.variantId}</code> : null}
              </p>
              <blockquote class="feed-excerpt">{item.excerpt}</blockquote>
              <ul class="feed-changes" aria-label={t.staffChanges}>
                {item.changes.map((change) => (
                  <li key={change.field}>
                    <span class="feed-field">{t.staffFields[change.field]}</span>{' '}
                    <del>{valueName(change, change.from, lang, t)}</del>
                    <span aria-hidden="true"> → </span>
                    <span class="sr-only"> {t.staffBecame} </span>
                    <ins>{valueName(change, change.to, lang, t)}</ins>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
