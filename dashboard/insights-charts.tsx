import { ArrowDownRight, ArrowUpRight, Minus, Sparkle } from 'lucide';
import type { ConversionRate, DurationStats, EngagementTerm, GrowthAnalysis, TopIntent } from '../schema/insights';
import { LANGUAGE_NAMES, LEAD_TONE_NAMES, URGENCIES } from '../schema/vocabulary';
import {
  BarList,
  type BarRow,
  ChartFigure,
  type ChartTone,
  ColumnChart,
  type FigureTable,
  LineChart,
  ShareBar,
} from './charts';
import { niceCeiling } from './charts/scale';
import type { Column } from './design';
import { Icon } from './design';
import { formatDuration, type Lang, type Strings } from './i18n';
import {
  formatChange,
  formatConfidence,
  formatCount,
  formatDecimal,
  formatPoints,
  formatScore,
  formatShare,
  formatWeek,
} from './insights-format';
import './strings/insights';

/**
 * The Insights screen's charts: each turns one part of the analysis into a figure (the
 * generic drawings of charts/), with a caption that says the point in words and a table
 * of every value drawn. One component per chart, each reading only what it shows.
 */

interface ChartProps {
  t: Strings;
  lang: Lang;
  analysis: GrowthAnalysis;
}

/** A table under a chart, its rows already in words. */
function table<Row>(
  t: Strings,
  title: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  rowKey: (row: Row) => string,
): FigureTable<Row> {
  return { label: t.insightsShowFigures, caption: t.insightsTableOf(title), columns, rows, rowKey };
}

/** A table row of text: its cells by column, already formatted, and its key. */
type Cells<K extends string> = { [P in K | 'key']: string };
const textColumns = <K extends string>(headers: readonly (readonly [K, string])[]): Column<Cells<K>>[] =>
  headers.map(([key, header]) => ({ key, header, cell: (row: Cells<K>) => row[key] }));

const shareOf = (count: number, total: number) => (total > 0 ? (count / total) * 100 : 0);

/** Leads per 7-day window, the High ones at the foot of each, and next week's forecast with its range. */
export function VolumeChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const { weeks, forecast } = analysis.figures;
  const total = weeks.reduce((sum, week) => sum + week.leads, 0);
  const last = weeks.at(-1);
  const title = t.insightsVolumeTitle;
  const rows: Cells<'week' | 'leads' | 'high' | 'converted'>[] = weeks.map((week) => ({
    key: week.start,
    week: formatWeek(week.start, lang),
    leads: formatCount(week.leads, lang),
    high: formatCount(week.high, lang),
    converted: formatCount(week.converted, lang),
  }));
  if (forecast)
    rows.push({
      key: 'forecast',
      week: t.insightsForecastRow(formatWeek(forecast.start, lang)),
      leads: `≈${formatDecimal(forecast.expected, lang)} (${t.insightsForecastRange(
        formatDecimal(forecast.low, lang),
        formatDecimal(forecast.high, lang),
      )})`,
      high: t.none,
      converted: t.none,
    });
  return (
    <ChartFigure
      id="chart-volume"
      class="chart-wide"
      title={title}
      summary={
        t.insightsVolumeSummary(formatCount(total, lang), weeks.length, formatCount(last?.leads ?? 0, lang)) +
        (forecast
          ? t.insightsForecastSummary(
              formatDecimal(forecast.expected, lang),
              formatDecimal(forecast.low, lang),
              formatDecimal(forecast.high, lang),
            )
          : t.insightsNoForecast)
      }
      legend={[
        { key: 'leads', tone: 'brand', label: t.insightsLegendLeads },
        { key: 'high', tone: 'high', label: t.insightsLegendHigh },
        ...(forecast
          ? [{ key: 'forecast', tone: 'soft' as const, label: t.insightsLegendForecast, estimate: true }]
          : []),
      ]}
      table={table(
        t,
        title,
        textColumns([
          ['week', t.insightsWeekOf],
          ['leads', t.insightsLeadsColumn],
          ['high', t.insightsHighColumn],
          ['converted', t.insightsConvertedColumn],
        ]),
        rows,
        (row) => row.key,
      )}
    >
      <ColumnChart
        columns={weeks.map((week) => ({
          key: week.start,
          label: formatWeek(week.start, lang),
          value: week.leads,
          part: week.high,
        }))}
        estimate={
          forecast
            ? {
                label: formatWeek(forecast.start, lang),
                expected: forecast.expected,
                low: forecast.low,
                high: forecast.high,
              }
            : null
        }
        format={(value) => formatDecimal(value, lang)}
      />
    </ChartFigure>
  );
}

