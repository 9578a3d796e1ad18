import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Account, api, fetchAccount, setApiLang } from './api';
import { Button, Skeleton } from './design';
import { Header, screenName } from './header';
import { initialLang, type Lang, STRINGS, type Strings, saveLang } from './i18n';
import { Lazy, prefetch } from './lazy';
import { leadPath, PATHS, PUBLIC_ROUTES, parseRoute, prospectPath, type Route, sectionOf } from './router';
import { withStaffStyles } from './staff-styles';
import './styles.css';

/** Each screen's code, fetched when the screen is first opened (see lazy.tsx). */
const screens = {
  signIn: () => import('./sign-in'),
  home: () => import('./home'),
  inbox: () => import('./inbox'),
  lead: () => import('./lead'),
  activity: () => import('./activity'),
  insights: () => import('./insights'),
  settings: () => import('./settings'),
  clients: () => import('./clients'),
  staffLearning: withStaffStyles(() => import('./staff-learning')),
  staffPrompts: withStaffStyles(() => import('./staff-prompts')),
  staffSystem: withStaffStyles(() => import('./staff-system')),
  staffTranslations: withStaffStyles(() => import('./staff-translations')),
  staffProspects: withStaffStyles(() => import('./staff-prospects')),
  staffProspect: withStaffStyles(() => import('./staff-prospect')),
  staffImport: withStaffStyles(() => import('./staff-import')),
  staffDiscovery: withStaffStyles(() => import('./staff-discovery')),
  staffFormTests: withStaffStyles(() => import('./staff-form-tests')),
  staffProfile: withStaffStyles(() => import('./staff-profile')),
  staffOutreach: withStaffStyles(() => import('./staff-outreach')),
  staffOutreachCampaign: withStaffStyles(() => import('./staff-outreach-campaign')),
  staffOutreachApproval: withStaffStyles(() => import('./staff-outreach-approval')),
  staffOutreachTemplates: withStaffStyles(() => import('./staff-outreach-templates')),
  staffOutreachLists: withStaffStyles(() => import('./staff-outreach-lists')),
  design: () => import('./gallery'),
};

const screenTitle = (route: Route, t: Strings, lang: Lang) => {
  // The prospect screens are named for themselves (a prospect, the import), not their section.
  const name = route.name.startsWith('staff-') ? route.name : sectionOf(route);
  if (name === 'forgot-password') return t.forgotTitle;
  if (name === 'reset-password') return t.resetTitle;
  return screenName(name, t, lang);
};

/** The screens of internal (Avenir staff) accounts only. */
const STAFF_ROUTES: readonly Route['name'][] = [
  'clients',
  'design',
  'staff-learning',
  'staff-prompts',
  'staff-system',
  'staff-translations',
  'staff-prospects',
  'staff-prospect',
  'staff-import',
  'staff-discovery',
  'staff-form-tests',
  'staff-profile',
  'staff-outreach',
  'staff-outreach-campaign',
  'staff-outreach-approval',
  'staff-outreach-templates',
  'staff-outreach-suppressions',
  'staff-outreach-industries',
];

