import { FlaskConical, Rocket, Sparkles } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InsightsView } from '../schema/app-api';
import { type Account, api, errorText } from './api';
import { AppLink, Button, buttonClass, EmptyState, Icon, PageHeader, Skeleton, Toast } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { InsightsCharts } from './insights-charts';
import { KeyFigures } from './insights-figures';
import { formatCount, formatDays, formatScore, formatTime } from './insights-format';
import { Method } from './insights-method';
import { insightsApiPath, type PeriodChoice, periodFromSearch, periodSearch, samePeriod } from './insights-period';
import { PeriodPicker } from './insights-period-picker';
import { Recommendations } from './insights-recommendations';
import { type Refresh, useRefresh } from './insights-refresh';
import { PATHS } from './router';
import './strings/insights';

const METHOD_ID = 'insights-method';

const timeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/**
 * The Insights screen (/app/insights): the last growth analysis's recommendations, the
 * period's key figures and charts, and how each is computed. The period is in the URL;
 * the "Growth Copilot" button runs a new analysis and the screen follows it to the end,
 * then shows the new figures in place and says so.
 */
export function Insights(props: { t: Strings; lang: Lang; account: Account; go: (path: string) => void }) {
  const { t, lang, account, go } = props;
  const [choice, setChoice] = useState<PeriodChoice>(() => periodFromSearch(location.search));
  const [view, setView] = useState<InsightsView | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const words = useRef(t);
  words.current = t;
  /** Numbers each request: only the answer to the latest one is shown. */
  const latest = useRef(0);
  const path = insightsApiPath(choice, timeZone());

  useEffect(() => {
    history.replaceState(history.state, '', `${PATHS.insights}${periodSearch(choice)}`);
  }, [periodSearch(choice)]);

  const load = async (): Promise<InsightsView | null> => {
    if (!path) return null;
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const fresh = await api<InsightsView>('GET', path);
      if (ticket !== latest.current) return null;
      setView(fresh);
      setError('');
      return fresh;
    } catch (caught) {
      if (ticket === latest.current) setError(errorText(caught, words.current));
      return null;
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  };
  // Another period, or another client's figures when an internal account switches.
  useEffect(() => {
    load();
  }, [path, account.client.id]);

  const refresh = useRefresh(view?.refresh ?? null, t, lang, async () => {
    const analysis = (await load())?.analysis;
    if (!analysis) return;
    const { leads } = analysis.figures.counts;
    const score = analysis.engagementScore;
    setAnnouncement(
      words.current.insightsRefreshDone(
        formatCount(leads, lang),
        leads,
        score === null ? null : formatScore(score, lang),
      ),
    );
  });

  return (
    <main class={loading && view ? 'insights insights-loading' : 'insights'} aria-busy={loading || undefined}>
      <PageHeader
        title={t.insights}
        description={<HeaderLines t={t} lang={lang} view={view} />}
        actions={refresh.status ? <RefreshControl t={t} lang={lang} refresh={refresh} /> : null}
      />
      <RefreshStatus t={t} refresh={refresh} />
      <PeriodPicker
        t={t}
        choice={choice}
        onChange={(next) => {
          if (!samePeriod(next, choice)) setChoice(next);
        }}
      />
      <p class="error" role="alert">
        {error}
      </p>
      <p class="sr-only" role="status">
        {loading && view ? t.insightsLoadingPeriod : ''}
      </p>
      {!path ? (
        <p class="muted">{t.insightsCustomIncomplete}</p>
      ) : !view ? (
        error ? null : (
          <Skeleton label={t.loading} blocks={2} lines={4} />
        )
      ) : (
        <InsightsBody t={t} lang={lang} view={view} go={go} />
      )}
      <Toast text={announcement} closeLabel={t.close} onDismiss={() => setAnnouncement(null)} />
    </main>
  );
}

