import { CircleCheck, Clock, Hourglass, Inbox, MailCheck, Siren, Sparkles, Timer } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HomeLink, HomeUrgentLead, HomeView } from '../schema/app-api';
import type { ConnectionHealthView } from '../schema/connection-health-api';
import { type Account, api, errorText } from './api';
import { useConnectionHealth } from './connection-view';
import { AppLink, Badge, Card, Icon, PageHeader, Skeleton, Stat } from './design';
import { EmptyInbox } from './empty-inbox';
import { formatDuration, formatNumber, type Lang, locale, type Strings } from './i18n';
import { Lazy } from './lazy';
import { leadPath, PATHS } from './router';

/** The figures stay live: fetched again every minute while the tab is visible. */
const REFRESH_MS = 60_000;

const timeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

const linkPath = (link: HomeLink) => `${link.screen === 'inbox' ? PATHS.inbox : PATHS.activity}?${link.query}`;

/** The lead's summary in the dashboard's language when there is one, else in its own, else its first words. */
const gist = (lead: HomeUrgentLead, lang: Lang) =>
  (lang === 'fr' ? lead.aiSummaryFr : lead.aiSummaryEn) ?? lead.aiSummary ?? lead.messageExcerpt;

const loadConnection = () => import('./connection-health');

/** The connection banner, its code fetched only when there is a problem to show (the home stays light). */
function Connection(props: { lang: Lang; go: (path: string) => void; view: ConnectionHealthView | null }) {
  if (!props.view || props.view.problems.length === 0) return null;
  return (
    <Lazy
      load={loadConnection}
      render={(module) => <module.ConnectionBanner {...props} />}
      fallback={null}
      failed={null}
    />
  );
}

/**
 * The first screen after sign-in: what needs the client now. Urgent leads no person has
 * answered and how long each has waited, the day's new leads, the automatic replies, and
 * how fast the team acts; each a link into the inbox. With no lead yet, the onboarding.
 */