/** Each term's input in words: leads, a median wait, or a share. */
function termInput(term: EngagementTerm, t: Strings, lang: Lang): string {
  if (term.input === null) return term.key === 'speed' && term.score !== null ? t.insightsNoInput : t.none;
  const value =
    term.key === 'volume'
      ? formatCount(term.input, lang)
      : term.key === 'speed'
        ? formatDuration(term.input, lang)
        : formatShare(term.input, lang);
  return t.insightsTermInputs[term.key](value);
}

/** The engagement score's four terms as rows of words: shared by its chart and "How is this computed". */
export function termRows(analysis: GrowthAnalysis, t: Strings, lang: Lang): Cells<TermColumn>[] {
  return analysis.figures.engagement.terms.map((term) => ({
    key: term.key,
    term: t.insightsTerms[term.key],
    input: termInput(term, t, lang),
    score: term.score === null ? t.insightsNotScored : formatScore(term.score, lang),
    weight: formatShare(term.weight * 100, lang),
  }));
}

type TermColumn = 'term' | 'input' | 'score' | 'weight';

export const termColumns = (t: Strings) =>
  textColumns<TermColumn>([
    ['term', t.insightsTerm],
    ['input', t.insightsInput],
    ['score', t.insightsScore],
    ['weight', t.insightsWeight],
  ]);

/** The engagement score's four terms, each out of 100, with the figure it comes from. */
export function EngagementChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const { terms } = analysis.figures.engagement;
  const title = t.insightsTermsTitle;
  const score = analysis.engagementScore;
  return (
    <ChartFigure
      id="chart-engagement"
      title={title}
      summary={t.insightsTermsSummary(score === null ? null : formatScore(score, lang))}
      table={table(t, title, termColumns(t), termRows(analysis, t, lang), (row) => row.key)}
    >
      <BarList
        max={100}
        rows={terms.map((term) => ({
          key: term.key,
          label: t.insightsTerms[term.key],
          value: term.score ?? 0,
          display: term.score === null ? t.insightsNotScored : `${formatScore(term.score, lang)} / 100`,
          note: termInput(term, t, lang),
        }))}
      />
    </ChartFigure>
  );
}

/** All-time leads by urgency, and how the period's High share moved. */
export function UrgencyChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const { high, medium, low } = analysis.urgencyDistribution;
  const total = high + medium + low;
  const share = analysis.figures.highShare.period;
  const trend = analysis.urgencyTrendPercentage;
  const levels = [
    { key: 'High', count: high, tone: 'high' },
    { key: 'Medium', count: medium, tone: 'medium' },
    { key: 'Low', count: low, tone: 'low' },
  ] as const;
  const title = t.insightsUrgencyTitle;
  const rows: Cells<'urgency' | 'leads' | 'share'>[] = levels.map((level) => ({
    key: level.key,
    urgency: t[level.key],
    leads: formatCount(level.count, lang),
    share: formatShare(shareOf(level.count, total), lang),
  }));
  return (
    <ChartFigure
      id="chart-urgency"
      title={title}
      summary={
        t.insightsUrgencySummary +
        (share === null
          ? ''
          : `${t.insightsHighShare(formatShare(share, lang))}${
              trend === null ? '' : t.insightsHighTrend(formatPoints(trend, lang))
            }.`)
      }
      table={table(
        t,
        title,
        textColumns([
          ['urgency', t.urgency],
          ['leads', t.insightsCount],
          ['share', t.insightsShare],
        ]),
        rows,
        (row) => row.key,
      )}
    >
      <BarList
        rows={levels.map((level, index) => ({
          key: level.key,
          label: t[level.key],
          value: level.count,
          display: `${rows[index]!.leads} · ${rows[index]!.share}`,
          tone: level.tone,
        }))}
      />
    </ChartFigure>
  );
}

