import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../schema/app-api';
import { EMAIL_TONES } from '../schema/vocabulary';
import { type Account, ApiError, api } from './api';
import { Embed, Preview } from './embed';
import type { Lang, Strings } from './i18n';
import { errorText } from './sign-in';
import './settings.css';

/** The settings form's values as the inputs hold them: text for the list and the optional link. */
interface Draft {
  businessName: string;
  language: Lang;
  emailTone: string;
  aiPersonalizedReply: boolean;
  bookingLink: string;
  /** One origin a line. */
  allowedOrigins: string;
  requireConsent: boolean;
}
type Field = keyof Draft;
type FieldErrors = Partial<Record<Field, string[]>>;

const FIELD_ORDER: Field[] = [
  'businessName',
  'language',
  'emailTone',
  'aiPersonalizedReply',
  'bookingLink',
  'allowedOrigins',
  'requireConsent',
];

const draftOf = (settings: SettingsView): Draft => ({
  businessName: settings.businessName,
  language: settings.language,
  emailTone: settings.emailTone,
  aiPersonalizedReply: settings.aiPersonalizedReply,
  bookingLink: settings.bookingLink ?? '',
  allowedOrigins: settings.allowedOrigins.join('\n'),
  requireConsent: settings.requireConsent,
});

/** The non-blank lines of the origins box, with their line numbers for error messages. */
function originLines(text: string): { origin: string; line: number }[] {
  return text
    .split('\n')
    .map((origin, index) => ({ origin: origin.trim(), line: index + 1 }))
    .filter(({ origin }) => origin !== '');
}

/** The PATCH body: every field, an empty booking link cleared (null). */
const patchOf = (draft: Draft) => ({
  businessName: draft.businessName,
  language: draft.language,
  emailTone: draft.emailTone,
  aiPersonalizedReply: draft.aiPersonalizedReply,
  bookingLink: draft.bookingLink.trim() === '' ? null : draft.bookingLink.trim(),
  allowedOrigins: originLines(draft.allowedOrigins).map(({ origin }) => origin),
  requireConsent: draft.requireConsent,
});

/**
 * A 422's messages by input. The API names an origin by its index in the list sent
 * (`allowedOrigins.2`); the person sees lines, blank ones included, so the message says which.
 */
function fieldErrors(fields: Record<string, string[]>, draft: Draft, t: Strings): FieldErrors {
  const lines = originLines(draft.allowedOrigins);
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(fields)) {
    const [name, index] = path.split('.');
    const field = FIELD_ORDER.find((candidate) => candidate === name);
    if (!field) continue;
    const line = index === undefined ? undefined : lines[Number(index)]?.line;
    const worded = line === undefined ? messages : messages.map((message) => t.settingsOriginsLine(line) + message);
    // One line can break several rules that say the same thing: each message once.
    errors[field] = [...new Set([...(errors[field] ?? []), ...worded])];
  }
  return errors;
}

/** The client's settings, its form's preview and snippet, its widget key, a test lead, the export. */
export function Settings(props: { t: Strings; lang: Lang; account: Account; onAccountChange: () => void }) {
  const { t, lang, account } = props;
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState('');
  // Bumped after each save: the preview reloads to show it.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setSettings(null);
    setLoadError('');
    api<SettingsView>('GET', '/settings')
      .then(setSettings)
      .catch((caught) => setLoadError(errorText(caught, t)));
    // Another client's settings when an internal account switches.
  }, [account.client.id]);

  return (
    <main class="settings">
      <h1>{t.settings}</h1>
      {settings ? (
        <>
          <SettingsForm
            t={t}
            settings={settings}
            onSaved={(saved, accountChanged) => {
              setSettings(saved);
              setVersion((n) => n + 1);
              if (accountChanged) props.onAccountChange();
            }}
          />
          <Preview t={t} lang={lang} widgetKey={settings.widgetKey} version={version} />
          <Embed t={t} lang={lang} settings={settings} onRotated={setSettings} />
          <Tools t={t} />
        </>
      ) : loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : (
        <p aria-live="polite">{t.loading}</p>
      )}
    </main>
  );
}

