import { useEffect, useRef, useState } from 'preact/hooks';
import { checkLeadFields, FIELD_LIMITS, type LeadErrors, type LeadField, leadErrorMessage } from '../schema/lead-form';
import type { Language } from '../schema/vocabulary';
import type { LeadPayload, WidgetConfig } from '../schema/widget-api';
import { STRINGS } from './i18n';
import { submitLead } from './submit';

export interface FormProps {
  widgetKey: string;
  api: string;
  language: Language;
  test: boolean;
  /** Gets `data-avenir-state`, so pages and tests can follow the form. */
  host: HTMLElement;
}

type Config = Pick<WidgetConfig, 'businessName' | 'requireConsent' | 'bookingLink'>;

/** `unavailable`: the key is dead or the site not allowed, known at load; no form is shown. */
type Status = 'loading' | 'idle' | 'sending' | 'retrying' | 'sent' | 'error' | 'unavailable';
type Values = { name: string; email: string; phone: string; message: string; consent: boolean; website: string };

const EMPTY: Values = { name: '', email: '', phone: '', message: '', consent: false, website: '' };
/** What the form assumes when its settings cannot be loaded; the server still enforces the real ones. */
const FALLBACK_CONFIG: Config = { businessName: '', requireConsent: false, bookingLink: null };
const CONFIG_TIMEOUT_MS = 4_000;
/** What a dead key or a site not allowed loads: no form at all (`unavailable`). */
const UNAVAILABLE: Config = { ...FALLBACK_CONFIG };
const FIELD_ORDER: LeadField[] = ['name', 'email', 'phone', 'message', 'consent'];

/** A fresh idempotency key; getRandomValues works on plain-http pages where randomUUID does not. */
const newKey = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

interface Draft {
  values: Values;
  idempotencyKey: string;
}

function readDraft(storageKey: string): Draft | null {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as Draft | null;
  } catch {
    return null; // storage blocked (privacy mode): the form works without a draft
  }
}

function writeDraft(storageKey: string, draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(storageKey, JSON.stringify(draft));
    else sessionStorage.removeItem(storageKey);
  } catch {
    // as above
  }
}

