import { Component } from 'preact';
import { checkLeadFields, FIELD_LIMITS, type LeadErrors, leadErrorMessage } from '../schema/lead-form';
import type { Language } from '../schema/vocabulary';
import type { LeadPayload, WidgetConfig } from '../schema/widget-api';
import { accentFor, pageLinkColor } from './accent';
import { confirmation, STRINGS } from './i18n';
import { submitLead } from './submit';

export interface FormProps {
  widgetKey: string;
  api: string;
  language: Language;
  test: boolean;
  /** Gets `data-avenir-state`, so pages and tests can follow the form; holds its shadow root. */
  host: HTMLElement;
  /** A floating button that opens the form in a dialog. */
  launcher?: boolean | undefined;
}

type Config = Pick<WidgetConfig, 'businessName' | 'requireConsent' | 'bookingLink'>;

/** `unavailable`: the key is dead or the site not allowed, known at load; no form is shown. */
type Status = 'loading' | 'idle' | 'sending' | 'retrying' | 'sent' | 'error' | 'unavailable';
type Values = { name: string; email: string; phone: string; message: string; consent: boolean; website: string };

interface State {
  values: Values;
  /** Set once the settings are in (the consent line names the business): nothing moves after. */
  config?: Config;
  errors: LeadErrors;
  status: Status;
  announcement: string;
  /** The server's word that an automatic reply goes to the visitor. */
  emailCopy?: boolean;
}

interface Draft {
  values: Values;
  idempotencyKey: string;
}

const EMPTY: Values = { name: '', email: '', phone: '', message: '', consent: false, website: '' };
/** What the form assumes when its settings cannot be loaded; the server still enforces the real ones. */
const FALLBACK_CONFIG: Config = { businessName: '', requireConsent: false, bookingLink: null };
const CONFIG_TIMEOUT_MS = 4_000;

/**
 * The draft in sessionStorage: read with no `draft`, written or (null) removed with one.
 * Storage may be blocked (privacy mode): the form then works without a draft.
 */
function stored(storageKey: string, draft?: Draft | null): Draft | null {
  try {
    if (draft === undefined) return JSON.parse(sessionStorage.getItem(storageKey)!);
    if (draft) sessionStorage.setItem(storageKey, JSON.stringify(draft));
    else sessionStorage.removeItem(storageKey);
  } catch {}
  return null;
}

/**
 * The contact form, or in launcher mode a floating button and a dialog holding it. A class,
 * not hooks: preact/hooks would cost a tenth of the widget's size budget.
 */
export class LeadForm extends Component<FormProps, State> {
  // Assigned in the constructor: class fields would cost the bundle a helper.
  declare storageKey: string;
  declare idempotencyKey: string;
  declare startedAt: number;
  declare submitted: boolean;

  constructor(props: FormProps) {
    super(props);
    this.storageKey = `avenir-draft:${props.widgetKey}`;
    const draft = stored(this.storageKey);
    // A draft keeps its key; else 128 random bits (getRandomValues works on plain-http pages, randomUUID not).
    this.idempotencyKey = draft?.idempotencyKey ?? crypto.getRandomValues(new Uint32Array(4)).join('-');
    this.startedAt = Date.now();
    this.submitted = false;
    this.state = { values: draft?.values ?? EMPTY, errors: {}, status: 'loading', announcement: '' };
  }