/** All-time leads by the tone of their message, with the sentiment score. */
export function ToneChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const tones = analysis.toneDistribution;
  const total = tones.reduce((sum, tone) => sum + tone.count, 0);
  const title = t.insightsToneTitle;
  const rows: Cells<'tone' | 'leads' | 'share'>[] = tones.map((tone) => ({
    key: tone.tone,
    tone: LEAD_TONE_NAMES[tone.tone][lang],
    leads: formatCount(tone.count, lang),
    share: formatShare(shareOf(tone.count, total), lang),
  }));
  const score = analysis.toneSentimentScore;
  return (
    <ChartFigure
      id="chart-tone"
      title={title}
      summary={t.insightsToneSummary(score === null ? null : formatScore(score, lang))}
      table={table(
        t,
        title,
        textColumns([
          ['tone', t.insightsTone],
          ['leads', t.insightsCount],
          ['share', t.insightsShare],
        ]),
        rows,
        (row) => row.key,
      )}
    >
      <BarList
        rows={tones.map((tone, index) => ({
          key: tone.tone,
          label: rows[index]!.tone,
          value: tone.count,
          display: `${rows[index]!.leads} · ${rows[index]!.share}`,
          // The one tone that reads as trouble stands out; the words say which it is.
          tone: tone.tone === 'Frustrated' ? 'high' : 'brand',
        }))}
      />
    </ChartFigure>
  );
}

/** An intent's change since the period before, as an arrow and a signed percentage (or "new"). */
function Trend(props: { t: Strings; lang: Lang; intent: TopIntent }) {
  const { t, lang, intent } = props;
  const change = intent.changePercent;
  if (change === null && intent.period === 0) return null;
  const [icon, words, direction] =
    change === null
      ? [Sparkle, t.insightsChangeNew, 'new']
      : change > 0
        ? [ArrowUpRight, formatChange(change, lang), 'up']
        : change < 0
          ? [ArrowDownRight, formatChange(change, lang), 'down']
          : [Minus, t.insightsChangeSame, 'same'];
  return (
    <span class={`trend trend-${direction}`}>
      <Icon icon={icon} />
      <span class="sr-only">{t.insightsChangeSr(words)}</span>
      <span aria-hidden="true">{words}</span>
    </span>
  );
}

const changeText = (intent: TopIntent, t: Strings, lang: Lang) =>
  intent.changePercent === null
    ? intent.period > 0
      ? t.insightsChangeNew
      : t.none
    : intent.changePercent === 0
      ? t.insightsChangeSame
      : formatChange(intent.changePercent, lang);

/** The five most frequent intents of all time, each with its change this period. */
export function IntentsChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const intents = analysis.topIntents;
  const title = t.insightsIntentsTitle;
  const rows: Cells<'intent' | 'leads' | 'share' | 'period' | 'previous' | 'change'>[] = intents.map((intent) => ({
    key: intent.key,
    intent: intent[lang],
    leads: formatCount(intent.count, lang),
    share: formatShare(intent.share, lang),
    period: formatCount(intent.period, lang),
    previous: formatCount(intent.previous, lang),
    change: changeText(intent, t, lang),
  }));
  return (
    <ChartFigure
      id="chart-intents"
      title={title}
      summary={t.insightsIntentsSummary}
      table={table(
        t,
        title,
        textColumns([
          ['intent', t.intent],
          ['leads', t.insightsCount],
          ['share', t.insightsShare],
          ['period', t.insightsThisPeriod],
          ['previous', t.insightsPeriodBefore],
          ['change', t.insightsChange],
        ]),
        rows,
        (row) => row.key,
      )}
    >
      <BarList
        rows={intents.map((intent, index) => ({
          key: intent.key,
          label: intent[lang],
          value: intent.count,
          display: `${rows[index]!.leads} · ${rows[index]!.share}`,
          note: (
            <>
              <Trend t={t} lang={lang} intent={intent} />
              <span>{t.insightsPeriodCounts(rows[index]!.period, rows[index]!.previous)}</span>
            </>
          ),
        }))}
      />
    </ChartFigure>
  );
}

