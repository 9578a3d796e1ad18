import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type Account, api, fetchAccount, setApiLang } from './api';
import { initialLang, type Lang, STRINGS, saveLang } from './i18n';
import { Inbox } from './inbox';
import { LeadView } from './lead';
import { ChangePassword, SignIn } from './sign-in';
import './styles.css';

/** The route from the URL: /app is the inbox, /app/leads/:id one lead. */
type Route = { name: 'inbox' } | { name: 'lead'; id: string };
const parseRoute = (path: string): Route => {
  const match = /^\/app\/leads\/([^/]+)\/?$/.exec(path);
  return match ? { name: 'lead', id: decodeURIComponent(match[1]!) } : { name: 'inbox' };
};

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.pathname));
  const t = STRINGS[lang];
  setApiLang(lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'fr' ? 'fr-CA' : 'en-CA';
    document.title = `Avenir — ${t.inbox}`;
  }, [lang, t]);
  useEffect(() => {
    fetchAccount()
      .then(setAccount)
      .catch(() => setAccount(null));
    const onPop = () => setRoute(parseRoute(location.pathname));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = (path: string) => {
    history.pushState(null, '', path);
    setRoute(parseRoute(path));
    scrollTo(0, 0);
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

  let body: preact.ComponentChildren;
  if (account === undefined) body = <p aria-live="polite">{t.loading}</p>;
  else if (account === null) body = <SignIn t={t} onSignedIn={setAccount} />;
  else if (account.mustChangePassword)
    body = <ChangePassword t={t} onChanged={() => setAccount({ ...account, mustChangePassword: false })} />;
  else if (route.name === 'lead') body = <LeadView t={t} lang={lang} id={route.id} back={() => go('/app')} />;
  else body = <Inbox t={t} lang={lang} open={(id) => go(`/app/leads/${id}`)} />;

  return (
    <>
      <header class="top">
        <span class="brand">{account?.businessName || 'Avenir'}</span>
        <fieldset class="switch">
          <legend class="sr-only">{t.language}</legend>
          {(['en', 'fr'] as const).map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={lang === l}
              onClick={() => switchLang(l)}
              aria-label={l === 'en' ? 'English' : 'Français'}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </fieldset>
        {account ? (
          <button type="button" class="link" onClick={signOut}>
            {t.signOut}
          </button>
        ) : null}
      </header>
      {body}
    </>
  );
}

render(<App />, document.getElementById('app')!);