/** A labelled control with its help and its errors, both tied to it by aria-describedby. */
function Row(props: {
  id: string;
  label: string;
  help: string;
  errors: string[] | undefined;
  checkbox?: boolean;
  children: (describedBy: string, invalid: boolean) => ComponentChildren;
}) {
  const { id, errors } = props;
  const invalid = Boolean(errors?.length);
  const describedBy = invalid ? `${id}-error ${id}-help` : `${id}-help`;
  const label = <label for={id}>{props.label}</label>;
  return (
    <div class={props.checkbox ? 'st-row st-check' : 'st-row'}>
      {props.checkbox ? (
        <div class="st-check-line">
          {props.children(describedBy, invalid)}
          {label}
        </div>
      ) : (
        <>
          {label}
          {props.children(describedBy, invalid)}
        </>
      )}
      {invalid ? (
        <p class="error st-field-error" id={`${id}-error`}>
          {errors!.join(' ')}
        </p>
      ) : null}
      <p class="st-help" id={`${id}-help`}>
        {props.help}
      </p>
    </div>
  );
}

function SettingsForm(props: {
  t: Strings;
  settings: SettingsView;
  onSaved: (settings: SettingsView, accountChanged: boolean) => void;
}) {
  const { t, settings } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = <K extends Field>(field: K, value: Draft[K]) => {
    setDraft((old) => ({ ...old, [field]: value }));
    setStatus('');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    setError('');
    try {
      const saved = await api<SettingsView>('PATCH', '/settings', patchOf(draft));
      // The server's spelling: origins reduced to their site, the name trimmed.
      setDraft(draftOf(saved));
      setErrors({});
      setStatus(t.settingsSaved);
      props.onSaved(saved, saved.businessName !== settings.businessName || saved.language !== settings.language);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422) {
        const found = fieldErrors(caught.fields, draft, t);
        setErrors(found);
        setError(t.settingsFixFields);
        const first = FIELD_ORDER.find((field) => found[field]);
        if (first) form.current?.querySelector<HTMLElement>(`#st-${first}`)?.focus();
        else setError(errorText(caught, t));
      } else {
        setError(errorText(caught, t));
      }
    } finally {
      setBusy(false);
    }
  };

  const tones: readonly string[] = EMAIL_TONES.includes(draft.emailTone as (typeof EMAIL_TONES)[number])
    ? EMAIL_TONES
    : [...EMAIL_TONES, draft.emailTone];

  return (
    <section aria-labelledby="st-business-title">
      <h2 id="st-business-title">{t.settingsBusinessTitle}</h2>
      <form ref={form} class="st-form" onSubmit={submit} noValidate>
        <Row
          id="st-businessName"
          label={t.settingsBusinessName}
          help={t.settingsBusinessNameHelp}
          errors={errors.businessName}
        >
          {(describedBy, invalid) => (
            <input
              id="st-businessName"
              name="businessName"
              type="text"
              autoComplete="organization"
              required
              maxLength={200}
              value={draft.businessName}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => set('businessName', e.currentTarget.value)}
            />
          )}
        </Row>
        <Row id="st-language" label={t.settingsLanguage} help={t.settingsLanguageHelp} errors={errors.language}>
          {(describedBy, invalid) => (
            <select
              id="st-language"
              name="language"
              value={draft.language}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => set('language', e.currentTarget.value === 'fr' ? 'fr' : 'en')}
            >
              <option value="en">{t.settingsLanguageEn}</option>
              <option value="fr">{t.settingsLanguageFr}</option>
            </select>
          )}
        </Row>
        <Row id="st-emailTone" label={t.settingsEmailTone} help={t.settingsEmailToneHelp} errors={errors.emailTone}>
          {(describedBy, invalid) => (
            <select
              id="st-emailTone"
              name="emailTone"
              value={draft.emailTone}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => set('emailTone', e.currentTarget.value)}
            >
              {tones.map((tone) => (
                <option key={tone} value={tone}>
                  {t.settingsTone[tone] ?? tone}
                </option>
              ))}
            </select>
          )}
        </Row>
        <Row
          id="st-aiPersonalizedReply"
          label={t.settingsAiReply}
          help={t.settingsAiReplyHelp}
          errors={errors.aiPersonalizedReply}
          checkbox
        >
          {(describedBy, invalid) => (
            <input
              id="st-aiPersonalizedReply"
              name="aiPersonalizedReply"
              type="checkbox"
              checked={draft.aiPersonalizedReply}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => set('aiPersonalizedReply', e.currentTarget.checked)}
            />
          )}
        </Row>
        <Row
          id="st-bookingLink"
          label={t.settingsBookingLink}
          help={t.settingsBookingLinkHelp}
          errors={errors.bookingLink}
        >
          {(describedBy, invalid) => (
            <input
              id="st-bookingLink"
              name="bookingLink"
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder="https://"
              value={draft.bookingLink}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => set('bookingLink', e.currentTarget.value)}
            />
          )}
        </Row>
        <Row
          id="st-allowedOrigins"
          label={t.settingsOrigins}
          help={t.settingsOriginsHelp}
          errors={errors.allowedOrigins}
        >
          {(describedBy, invalid) => (
            <textarea
              id="st-allowedOrigins"
              name="allowedOrigins"
              rows={4}
              spellcheck={false}
              autoCapitalize="off"
              value={draft.allowedOrigins}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onInput={(e) => set('allowedOrigins', e.currentTarget.value)}
            />
          )}
        </Row>
        <Row
          id="st-requireConsent"
          label={t.settingsConsent}
          help={t.settingsConsentHelp}
          errors={errors.requireConsent}
          checkbox
        >
          {(describedBy, invalid) => (
            <input
              id="st-requireConsent"
              name="requireConsent"
              type="checkbox"
              checked={draft.requireConsent}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => set('requireConsent', e.currentTarget.checked)}
            />
          )}
        </Row>
        <p class="error" role="alert">
          {error}
        </p>
        <div class="st-actions">
          <button type="submit" disabled={busy}>
            {busy ? t.settingsSaving : t.settingsSave}
          </button>
          <p class="st-status" role="status">
            {status}
          </p>
        </div>
      </form>
    </section>
  );
}

