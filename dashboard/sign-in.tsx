import { ArrowLeft, MailCheck } from 'lucide';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { type Account, ApiError, api, errorText, fetchAccount } from './api';
import { AppLink, Button, Field, Icon } from './design';
import type { Lang, Strings } from './i18n';
import { Mark } from './mark';
import { PATHS } from './router';

/**
 * The screens before the dashboard: sign in, ask for a reset link, choose a new password
 * from that link, and replace a one-time password. Each is a card under the product's
 * mark, with its errors in the screen's language (the API answers in it).
 */
function AuthCard(props: {
  t: Strings;
  title: string;
  intro?: ComponentChildren;
  /** A card that replaced another (the link sent, the link expired): the keyboard and screen readers start at its title. */
  focusTitle?: boolean;
  children: ComponentChildren;
}) {
  const title = useRef<HTMLHeadingElement>(null);
  // Layout, not a plain effect: the control that had focus (the submit button) is gone with
  // the card it was on, and focus must not sit on the page body for a frame.
  useLayoutEffect(() => {
    if (props.focusTitle) title.current?.focus();
  }, [props.focusTitle, props.title]);
  return (
    <main class="auth">
      <div class="auth-brand">
        <Mark size={44} />
        <p class="auth-product">Avenir</p>
        <p class="auth-tagline">{props.t.tagline}</p>
      </div>
      <div class="card auth-card">
        <h1 ref={title} tabIndex={props.focusTitle ? -1 : undefined}>
          {props.title}
        </h1>
        {props.intro ? <p class="muted">{props.intro}</p> : null}
        {props.children}
      </div>
    </main>
  );
}

function FormError(props: { text: string }) {
  return (
    <p class="error form-error" role="alert">
      {props.text}
    </p>
  );
}

/**
 * A form's submission: busy while `work` runs, and its failure in the screen's language
 * (the API's words, else that the connection failed). `work` words the failures it knows
 * itself and throws the rest.
 */
function useSubmission(t: Strings, work: () => Promise<void>) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

/** Email and password → POST /api/app/session. */
export function SignIn(props: { t: Strings; go: (path: string) => void; onSignedIn: (account: Account) => void }) {
  const { t } = props;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmission(t, async () => {
    await api('POST', '/session', { email, password });
    props.onSignedIn(await fetchAccount());
  });
  return (
    <AuthCard t={t} title={t.signInTitle}>
      <form onSubmit={submit} noValidate>
        <Field id="email" label={t.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="password" label={t.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormError text={error} />
        <Button type="submit" variant="primary" class="btn-block" busy={busy}>
          {busy ? t.signingIn : t.signIn}
        </Button>
      </form>
      <p class="auth-aside">
        <AppLink href={PATHS['forgot-password']} go={props.go}>
          {t.forgotLink}
        </AppLink>
      </p>
    </AuthCard>
  );
}

/** An email → POST /api/app/session/forgot-password; the answer is the same whether or not it has an account. */
export function ForgotPassword(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t } = props;
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState('');
  const { error, busy, submit } = useSubmission(t, async () => {
    await api('POST', '/session/forgot-password', { email, language: props.lang });
    setSentTo(email.trim());
  });
  const back = (
    <p class="auth-aside">
      <AppLink href={PATHS.home} go={props.go} class="with-icon">
        <Icon icon={ArrowLeft} />
        {t.backToSignIn}
      </AppLink>
    </p>
  );
  if (sentTo) {
    return (
      <AuthCard t={t} title={t.forgotSentTitle} focusTitle>
        <div class="auth-sent" role="status">
          <Icon icon={MailCheck} />
          <p>{t.forgotSent(sentTo)}</p>
        </div>
        <p class="muted">{t.forgotSentHelp}</p>
        {back}
      </AuthCard>
    );
  }
  return (
    <AuthCard t={t} title={t.forgotTitle} intro={t.forgotIntro}>
      <form onSubmit={submit} noValidate>
        <Field id="forgot-email" label={t.email}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormError text={error} />
        <Button type="submit" variant="primary" class="btn-block" busy={busy}>
          {t.forgotSend}
        </Button>
      </form>
      {back}
    </AuthCard>
  );
}

/** The token of the emailed link, kept out of the address bar (and history) once read. */
function takeResetToken(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  if (location.hash) history.replaceState(history.state, '', location.pathname);
  return token;
}

/** The emailed link's page → POST /api/app/session/reset-password, then signed in. */
export function ResetPassword(props: {
  t: Strings;
  go: (path: string) => void;
  onSignedIn: (account: Account) => void;
}) {
  const { t } = props;
  const [token, setToken] = useState(takeResetToken);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** Why the link cannot be used, in the API's words; '' while it can. */
  const [expired, setExpired] = useState(token === '' ? t.resetExpired : '');
  // A newer link opened in this same tab changes only the fragment: take its token.
  useEffect(() => {
    const onHash = () => {
      const fresh = takeResetToken();
      if (!fresh) return;
      setToken(fresh);
      setExpired('');
      setErrors({});
      setError('');
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    if (password !== confirmation) {
      setErrors({ confirmation: t.passwordsDiffer });
      document.getElementById('reset-confirmation')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api('POST', '/session/reset-password', { token, password });
      props.onSignedIn(await fetchAccount());
    } catch (caught) {
      if (caught instanceof ApiError && caught.fields.password) {
        setErrors({ password: caught.fields.password.join(' ') });
        document.getElementById('reset-password')?.focus();
      } else if (caught instanceof ApiError && caught.fields.token) {
        setExpired(caught.fields.token.join(' '));
      } else {
        setError(errorText(caught, t));
      }
    } finally {
      setBusy(false);
    }
  };
  if (expired) {
    return (
      <AuthCard t={t} title={t.resetExpiredTitle} focusTitle>
        <p>{expired}</p>
        <AppLink href={PATHS['forgot-password']} go={props.go} class="btn btn-primary btn-block">
          {t.resetAskAgain}
        </AppLink>
      </AuthCard>
    );
  }
  return (
    <AuthCard t={t} title={t.resetTitle} intro={t.resetIntro}>
      <form onSubmit={submit} noValidate>
        <Field id="reset-password" label={t.newPassword} help={t.passwordRule} error={errors.password}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              maxLength={200}
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="reset-confirmation" label={t.confirmPassword} error={errors.confirmation}>
          {(control) => (
            <input
              {...control}
              name="confirmation"
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onInput={(e) => setConfirmation(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormError text={error} />
        <Button type="submit" variant="primary" class="btn-block" busy={busy}>
          {t.resetSave}
        </Button>
      </form>
    </AuthCard>
  );
}

/** The one-time password must be replaced → POST /api/app/password. */
export function ChangePassword({ t, onChanged }: { t: Strings; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { error, busy, submit } = useSubmission(t, async () => {
    await api('POST', '/password', { currentPassword: current, newPassword: next });
    onChanged();
  });
  return (
    <AuthCard t={t} title={t.newPasswordTitle} intro={t.newPasswordHelp}>
      <form onSubmit={submit} noValidate>
        <Field id="current-password" label={t.currentPassword}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              value={current}
              onInput={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="new-password" label={t.newPassword}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={next}
              onInput={(e) => setNext(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormError text={error} />
        <Button type="submit" variant="primary" class="btn-block" busy={busy}>
          {t.save}
        </Button>
      </form>
    </AuthCard>
  );
}