/** Under the title: the period and the one it is compared with, and when and by what the last analysis ran. */
function HeaderLines(props: { t: Strings; lang: Lang; view: InsightsView | null }) {
  const { t, lang, view } = props;
  const period = view?.analysis?.figures.period;
  const stored = view?.stored;
  if (!period && !stored) return <>{t.insightsIntro}</>;
  const engine = stored?.insights.engine;
  return (
    <>
      {period ? (
        <span class="header-line">
          {t.insightsPeriodRange(formatDays(period.start, period.end, lang), Math.round(period.days))}
        </span>
      ) : null}
      {stored ? (
        <span class="header-line">
          {t.insightsAnalyzed(formatDate(stored.analyzedAt, lang), engine ? t.insightsEngines[engine] : null)}
        </span>
      ) : null}
    </>
  );
}

/** The "Growth Copilot" button, and how many refreshes the limit leaves (which describes it). */
function RefreshControl(props: { t: Strings; lang: Lang; refresh: Refresh }) {
  const { t, lang, refresh } = props;
  const status = refresh.status!;
  const exhausted = status.remaining === 0 && !refresh.pending;
  return (
    <div class="refresh-control">
      <Button
        variant="primary"
        icon={Sparkles}
        busy={refresh.pending}
        disabled={exhausted}
        aria-describedby="insights-refresh-limit"
        onClick={refresh.start}
      >
        {refresh.pending ? t.insightsRefreshWorking : t.insightsRefresh}
      </Button>
      <p id="insights-refresh-limit" class="muted">
        {t.insightsRefreshLimit(status.limit, t.insightsPerWindow(status.windowMinutes), status.remaining)}
        {status.remaining === 0 && status.retryAt ? ` ${t.insightsRefreshNext(formatTime(status.retryAt, lang))}` : ''}
      </p>
    </div>
  );
}

/** The progress of a refresh under way, and what went wrong with one. */
function RefreshStatus(props: { t: Strings; refresh: Refresh }) {
  const { t, refresh } = props;
  const state = refresh.status?.state;
  const step = state === 'queued' ? t.insightsQueued : state === 'running' ? t.insightsRunning : '';
  return (
    <div class="refresh-status">
      <div class="refresh-progress" role="status">
        {step ? (
          <>
            <progress aria-label={t.insightsProgress} />
            <span>{step}</span>
          </>
        ) : null}
      </div>
      <p class="error" role="alert">
        {refresh.error}
      </p>
    </div>
  );
}

/**
 * Whether the client has no lead to analyse: its last analysis found none, or, never
 * analysed, this week's figures (computed on the spot) have none. A custom period before
 * the first lead is empty too, but says nothing of the client: its figures are shown.
 */
export function hasNoLead(view: InsightsView): boolean {
  const total = view.analysis?.totalLeads ?? 0;
  if (total > 0) return false;
  return view.stored ? view.stored.empty : view.period === 'week';
}

/** The analysis, or why there is none: no lead yet. Before any stored analysis, the figures without advice. */
function InsightsBody(props: { t: Strings; lang: Lang; view: InsightsView; go: (path: string) => void }) {
  const { t, lang, view, go } = props;
  const { stored, analysis } = view;
  return (
    <>
      {view.testClient ? (
        <p class="notice-box">
          <Icon icon={FlaskConical} /> {t.insightsTestClient}
        </p>
      ) : null}
      {hasNoLead(view) ? (
        <EmptyState
          id="insights-empty"
          icon={Rocket}
          title={t.insightsEmptyTitle}
          actions={
            <AppLink class={buttonClass('primary')} href={`${PATHS.settings}#st-embed`} go={go}>
              {t.insightsEmptyAction}
            </AppLink>
          }
        >
          <p>{t.insightsEmptyHelp}</p>
        </EmptyState>
      ) : (
        <>
          {stored ? (
            <Recommendations
              t={t}
              lang={lang}
              recommendations={stored.insights[lang].recommendations}
              analyzedAt={stored.analyzedAt}
              go={go}
            />
          ) : (
            <section class="card never-analysed" aria-labelledby="insights-never-title">
              <h2 id="insights-never-title" class="with-icon">
                <Icon icon={Sparkles} />
                {t.insightsNeverTitle}
              </h2>
              <p>{t.insightsNeverHelp}</p>
            </section>
          )}
          {analysis ? (
            <>
              <KeyFigures t={t} lang={lang} analysis={analysis} methodId={METHOD_ID} />
              <InsightsCharts t={t} lang={lang} analysis={analysis} />
              <Method t={t} lang={lang} analysis={analysis} id={METHOD_ID} />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