  override componentDidMount() {
    const { api, widgetKey, host } = this.props;
    fetch(`${api}/api/widget/config?key=${encodeURIComponent(widgetKey)}`, {
      credentials: 'omit',
      signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS),
    })
      .then((response) =>
        response.ok
          ? (response.json() as Promise<Config>)
          : // 401 or 403: the key is dead or this site not allowed, so the form could never send
            // and nobody may write into it (0). The site's owner reads why in the console.
            response.status === 401 || response.status === 403
            ? response
                .json()
                .then(
                  (body: { error?: { message?: string } }) => console.error('Avenir:', body.error?.message),
                  () => {},
                )
                .then(() => 0 as const)
            : null,
      )
      // Offline or slow: the form is shown with safe defaults and sending keeps trying.
      .catch(() => null)
      .then((loaded) => {
        // Read now rather than when the script ran: by now the page's stylesheets are in.
        host.style.setProperty('--avenir-link', accentFor(pageLinkColor(host)));
        this.setState({ config: loaded || FALLBACK_CONFIG, status: loaded === 0 ? 'unavailable' : 'idle' });
      });
  }

  /** Focuses the first element of the shadow root that matches, once it is rendered. */
  focus(selector: string) {
    this.props.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }

  check(values: Values) {
    return checkLeadFields(values, { requireConsent: this.state.config!.requireConsent });
  }

  // The draft is saved with each keystroke, not after the next paint: a reload right after
  // typing must not lose the last words.
  update(field: keyof Values, value: string | boolean) {
    const values = { ...this.state.values, [field]: value };
    stored(this.storageKey, { values, idempotencyKey: this.idempotencyKey });
    this.setState({ values });
  }

  /** Shows the problems; the first field in error takes the focus, so a screen reader reads it next. */
  invalid(errors: LeadErrors) {
    this.setState({ errors, status: 'idle', announcement: STRINGS[this.props.language].fixErrors }, () =>
      this.focus('[aria-invalid=true]'),
    );
  }

  async send(event: Event) {
    event.preventDefault();
    const { status, values } = this.state;
    if (status === 'sending' || status === 'retrying') return; // a double click sends once
    const { widgetKey, api, language, test } = this.props;
    const t = STRINGS[language];
    this.submitted = true;
    const problems = this.check(values);
    if (Object.keys(problems).length > 0) return this.invalid(problems);
    this.setState({ errors: {}, status: 'sending', announcement: t.sending });
    const payload: LeadPayload = {
      key: widgetKey,
      name: values.name,
      email: values.email,
      phone: values.phone.trim() ? values.phone : undefined,
      message: values.message,
      consent: values.consent,
      language,
      idempotencyKey: this.idempotencyKey,
      elapsedMs: Date.now() - this.startedAt,
      website: values.website,
      page: location.href,
      referrer: document.referrer || undefined,
      test: test || undefined,
    };
    const result = await submitLead(api, payload, {
      fetch: (input, init) => fetch(input, init),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      onRetry: () => this.setState({ status: 'retrying', announcement: t.retrying }),
    });
    if (result.kind === 'sent') {
      stored(this.storageKey, null);
      // The focus moves to the thank-you heading, which reads its lines as its description.
      this.setState({ status: 'sent', emailCopy: result.emailCopy }, () => this.focus('h2[tabindex]'));
    } else if (result.kind === 'invalid') this.invalid(result.fields);
    else this.setState({ status: 'error', announcement: t.notSetUp });
  }

  /** A labelled text field with its error tied to it; `type` "textarea" for the message. */
  field(
    name: 'name' | 'email' | 'phone' | 'message',
    type: 'text' | 'email' | 'tel' | 'textarea',
    autocomplete?: string,
  ) {
    const { language } = this.props;
    const { values, errors } = this.state;
    const issue = errors[name];
    const Tag = type === 'textarea' ? 'textarea' : 'input';
    const t = STRINGS[language];
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
          aria-invalid={!!issue}
          aria-describedby={issue && `avenir-${name}-error`}
          onInput={(event) => this.update(name, event.currentTarget.value)}
          onBlur={() => this.submitted && this.setState({ errors: this.check(this.state.values) })}
        />
        {issue && (
          <span class="err" id={`avenir-${name}-error`}>
            {leadErrorMessage(language, name, issue)}
          </span>
        )}
      </label>
    );
  }

  /** The form, the thank-you note, or why there is no form. */
  body(config: Config) {
    const { language } = this.props;
    const { values, errors, status, announcement, emailCopy } = this.state;
    const t = STRINGS[language];

    if (status === 'unavailable') return <p class="status">{t.notSetUp}</p>;

    if (status === 'sent') {
      const [heading, ...lines] = confirmation(t, values.name, config.businessName, emailCopy);
      return (
        <div class="done">
          <h2 tabIndex={-1} aria-describedby="avenir-done0 avenir-done1">
            {heading}
          </h2>
          {lines.map((line, i) => (
            <p id={`avenir-done${i}`}>{line}</p>
          ))}
          {config.bookingLink && (
            <a class="book" href={config.bookingLink} target="_blank" rel="noopener">
              {t.book}
            </a>
          )}
        </div>
      );
    }

    const busy = status === 'sending' || status === 'retrying';
    const consentError = errors.consent && leadErrorMessage(language, 'consent', errors.consent);
    return (
      <form onSubmit={(event) => this.send(event)} noValidate lang={language}>
        {this.field('name', 'text', 'name')}
        {this.field('email', 'email', 'email')}
        {this.field('phone', 'tel', 'tel')}
        {this.field('message', 'textarea')}
        <label class="check" for="avenir-consent">
          <input
            id="avenir-consent"
            name="consent"
            type="checkbox"
            checked={values.consent}
            required={config.requireConsent}
            aria-invalid={!!consentError}
            aria-describedby={consentError && 'avenir-consent-error'}
            onChange={(event) => this.update('consent', event.currentTarget.checked)}
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
              onInput={(event) => this.update('website', event.currentTarget.value)}
            />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t.sending : t.send}
        </button>
        <p class="status" role="status" aria-live="polite">
          {announcement}
        </p>
      </form>
    );
  }

  override render() {
    const { language, host, launcher } = this.props;
    const { config, status } = this.state;
    host.dataset.avenirState = status;
    if (!config) return null;
    if (!launcher) return this.body(config);
    const t = STRINGS[language];
    const dialog = () => host.shadowRoot!.querySelector('dialog')!;
    return (
      <>
        <button type="button" class="launcher" onClick={() => dialog().showModal()}>
          {t.open}
        </button>
        <dialog aria-labelledby="avenir-title">
          <div class="head">
            <h2 id="avenir-title">{config.businessName ? t.write(config.businessName) : t.open}</h2>
            <button type="button" class="close" aria-label={t.close} onClick={() => dialog().close()}>
              ×
            </button>
          </div>
          {this.body(config)}
        </dialog>
      </>
    );
  }
}