/** The triage's mean confidence per weekly window, broken where a week had none. */
export function ConfidenceChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const points = analysis.confidenceTrajectory;
  const title = t.insightsConfidenceTitle;
  const mean = analysis.avgConfidence;
  return (
    <ChartFigure
      id="chart-confidence"
      class="chart-wide"
      title={title}
      summary={t.insightsConfidenceSummary(mean === null ? null : formatConfidence(mean, lang))}
      table={table(
        t,
        title,
        textColumns([
          ['week', t.insightsWeekOf],
          ['confidence', t.insightsMeanConfidence],
          ['leads', t.insightsTriagedLeads],
        ]),
        points.map((point) => ({
          key: point.at,
          week: formatWeek(point.at, lang),
          confidence: point.value === null ? t.none : formatConfidence(point.value, lang),
          leads: formatCount(point.leads, lang),
        })),
        (row) => row.key,
      )}
    >
      <LineChart
        points={points.map((point) => ({ key: point.at, label: formatWeek(point.at, lang), value: point.value }))}
        max={1}
        format={(value) => formatConfidence(value, lang)}
      />
    </ChartFigure>
  );
}

/** English and French among all the leads, and this period's counts. */
export function LanguageChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  const ratio = analysis.languageRatio;
  const { counts } = analysis.figures;
  const title = t.insightsLanguageTitle;
  const languages = [
    { key: 'en', share: ratio.en, period: counts.en, tone: 'brand' },
    { key: 'fr', share: ratio.fr, period: counts.fr, tone: 'second' },
  ] as const;
  return (
    <ChartFigure
      id="chart-language"
      title={title}
      summary={t.insightsLanguageSummary(formatShare(ratio.en, lang), formatShare(ratio.fr, lang))}
      table={table(
        t,
        title,
        textColumns([
          ['language', t.insightsLanguage],
          ['share', t.insightsShare],
          ['period', t.insightsLanguagePeriod],
        ]),
        languages.map((language) => ({
          key: language.key,
          language: LANGUAGE_NAMES[language.key][lang],
          share: formatShare(language.share, lang),
          period: formatCount(language.period, lang),
        })),
        (row) => row.key,
      )}
    >
      <ShareBar
        segments={languages.map((language) => ({
          key: language.key,
          label: LANGUAGE_NAMES[language.key][lang],
          share: language.share,
          tone: language.tone,
        }))}
        format={(share) => formatShare(share, lang)}
      />
    </ChartFigure>
  );
}

const wait = (minutes: number | null, lang: Lang, t: Strings) =>
  minutes === null ? t.none : formatDuration(minutes, lang);

/** The period's speed to lead by urgency: the median wait, and the 90th percentile behind it. */
export function SpeedChart(props: ChartProps & { measure: 'firstAction' | 'autoReply' }) {
  const { t, lang, analysis, measure } = props;
  const stats = analysis.figures.speedToLead[measure];
  const title = measure === 'firstAction' ? t.insightsFirstActionTitle : t.insightsAutoReplyTitle;
  const groups = [
    ...URGENCIES.map((urgency) => ({ key: urgency, label: t[urgency] })),
    { key: 'all', label: t.insightsAllUrgencies },
  ] as const;
  const row = (key: (typeof groups)[number]['key']): DurationStats => stats[key];
  return (
    <ChartFigure
      id={`chart-speed-${measure}`}
      title={title}
      summary={t.insightsSpeedSummary}
      legend={[
        { key: 'median', tone: 'brand', label: t.insightsMedian },
        { key: 'p90', tone: 'soft', label: t.insightsP90 },
      ]}
      table={table(
        t,
        title,
        textColumns([
          ['urgency', t.urgency],
          ['leads', t.insightsCount],
          ['median', t.insightsMedian],
          ['p90', t.insightsP90],
        ]),
        groups.map((group) => ({
          key: group.key,
          urgency: group.label,
          leads: formatCount(row(group.key).leads, lang),
          median: wait(row(group.key).median, lang, t),
          p90: wait(row(group.key).p90, lang, t),
        })),
        (tableRow) => tableRow.key,
      )}
    >
      {stats.all.leads === 0 ? (
        <p class="muted">{t.insightsSpeedNoData}</p>
      ) : (
        <BarList
          rows={groups.map(
            (group): BarRow => ({
              key: group.key,
              label: group.label,
              value: row(group.key).median ?? 0,
              reach: row(group.key).p90,
              display:
                row(group.key).median === null
                  ? t.none
                  : t.insightsSpeedRow(wait(row(group.key).median, lang, t), wait(row(group.key).p90, lang, t)),
            }),
          )}
        />
      )}
    </ChartFigure>
  );
}

