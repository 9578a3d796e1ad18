import { useState } from 'preact/hooks';
import { type Account, ApiError, api, fetchAccount } from './api';
import type { Strings } from './i18n';

export function errorText(error: unknown, t: Strings): string {
  if (error instanceof ApiError) return error.message || t.error;
  return t.offline;
}

/** Email and password → POST /api/app/session. */
export function SignIn({ t, onSignedIn }: { t: Strings; onSignedIn: (account: Account) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api('POST', '/session', { email, password });
      onSignedIn(await fetchAccount());
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="card narrow">
      <h1>{t.signInTitle}</h1>
      <form onSubmit={submit} noValidate>
        <label for="email">{t.email}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="password">{t.password}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <p class="error" role="alert" aria-live="assertive">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}

/** The one-time password must be replaced → POST /api/app/password. */
export function ChangePassword({ t, onChanged }: { t: Strings; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await api('POST', '/password', { currentPassword: current, newPassword: next });
      onChanged();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="card narrow">
      <h1>{t.newPasswordTitle}</h1>
      <p>{t.newPasswordHelp}</p>
      <form onSubmit={submit} noValidate>
        <label for="current-password">{t.currentPassword}</label>
        <input
          id="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
        <label for="new-password">{t.newPassword}</label>
        <input
          id="new-password"
          type="password"
          autoComplete="new-password"
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
        <p class="error" role="alert" aria-live="assertive">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          {t.save}
        </button>
      </form>
    </main>
  );
}
