import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Activity } from './activity';
import { type Account, api, fetchAccount, setApiLang } from './api';
import { Clients } from './clients';
import { initialLang, type Lang, STRINGS, type Strings, saveLang } from './i18n';
import { Inbox } from './inbox';
import { LeadView } from './lead';
import { Settings } from './settings';
import { ChangePassword, SignIn } from './sign-in';
import './styles.css';

/** The screens, each at its own URL under /app. */
type Route =
  | { name: 'inbox' }
  | { name: 'lead'; id: string }
  | { name: 'activity' }
  | { name: 'settings' }
  | { name: 'clients' };

const PATHS = { inbox: '/app', activity: '/app/activity', settings: '/app/settings', clients: '/app/clients' } as const;

function parseRoute(path: string): Route {
  const lead = /^\/app\/leads\/([^/]+)\/?$/.exec(path);
  if (lead) return { name: 'lead', id: decodeURIComponent(lead[1]!) };
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === PATHS.activity) return { name: 'activity' };
  if (trimmed === PATHS.settings) return { name: 'settings' };
  if (trimmed === PATHS.clients) return { name: 'clients' };
  return { name: 'inbox' };
}

const screenTitle = (route: Route, t: Strings) =>
  route.name === 'lead' ? t.inbox : route.name === 'inbox' ? t.inbox : t[route.name];

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const inboxPath = useRef('/app');
  const t = STRINGS[lang];
  setApiLang(lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'fr' ? 'fr-CA' : 'en-CA';
    document.title = `${screenTitle(route, t)} — Avenir`;
  }, [lang, t, route]);
  const refreshAccount = () =>
    fetchAccount()
      .then(setAccount)
      .catch(() => setAccount(null));
  useEffect(() => {
    refreshAccount();
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = (path: string) => {
    // The inbox keeps its filters in the query string: "back to the inbox" returns to them.
    if (route.name === 'inbox') inboxPath.current = location.pathname + location.search;
    history.pushState(null, '', path);
    setRoute(parseRoute(path));
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
      go('/app');
    }
  };

  const ready = account && !account.mustChangePassword;
  let body: preact.ComponentChildren;
  if (account === undefined) body = <p aria-live="polite">{t.loading}</p>;
  else if (account === null) body = <SignIn t={t} onSignedIn={setAccount} />;
  else if (account.mustChangePassword)
    body = <ChangePassword t={t} onChanged={() => setAccount({ ...account, mustChangePassword: false })} />;
  else if (route.name === 'lead')
    body = <LeadView t={t} lang={lang} id={route.id} back={() => go(inboxPath.current)} />;
  else if (route.name === 'activity') body = <Activity t={t} lang={lang} open={(id) => go(`/app/leads/${id}`)} />;
  else if (route.name === 'settings')
    body = <Settings t={t} lang={lang} account={account} onAccountChange={refreshAccount} />;
  else if (route.name === 'clients' && account.isInternal)
    body = (
      <Clients
        t={t}
        lang={lang}
        account={account}
        onSwitched={async () => {
          await refreshAccount();
          go('/app');
        }}
      />
    );
  else body = <Inbox t={t} lang={lang} open={(id) => go(`/app/leads/${id}`)} />;

  const navItems = (['inbox', 'activity', 'settings', 'clients'] as const).filter(
    (name) => name !== 'clients' || account?.isInternal,
  );
  const current = route.name === 'lead' ? 'inbox' : route.name;
  return (
    <>
      <a class="skip" href="#main">
        {t.skipToContent}
      </a>
      <header class="top">
        <span class="brand">{account?.client.businessName || 'Avenir'}</span>
        {ready ? (
          <nav aria-label={t.mainNavigation}>
            {navItems.map((name) => (
              <a
                key={name}
                href={PATHS[name]}
                aria-current={current === name ? 'page' : undefined}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  go(PATHS[name]);
                }}
              >
                {t[name]}
              </a>
            ))}
          </nav>
        ) : null}
        <fieldset class="switch">
          <legend class="sr-only">{t.language}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => switchLang(l)}>
              {l === 'en' ? 'English' : 'Français'}
            </button>
          ))}
        </fieldset>
        {account ? (
          <button type="button" class="link" onClick={signOut}>
            {t.signOut}
          </button>
        ) : null}
        {account?.actingAs ? (
          <p class="acting-as">
            {t.actingAs(account.actingAs.businessName)}{' '}
            <button
              type="button"
              class="link"
              onClick={async () => {
                await api('DELETE', '/switch').catch(() => undefined);
                await refreshAccount();
                go(PATHS.clients);
              }}
            >
              {t.switchBack}
            </button>
          </p>
        ) : null}
      </header>
      <div id="main" tabIndex={-1}>
        {body}
      </div>
    </>
  );
}

render(<App />, document.getElementById('app')!);