/** A rate's bar scale: round, so 12 % and 18 % compare at a glance, and never past 100 %. */
const rateScale = (rates: readonly (number | null)[]) =>
  Math.min(100, niceCeiling(Math.max(0, ...rates.map((r) => r ?? 0))));

/** A group of leads whose conversion is charted: an intent, a language. */
type ConversionGroup = ConversionRate & { key: string; label: string; tone?: ChartTone };

/** All-time conversion of each group: leads tagged Converted over its leads, as bars and as a table. */
function ConversionChart(props: {
  t: Strings;
  lang: Lang;
  id: string;
  title: string;
  /** The heading of the table's first column: what a group is. */
  groupHeading: string;
  groups: readonly ConversionGroup[];
}) {
  const { t, lang, title, groups } = props;
  const rows: Cells<'group' | 'rate' | 'converted' | 'leads'>[] = groups.map((group) => ({
    key: group.key,
    group: group.label,
    rate: group.rate === null ? t.none : formatShare(group.rate, lang),
    converted: formatCount(group.converted, lang),
    leads: formatCount(group.leads, lang),
  }));
  return (
    <ChartFigure
      id={props.id}
      title={title}
      summary={t.insightsConversionSummary}
      table={table(
        t,
        title,
        textColumns([
          ['group', props.groupHeading],
          ['rate', t.insightsRate],
          ['converted', t.insightsConvertedColumn],
          ['leads', t.insightsCount],
        ]),
        rows,
        (row) => row.key,
      )}
    >
      <BarList
        max={rateScale(groups.map((group) => group.rate))}
        rows={groups.map((group, index) => ({
          key: group.key,
          label: group.label,
          value: group.rate ?? 0,
          ...(group.tone ? { tone: group.tone } : {}),
          display: t.insightsConversionRow(rows[index]!.rate, rows[index]!.converted, rows[index]!.leads),
        }))}
      />
    </ChartFigure>
  );
}

/** All-time conversion of each intent. */
export function ConversionByIntentChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  return (
    <ConversionChart
      t={t}
      lang={lang}
      id="chart-conversion-intent"
      title={t.insightsConversionIntentTitle}
      groupHeading={t.intent}
      groups={analysis.figures.conversionByIntent.map((intent) => ({ ...intent, label: intent[lang] }))}
    />
  );
}

/** All-time conversion of the English and the French leads. */
export function ConversionByLanguageChart(props: ChartProps) {
  const { t, lang, analysis } = props;
  return (
    <ConversionChart
      t={t}
      lang={lang}
      id="chart-conversion-language"
      title={t.insightsConversionLanguageTitle}
      groupHeading={t.insightsLanguage}
      groups={(['en', 'fr'] as const).map((key) => ({
        ...analysis.figures.conversionByLanguage[key],
        key,
        label: LANGUAGE_NAMES[key][lang],
        tone: key === 'fr' ? 'second' : 'brand',
      }))}
    />
  );
}

/** Every chart of the analysis, two abreast on a wide screen, one under the other on a phone. */
export function InsightsCharts(props: ChartProps) {
  return (
    <div class="charts">
      <VolumeChart {...props} />
      <EngagementChart {...props} />
      <UrgencyChart {...props} />
      <IntentsChart {...props} />
      <ToneChart {...props} />
      <SpeedChart {...props} measure="firstAction" />
      <SpeedChart {...props} measure="autoReply" />
      <ConfidenceChart {...props} />
      <ConversionByIntentChart {...props} />
      <div class="chart-stack">
        <LanguageChart {...props} />
        <ConversionByLanguageChart {...props} />
      </div>
    </div>
  );
}