export function Home(props: { t: Strings; lang: Lang; account: Account; go: (path: string) => void }) {
  const { t, lang, account, go } = props;
  const [home, setHome] = useState<HomeView | null>(null);
  /** When the answer arrived, by the browser's clock: waits count on from there (the server's clock may differ). */
  const [received, setReceived] = useState(0);
  const [error, setError] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const words = useRef(t);
  words.current = t;
  const connection = useConnectionHealth(account.client.id);

  useEffect(() => {
    let latest = 0;
    let stopped = false;
    const load = async () => {
      const asked = ++latest;
      try {
        const zone = timeZone();
        const fresh = await api<HomeView>('GET', zone ? `/home?tz=${encodeURIComponent(zone)}` : '/home');
        // An older answer that arrives after a newer one is dropped.
        if (stopped || asked !== latest) return;
        setHome(fresh);
        setReceived(Date.now());
        setError('');
      } catch (caught) {
        if (!stopped && asked === latest) setError(errorText(caught, words.current));
      }
    };
    load();
    // Fresh figures each minute while the tab is seen, and at once when it is seen again.
    const refresh = setInterval(() => {
      if (!document.hidden) load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (!document.hidden) load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearInterval(refresh);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // Another client's figures when an internal account switches.
  }, [account.client.id]);
  // The waits keep counting between answers, offline included.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(tick);
  }, []);

  const greeting = t.homeGreeting(new Date().getHours());
  const today = new Intl.DateTimeFormat(locale(lang), { weekday: 'long', day: 'numeric', month: 'long' }).format(
    new Date(),
  );
  const header = (
    <PageHeader
      title={`${greeting}, ${account.client.businessName}`}
      description={today.replace(/^./, (c) => c.toUpperCase())}
    />
  );
  if (!home) {
    return (
      <main class="home">
        {header}
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : (
          <Skeleton label={t.loading} blocks={2} lines={3} />
        )}
      </main>
    );
  }
  if (!home.hasAnyLead || home.testLeadsOnly) {
    return (
      <main class="home">
        <PageHeader title={t.welcomeTitle(account.client.businessName)} description={t.welcomeIntro} />
        {/* The newcomer's usual first problem: the snippet pasted on a site the form does not allow yet. */}
        <Connection lang={lang} go={go} view={connection.view} />
        {home.testLeadsOnly ? (
          <p class="notice-box">
            <Icon icon={CircleCheck} /> {t.testLeadArrived}{' '}
            <AppLink href={`${PATHS.inbox}?test=1`} go={go}>
              {t.seeTestLead}
            </AppLink>
          </p>
        ) : null}
        <EmptyInbox t={t} onTestLead={() => go(`${PATHS.inbox}?test=1`)} />
      </main>
    );
  }

  // The answer's waits were true when it arrived; they keep counting from there.
  const sinceAnswer = Math.max(0, Math.floor((now - received) / 60_000));
  const waited = (lead: HomeUrgentLead) => lead.waitedMinutes + sinceAnswer;
  const longest = home.urgent.leads[0];
  const median = home.firstHumanAction.medianMinutes;
  return (
    <main class="home">
      {header}
      <Connection lang={lang} go={go} view={connection.view} />
      <div class="stats">
        <Stat
          icon={Siren}
          tone={home.urgent.total > 0 ? 'danger' : undefined}
          label={t.homeUrgent}
          value={formatNumber(home.urgent.total, lang)}
          note={longest ? t.homeLongestWait(formatDuration(waited(longest), lang)) : t.homeNothingUrgent}
          href={linkPath(home.urgent.link)}
          go={go}
        />
        <Stat
          icon={Inbox}
          label={t.homeNewToday}
          value={formatNumber(home.newToday.count, lang)}
          note={t.homeNewTodayNote}
          href={linkPath(home.newToday.link)}
          go={go}
        />
        <Stat
          icon={MailCheck}
          label={t.homeAutoReplies}
          value={formatNumber(home.autoReplies.today, lang)}
          note={t.homeAutoRepliesWeek(formatNumber(home.autoReplies.week, lang))}
          href={linkPath(home.autoReplies.todayLink)}
          go={go}
        />
        <Stat
          icon={Timer}
          label={t.homeFirstAction}
          value={median === null ? t.none : formatDuration(median, lang)}
          note={
            median === null
              ? t.homeFirstActionNone
              : t.homeFirstActionOver(formatNumber(home.firstHumanAction.leads, lang))
          }
          href={linkPath(home.firstHumanAction.link)}
          go={go}
        />
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      <Card
        id="home-urgent"
        icon={Hourglass}
        title={t.homeWaitingTitle}
        description={home.urgent.total > 0 ? t.homeWaitingHelp : undefined}
      >
        {home.urgent.leads.length === 0 ? (
          <p class="home-clear">
            <Icon icon={Sparkles} /> {t.homeAllClear}
          </p>
        ) : (
          <ul class="waiting">
            {home.urgent.leads.map((lead) => (
              <li key={lead.id}>
                <AppLink href={leadPath(lead.id)} go={go}>
                  <span class="waiting-name">{lead.name}</span>
                  <span class="waiting-gist">{gist(lead, lang)}</span>
                </AppLink>
                <span class="waiting-meta">
                  <Badge tone="danger" icon={Clock}>
                    {t.homeWaiting(formatDuration(waited(lead), lang))}
                  </Badge>
                  {lead.intent ? <Badge>{lead.intent[lang]}</Badge> : null}
                  {lead.autoReplied ? <Badge tone="success">{t.homeAutoAnswered}</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        {home.urgent.total > home.urgent.leads.length ? (
          <p>
            <AppLink href={linkPath(home.urgent.link)} go={go}>
              {t.homeSeeAllUrgent(formatNumber(home.urgent.total, lang))}
            </AppLink>
          </p>
        ) : null}
      </Card>
    </main>
  );
}