export function LeadForm({ widgetKey, api, language, test, host }: FormProps) {
  const t = STRINGS[language];
  const storageKey = `avenir-draft:${widgetKey}`;
  const [draft] = useState(() => readDraft(storageKey));
  const [values, setValues] = useState<Values>(draft?.values ?? EMPTY);
  // The form appears once its settings are in (the consent line names the business), so
  // nothing in it moves after it is shown.
  const [config, setConfig] = useState<Config | null>(null);
  const [errors, setErrors] = useState<LeadErrors>({});
  const [status, setStatus] = useState<Status>('loading');
  const [announcement, setAnnouncement] = useState('');
  const idempotencyKey = useRef(draft?.idempotencyKey ?? newKey());
  const startedAt = useRef(Date.now());
  const submitted = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    host.dataset.avenirState = status;
  }, [status]);

  useEffect(() => {
    fetch(`${api}/api/widget/config?key=${encodeURIComponent(widgetKey)}`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS),
    })
      .then((response) =>
        response.ok
          ? (response.json() as Promise<Config>)
          : // 401 or 403: the key is dead or this site not allowed, so the form could never send
            // and nobody may write into it. The site's owner reads why in the console.
            response.status === 401 || response.status === 403
            ? response
                .json()
                .then(
                  (body: { error?: { message?: string } }) => console.error('Avenir:', body.error?.message),
                  () => {},
                )
                .then(() => UNAVAILABLE)
            : null,
      )
      // Offline or slow: the form is shown with safe defaults and sending keeps trying.
      .catch(() => null)
      .then((loaded) => {
        setConfig(loaded ?? FALLBACK_CONFIG);
        setStatus(loaded === UNAVAILABLE ? 'unavailable' : 'idle');
      });
  }, []);

  if (!config) return null;

  const check = (next: Values) => checkLeadFields(next, { requireConsent: config.requireConsent });
  const message = (field: LeadField) => {
    const issue = errors[field];
    return issue && leadErrorMessage(language, field, issue);
  };

  const focusFirst = (problems: LeadErrors) => {
    const first = FIELD_ORDER.find((field) => problems[field]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  // The draft is saved with each keystroke, not after the next paint: a reload right after
  // typing must not lose the last words. (Writing it twice is harmless.)
  const update = (field: keyof Values, value: string | boolean) =>
    setValues((old) => {
      const next = { ...old, [field]: value };
      writeDraft(storageKey, { values: next, idempotencyKey: idempotencyKey.current });
      return next;
    });
  const revalidate = () => {
    if (submitted.current) setErrors(check(values));
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (status === 'sending' || status === 'retrying') return; // a double click sends once
    submitted.current = true;
    const problems = check(values);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setAnnouncement(t.fixErrors);
      focusFirst(problems);
      return;
    }
    setStatus('sending');
    setAnnouncement(t.sending);
    const payload: LeadPayload = {
      key: widgetKey,
      name: values.name,
      email: values.email,
      phone: values.phone.trim() ? values.phone : undefined,
      message: values.message,
      consent: values.consent,
      language,
      idempotencyKey: idempotencyKey.current,
      elapsedMs: Date.now() - startedAt.current,
      website: values.website,
      page: location.href,
      referrer: document.referrer || undefined,
      test: test || undefined,
    };
    const result = await submitLead(api, payload, {
      fetch: (input, init) => fetch(input, init),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      onRetry: () => {
        setStatus('retrying');
        setAnnouncement(t.retrying);
      },
    });
    if (result.kind === 'sent') {
      writeDraft(storageKey, null);
      setStatus('sent');
      setAnnouncement(t.thanks(values.name.trim()));
    } else if (result.kind === 'invalid') {
      setErrors(result.fields);
      setStatus('idle');
      setAnnouncement(t.fixErrors);
      focusFirst(result.fields);
    } else {
      setStatus('error');
      setAnnouncement(t.notSetUp);
    }
  };

  const live = (
    <p class="status" role="status" aria-live="polite">
      {announcement}
    </p>
  );

  if (status === 'unavailable') return <p class="status">{t.notSetUp}</p>;

  if (status === 'sent') {
    return (
      <div class="done">
        {live}
        {config.bookingLink && (
          <a class="book" href={config.bookingLink} target="_blank" rel="noopener">
            {t.book}
          </a>
        )}
      </div>
    );
  }

  /** A labelled text field with its error tied to it; `type` "textarea" for the message. */
  const field = (
    name: 'name' | 'email' | 'phone' | 'message',
    type: 'text' | 'email' | 'tel' | 'textarea',
    autocomplete?: string,
  ) => {
    const Tag = type === 'textarea' ? 'textarea' : 'input';
    const error = message(name);
    return (
      <label for={`avenir-${name}`}>
        <span>
          {t[name]} {name === 'phone' && <span class="opt">{t.optional}</span>}
        </span>
        <Tag
          id={`avenir-${name}`}
          name={name}
          type={type === 'textarea' ? undefined : type}
          autocomplete={autocomplete}
          maxLength={FIELD_LIMITS[name]}
          value={values[name]}
          required={name !== 'phone'}
          aria-invalid={!!error}
          aria-describedby={error ? `avenir-${name}-error` : undefined}
          onInput={(event) => update(name, (event.currentTarget as HTMLInputElement).value)}
          onBlur={revalidate}
        />
        {error && (
          <span class="err" id={`avenir-${name}-error`}>
            {error}
          </span>
        )}
      </label>
    );
  };

  const busy = status === 'sending' || status === 'retrying';
  const consentError = message('consent');
  return (
    <form ref={form} onSubmit={onSubmit} noValidate lang={language}>
      {field('name', 'text', 'name')}
      {field('email', 'email', 'email')}
      {field('phone', 'tel', 'tel')}
      {field('message', 'textarea')}
      <label class="check" for="avenir-consent">
        <input
          id="avenir-consent"
          name="consent"
          type="checkbox"
          checked={values.consent}
          required={config.requireConsent}
          aria-invalid={!!consentError}
          aria-describedby={consentError ? 'avenir-consent-error' : undefined}
          onChange={(event) => update('consent', event.currentTarget.checked)}
        />
        <span>
          {t.consent(config.businessName || t.someBusiness)}
          {consentError && (
            <span class="err" id="avenir-consent-error">
              {' '}
              {consentError}
            </span>
          )}
        </span>
      </label>
      <div class="hp" aria-hidden="true">
        <label>
          Website
          <input
            name="website"
            tabIndex={-1}
            autocomplete="off"
            value={values.website}
            onInput={(event) => update('website', event.currentTarget.value)}
          />
        </label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t.sending : t.send}
      </button>
      {live}
    </form>
  );
}
