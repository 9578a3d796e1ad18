import { useState } from 'preact/hooks';
import type { ComponentDay, SystemView } from '../schema/learning-api';
import { ChartFigure, ColumnChart } from './charts';
import { niceCeiling } from './charts/scale';
import { type Column, PageHeader, Skeleton, Table } from './design';
import type { Lang, Strings } from './i18n';
import {
  count,
  DaysPicker,
  dayLabel,
  dayLong,
  daysFromSearch,
  ErrorLine,
  MultiLineChart,
  millis,
  share,
  useStaffView,
} from './staff-common';
import { StaffConnections } from './staff-connections';
import './strings/staff';

/** The windows one may look at (the API takes 1 to 90 days). */
const DAY_CHOICES = [1, 7, 14, 30, 90] as const;
const DEFAULT_DAYS = 14;

type Component = SystemView['components'][number];
type Figures = Omit<ComponentDay, 'day'>;

/**
 * The System screen (/app/staff/system), internal accounts only: each component's calls,
 * response times (median and 95th percentile), errors and, for the AI, how often the
 * offline engine had to answer instead, in total and by day.
 */
export function StaffSystem(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const [days, setDays] = useState(() => daysFromSearch(DAY_CHOICES, DEFAULT_DAYS));
  const { view, error, loading } = useStaffView<SystemView>(`/staff/system?days=${days}`, t);
  return (
    <main class="staff staff-system" aria-busy={loading || undefined}>
      <PageHeader title={t['staff-system']} description={t.staffSystemIntro} />
      <DaysPicker t={t} lang={lang} choices={DAY_CHOICES} days={days} fallback={DEFAULT_DAYS} onChange={setDays} />
      <ErrorLine text={error} />
      {view ? (
        <>
          <Overview t={t} lang={lang} view={view} />
          <StaffConnections t={t} lang={lang} />
          <div class="charts">
            {view.components.map((component) => (
              <ComponentFigure key={component.component} t={t} lang={lang} component={component} />
            ))}
          </div>
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={2} />
      )}
    </main>
  );
}

/** Calls, p50, p95, error rate (and fallback rate) as the columns after `first`. */
function figureColumns<Row extends Figures>(
  t: Strings,
  lang: Lang,
  first: Column<Row>,
  fallback: boolean,
): Column<Row>[] {
  return [
    first,
    { key: 'count', header: t.staffCalls, cell: (row) => count(row.count, lang) },
    { key: 'p50', header: t.staffP50, cell: (row) => millis(row.p50Ms, lang, t) },
    { key: 'p95', header: t.staffP95, cell: (row) => millis(row.p95Ms, lang, t) },
    { key: 'errors', header: t.staffErrorRate, cell: (row) => share(row.errorRate, lang, t) },
    ...(fallback
      ? [{ key: 'fallback', header: t.staffFallbackRate, cell: (row: Row) => share(row.fallbackRate, lang, t) }]
      : []),
  ];
}

/** Every component's totals in one table: the screen at a glance. */
function Overview(props: { t: Strings; lang: Lang; view: SystemView }) {
  const { t, lang, view } = props;
  const rows = view.components.map((component) => ({ ...component.total, component: component.component }));
  return (
    <section class="card staff-overview" aria-labelledby="ss-overview-title">
      <header>
        <div>
          <h2 id="ss-overview-title">{t.staffOverviewTitle(view.days)}</h2>
          <p>{t.staffOverviewHelp}</p>
        </div>
      </header>
      <Table
        class="staff-numbers"
        caption={t.staffOverviewTitle(view.days)}
        rows={rows}
        rowKey={(row) => row.component}
        columns={figureColumns<(typeof rows)[number]>(
          t,
          lang,
          { key: 'component', header: t.staffComponent, cell: (row) => t.staffComponents[row.component] },
          true,
        )}
      />
    </section>
  );
}

function ComponentFigure(props: { t: Strings; lang: Lang; component: Component }) {
  const { t, lang, component } = props;
  const title = t.staffComponents[component.component];
  const { total, byDay } = component;
  const ai = component.component === 'intelligence_engine';
  const summary =
    total.count === 0
      ? t.staffNoCalls
      : t.staffComponentSummary(
          count(total.count, lang),
          millis(total.p50Ms, lang, t),
          millis(total.p95Ms, lang, t),
          share(total.errorRate, lang, t),
          ai ? share(total.fallbackRate, lang, t) : null,
        );
  const drawn = byDay.length > 1 && total.count > 0;
  const maxMs = niceCeiling(Math.max(1, ...byDay.map((day) => day.p95Ms ?? 0)));
  return (
    <ChartFigure
      id={`ss-${component.component}`}
      title={title}
      summary={summary}
      legend={
        drawn
          ? [
              { key: 'p50', tone: 'brand', label: t.staffP50 },
              { key: 'p95', tone: 'medium', label: t.staffP95 },
              { key: 'calls', tone: 'muted', label: t.staffCallsPerDay },
            ]
          : undefined
      }
      table={{
        label: t.staffShowFigures,
        caption: t.staffTableOf(title),
        columns: figureColumns<ComponentDay>(
          t,
          lang,
          { key: 'day', header: t.staffDay, cell: (row) => dayLong(row.day, lang) },
          ai,
        ),
        rows: byDay,
        rowKey: (row) => row.day,
      }}
    >
      {drawn ? (
        <div class="staff-stack">
          <MultiLineChart
            labels={byDay.map((day) => dayLabel(day.day, lang))}
            max={maxMs}
            format={(value) => millis(value, lang, t)}
            series={[
              { key: 'p50', tone: 'brand', values: byDay.map((day) => day.p50Ms) },
              { key: 'p95', tone: 'medium', values: byDay.map((day) => day.p95Ms) },
            ]}
          />
          <ColumnChart
            columns={byDay.map((day) => ({ key: day.day, label: dayLabel(day.day, lang), value: day.count }))}
            format={(value) => count(value, lang)}
            tone="muted"
          />
        </div>
      ) : null}
    </ChartFigure>
  );
}