function Tools(props: { t: Strings }) {
  const { t } = props;
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState('');
  const sendTestLead = async () => {
    setBusy(true);
    setSent(false);
    setError('');
    try {
      await api<{ id: string }>('POST', '/settings/test-lead');
      setSent(true);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="st-tools-title">
      <h2 id="st-tools-title">{t.settingsToolsTitle}</h2>
      <div class="st-tool">
        <button
          type="button"
          class="st-secondary"
          disabled={busy}
          onClick={sendTestLead}
          aria-describedby="st-test-help"
        >
          {busy ? t.settingsTestLeadSending : t.settingsTestLead}
        </button>
        <p class="st-help" id="st-test-help">
          {t.settingsTestLeadHelp}
        </p>
        <p class="st-status" role="status">
          {sent ? (
            <>
              {t.settingsTestLeadSent(t.showTestLeads)} <a href="/app?test=1">{t.settingsTestLeadLink}</a>
            </>
          ) : null}
        </p>
        <p class="error" role="alert">
          {error}
        </p>
      </div>
      <div class="st-tool">
        <a class="st-button-link" href="/api/app/leads/export.csv" download aria-describedby="st-export-help">
          {t.settingsExport}
        </a>
        <p class="st-help" id="st-export-help">
          {t.settingsExportHelp}
        </p>
      </div>
    </section>
  );
}