/** Whether the last visit ended signed in: the shell draws its signed-in frame before /me answers. */
const SIGNED_IN_KEY = 'avenir.signedIn';

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname, location.search));
  /** Bumped by every navigation: a screen that reads its filters from the address starts again from it. */
  const [visit, setVisit] = useState(0);
  const inboxPath = useRef<string>(PATHS.inbox);
  /** The prospects' list with its filters, for a prospect's "back". */
  const prospectsPath = useRef<string>(PATHS['staff-prospects']);
  const t = STRINGS[lang];
  setApiLang(lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'fr' ? 'fr-CA' : 'en-CA';
    const signedOut = account === null && !PUBLIC_ROUTES.includes(route.name);
    document.title = `${signedOut ? t.signInTitle : screenTitle(route, t, lang)} — Avenir`;
  }, [lang, t, route, account]);
  const refreshAccount = () =>
    fetchAccount()
      .then(setAccount)
      .catch(() => setAccount(null));
  useEffect(() => {
    if (account === undefined) return;
    if (account) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  }, [account]);
  useEffect(() => {
    refreshAccount();
    const onPop = () => {
      setRoute(parseRoute(location.pathname, location.search));
      setVisit((n) => n + 1);
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const ready = Boolean(account && !account.mustChangePassword);
  useEffect(() => {
    if (!ready) return;
    // The screens one opens next, fetched while the browser has nothing else to do.
    const timer = setTimeout(() => {
      prefetch(screens.inbox);
      prefetch(screens.lead);
    }, 1500);
    return () => clearTimeout(timer);
  }, [ready]);

  const go = (path: string) => {
    // The inbox keeps its filters in the query string: "back to the inbox" returns to them.
    if (route.name === 'inbox') inboxPath.current = location.pathname + location.search;
    if (route.name === 'staff-prospects') prospectsPath.current = location.pathname + location.search;
    history.pushState(null, '', path);
    const url = new URL(path, location.origin);
    setRoute(parseRoute(url.pathname, url.search));
    setVisit((n) => n + 1);
    scrollTo(0, 0);
    // A screen reader starts reading the new screen, not wherever the old one left it.
    document.getElementById('main')?.focus({ preventScroll: true });
  };
  const switchLang = (next: Lang) => {
    saveLang(next);
    setLang(next);
  };
  const signOut = async () => {
    try {
      await api('DELETE', '/session');
    } finally {
      setAccount(null);
      go(PATHS.home);
    }
  };
  const signedIn = (fresh: Account) => {
    setAccount(fresh);
    if (PUBLIC_ROUTES.includes(route.name)) go(PATHS.home);
    // The person starts reading the dashboard, not the form that is gone.
    else setTimeout(() => document.getElementById('main')?.focus());
  };
  // An address this account has no screen for (asking for a reset link while signed in, a
  // staff screen) shows the home, and says so in the address bar.
  useEffect(() => {
    if (!account || account.mustChangePassword) return;
    const staffOnly = STAFF_ROUTES.includes(route.name) && !account.isInternal;
    if (route.name === 'forgot-password' || staffOnly) {
      history.replaceState(null, '', PATHS.home);
      setRoute({ name: 'home' });
    }
  }, [account, route.name]);

  const loading = (
    <main>
      <Skeleton label={t.loading} lines={4} blocks={1} />
    </main>
  );
  const failed = (
    <main>
      <p role="alert">{t.screenFailed}</p>
      <Button variant="primary" onClick={() => location.reload()}>
        {t.reload}
      </Button>
    </main>
  );
  const screen = <M,>(load: () => Promise<M>, draw: (module: M) => preact.ComponentChildren) => (
    <Lazy load={load} render={draw} fallback={loading} failed={failed} />
  );
  const open = (id: string) => go(leadPath(id));

  let body: preact.ComponentChildren;
  if (account === undefined) body = loading;
  // A reset link opened while signed in still takes its token out of the address and works.
  else if (route.name === 'reset-password' && !account?.mustChangePassword)
    body = screen(screens.signIn, (m) => <m.ResetPassword t={t} go={go} onSignedIn={signedIn} />);
  else if (account === null || account.mustChangePassword) {
    body = screen(screens.signIn, (m) =>
      account?.mustChangePassword ? (
        <m.ChangePassword t={t} onChanged={() => setAccount({ ...account, mustChangePassword: false })} />
      ) : route.name === 'forgot-password' ? (
        <m.ForgotPassword t={t} lang={lang} go={go} />
      ) : (
        <m.SignIn t={t} go={go} onSignedIn={signedIn} />
      ),
    );
  } else if (route.name === 'lead')
    body = screen(screens.lead, (m) => (
      <m.LeadView t={t} lang={lang} id={route.id} back={() => go(inboxPath.current)} backHref={inboxPath.current} />
    ));
  else if (route.name === 'inbox')
    body = screen(screens.inbox, (m) => <m.Inbox key={visit} t={t} lang={lang} open={open} />);
  else if (route.name === 'activity')
    body = screen(screens.activity, (m) => <m.Activity key={visit} t={t} lang={lang} open={open} />);
  else if (route.name === 'insights')
    body = screen(screens.insights, (m) => <m.Insights t={t} lang={lang} account={account} go={go} />);
  else if (route.name === 'settings')
    body = screen(screens.settings, (m) => (
      <m.Settings t={t} lang={lang} account={account} onAccountChange={refreshAccount} />
    ));
  else if (route.name === 'clients' && account.isInternal)
    body = screen(screens.clients, (m) => (
      <m.Clients
        t={t}
        lang={lang}
        account={account}
        onSwitched={async () => {
          await refreshAccount();
          go(PATHS.home);
        }}
      />
    ));
  else if (route.name === 'staff-learning' && account.isInternal)
    body = screen(screens.staffLearning, (m) => <m.StaffLearning t={t} lang={lang} />);
  else if (route.name === 'staff-prompts' && account.isInternal)
    body = screen(screens.staffPrompts, (m) => <m.StaffPrompts t={t} lang={lang} />);
  else if (route.name === 'staff-system' && account.isInternal)
    body = screen(screens.staffSystem, (m) => <m.StaffSystem t={t} lang={lang} />);
  else if (route.name === 'staff-translations' && account.isInternal)
    body = screen(screens.staffTranslations, (m) => <m.StaffTranslations t={t} lang={lang} />);
  else if (route.name === 'staff-prospects' && account.isInternal)
    body = screen(screens.staffProspects, (m) => (
      <m.StaffProspects key={visit} t={t} lang={lang} go={go} open={(id) => go(prospectPath(id))} />
    ));
  else if (route.name === 'staff-prospect' && account.isInternal)
    body = screen(screens.staffProspect, (m) => (
      <m.StaffProspect t={t} lang={lang} id={route.id} go={go} backHref={prospectsPath.current} />
    ));
  else if (route.name === 'staff-import' && account.isInternal)
    body = screen(screens.staffImport, (m) => <m.StaffImport key={visit} t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-discovery' && account.isInternal)
    body = screen(screens.staffDiscovery, (m) => <m.StaffDiscovery t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-form-tests' && account.isInternal)
    body = screen(screens.staffFormTests, (m) => <m.StaffFormTests key={visit} t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-profile' && account.isInternal)
    body = screen(screens.staffProfile, (m) => <m.StaffProfile t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-outreach' && account.isInternal)
    body = screen(screens.staffOutreach, (m) => <m.StaffOutreach key={visit} t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-outreach-campaign' && account.isInternal)
    body = screen(screens.staffOutreachCampaign, (m) => (
      <m.StaffOutreachCampaign key={route.id} t={t} lang={lang} id={route.id} go={go} />
    ));
  else if (route.name === 'staff-outreach-approval' && account.isInternal)
    body = screen(screens.staffOutreachApproval, (m) => (
      <m.StaffOutreachApproval key={visit} t={t} lang={lang} go={go} />
    ));
  else if (route.name === 'staff-outreach-templates' && account.isInternal)
    body = screen(screens.staffOutreachTemplates, (m) => <m.StaffOutreachTemplates t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-outreach-suppressions' && account.isInternal)
    body = screen(screens.staffOutreachLists, (m) => <m.StaffOutreachSuppressions t={t} lang={lang} go={go} />);
  else if (route.name === 'staff-outreach-industries' && account.isInternal)
    body = screen(screens.staffOutreachLists, (m) => <m.StaffOutreachIndustries t={t} lang={lang} go={go} />);
  else if (route.name === 'design' && account.isInternal)
    body = screen(screens.design, (m) => <m.Gallery t={t} lang={lang} />);
  else body = screen(screens.home, (m) => <m.Home t={t} lang={lang} account={account} go={go} />);

  return (
    <>
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <Header
        t={t}
        lang={lang}
        account={account}
        signedIn={account === undefined ? localStorage.getItem(SIGNED_IN_KEY) === '1' : Boolean(account)}
        ready={ready}
        current={sectionOf(route)}
        go={go}
        onLang={switchLang}
        onSignOut={signOut}
      />
      {account?.actingAs ? (
        <aside class="acting-as" aria-labelledby="acting-as-text">
          <p>
            <span id="acting-as-text">{t.actingAs(account.actingAs.businessName)}</span>{' '}
            <Button
              variant="ghost"
              small
              onClick={async () => {
                await api('DELETE', '/switch').catch(() => undefined);
                await refreshAccount();
                go(PATHS.clients);
              }}
            >
              {t.switchBack}
            </Button>
          </p>
        </aside>
      ) : null}
      <div id="main" tabIndex={-1}>
        {body}
      </div>
    </>
  );
}

render(<App />, document.getElementById('app')!);
