import type { IconNode } from 'lucide';
import { Building2, Code, Download, Eye, Globe, MailCheck, Plug, Wrench } from 'lucide';
import { type ComponentChildren, Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../schema/app-api';
import { EMAIL_TONES } from '../schema/vocabulary';
import { type Account, ApiError, api, errorText } from './api';
import { ConnectionCard } from './connection-health';
import { CONNECTION_CARD } from './connection-view';
import { Button, buttonClass, Card, Field, Icon, PageHeader, Skeleton } from './design';
import { Embed, Preview } from './embed';
import type { Lang, Strings } from './i18n';
import './strings/leads';
import './strings/settings';
import { CONNECTION_STRINGS } from './strings/connection';

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
  weeklyDigest: boolean;
}
type SettingName = keyof Draft;
type FieldErrors = Partial<Record<SettingName, string[]>>;

const FIELD_ORDER: SettingName[] = [
  'businessName',
  'language',
  'emailTone',
  'aiPersonalizedReply',
  'bookingLink',
  'allowedOrigins',
  'requireConsent',
  'weeklyDigest',
];

const draftOf = (settings: SettingsView): Draft => ({
  businessName: settings.businessName,
  language: settings.language,
  emailTone: settings.emailTone,
  aiPersonalizedReply: settings.aiPersonalizedReply,
  bookingLink: settings.bookingLink ?? '',
  allowedOrigins: settings.allowedOrigins.join('\n'),
  requireConsent: settings.requireConsent,
  weeklyDigest: settings.weeklyDigest,
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
  weeklyDigest: draft.weeklyDigest,
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

/** The settings in sections, each saved on its own so a change to one never waits on another. */
const SECTIONS = [
  // The Monday digest is Avenir writing to the business, in its language: it sits by that language.
  { id: 'business', icon: Building2, fields: ['businessName', 'language', 'weeklyDigest'] },
  { id: 'replies', icon: MailCheck, fields: ['emailTone', 'aiPersonalizedReply', 'bookingLink'] },
  { id: 'website', icon: Globe, fields: ['allowedOrigins', 'requireConsent'] },
] as const satisfies readonly { id: string; icon: unknown; fields: readonly SettingName[] }[];
type SectionId = (typeof SECTIONS)[number]['id'];

/** The client's settings by section, its form's preview and snippet, its widget key, a test lead, the export. */
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

  // A link to a section (the insights' "Add the form to your website"): there once it is drawn.
  const loaded = settings !== null;
  useEffect(() => {
    if (!loaded || !location.hash) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);

  return (
    <main class="settings">
      <PageHeader title={t.settings} description={t.settingsIntro} />
      {settings ? (
        <div class="settings-layout">
          <nav class="settings-toc" aria-label={t.settingsSections}>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.id}>
                  <a href={`#st-${section.id}`}>
                    <Icon icon={section.icon} />
                    {t.settingsSectionTitle[section.id]}
                  </a>
                </li>
              ))}
              <li>
                <a href={`#${CONNECTION_CARD}`}>
                  <Icon icon={Plug} />
                  {CONNECTION_STRINGS[lang].title}
                </a>
              </li>
              <li>
                <a href="#st-preview">
                  <Icon icon={Eye} />
                  {t.settingsPreviewTitle}
                </a>
              </li>
              <li>
                <a href="#st-embed">
                  <Icon icon={Code} />
                  {t.settingsEmbedTitle}
                </a>
              </li>
              <li>
                <a href="#st-tools">
                  <Icon icon={Wrench} />
                  {t.settingsToolsTitle}
                </a>
              </li>
            </ul>
          </nav>
          <div class="settings-sections">
            {SECTIONS.map((section) => (
              <SettingsSection
                key={section.id}
                t={t}
                section={section.id}
                icon={section.icon}
                fields={section.fields}
                settings={settings}
                onSaved={(saved) => {
                  const accountChanged =
                    saved.businessName !== settings.businessName || saved.language !== settings.language;
                  // Only this section's fields: a slower answer to another section must not undo its save.
                  const own = Object.fromEntries(section.fields.map((field) => [field, saved[field]]));
                  setSettings((old) => (old ? { ...old, ...own } : saved));
                  setVersion((n) => n + 1);
                  if (accountChanged) props.onAccountChange();
                }}
              />
            ))}
            <ConnectionCard
              t={t}
              lang={lang}
              clientId={account.client.id}
              version={version}
              onSettings={(fresh) =>
                setSettings((old) => (old ? { ...old, allowedOrigins: fresh.allowedOrigins } : fresh))
              }
            />
            <Preview t={t} lang={lang} widgetKey={settings.widgetKey} version={version} />
            <Embed
              t={t}
              lang={lang}
              settings={settings}
              onRotated={(fresh) => {
                setSettings(fresh);
                setVersion((n) => n + 1);
              }}
            />
            <Tools t={t} />
          </div>
        </div>
      ) : loadError ? (
        <p class="error" role="alert">
          {loadError}
        </p>
      ) : (
        <Skeleton label={t.loading} blocks={3} lines={2} />
      )}
    </main>
  );
}

/** The part of the PATCH body a section owns. */
const sectionPatch = (draft: Draft, fields: readonly SettingName[]) => {
  const full = patchOf(draft);
  return Object.fromEntries(fields.map((field) => [field, full[field]]));
};

/** One section of settings: its fields, its own Save, its own errors and confirmation. */
function SettingsSection(props: {
  t: Strings;
  section: SectionId;
  icon: IconNode;
  fields: readonly SettingName[];
  settings: SettingsView;
  onSaved: (settings: SettingsView) => void;
}) {
  const { t, settings, fields, section } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const saved = draftOf(settings);
  const dirty = fields.some((field) => draft[field] !== saved[field]);

  // Another section's save (a key rotation, a site allowed from the connection card) brings
  // fresh settings: take them for every field not being edited.
  const previous = useRef(settings);
  useEffect(() => {
    const earlier = previous.current;
    const before = draftOf(earlier);
    previous.current = settings;
    setDraft((old) => {
      const fresh = draftOf(settings);
      // What this section is editing (changed since the last saved value) stays; the rest is taken as saved.
      const editing = fields.filter((field) => old[field] !== before[field]);
      const kept: Draft = { ...fresh, ...Object.fromEntries(editing.map((field) => [field, old[field]])) };
      // A site allowed meanwhile joins the list being edited, or saving it would take the site back.
      if (editing.includes('allowedOrigins')) {
        const typed = new Set(originLines(kept.allowedOrigins).map(({ origin }) => origin));
        const added = settings.allowedOrigins.filter(
          (origin) => !earlier.allowedOrigins.includes(origin) && !typed.has(origin),
        );
        if (added.length > 0) kept.allowedOrigins = [kept.allowedOrigins.trimEnd(), ...added].join('\n');
      }
      return kept;
    });
  }, [settings]);

  const set = <K extends SettingName>(field: K, value: Draft[K]) => {
    setDraft((old) => ({ ...old, [field]: value }));
    setStatus('');
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus('');
    setError('');
    try {
      const fresh = await api<SettingsView>('PATCH', '/settings', sectionPatch(draft, fields));
      // The server's spelling: origins reduced to their site, the name trimmed.
      setDraft(draftOf(fresh));
      setErrors({});
      setStatus(t.settingsSaved);
      props.onSaved(fresh);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422) {
        const found = fieldErrors(caught.fields, draft, t);
        setErrors(found);
        const first = FIELD_ORDER.find((field) => found[field]);
        if (first) {
          setError(t.settingsFixFields);
          form.current?.querySelector<HTMLElement>(`#st-${first}`)?.focus();
        } else setError(errorText(caught, t));
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
  const controls: Record<SettingName, () => ComponentChildren> = {
    businessName: () => (
      <Field
        id="st-businessName"
        label={t.settingsBusinessName}
        help={t.settingsBusinessNameHelp}
        error={errors.businessName}
      >
        {(control) => (
          <input
            {...control}
            name="businessName"
            type="text"
            autoComplete="organization"
            required
            maxLength={200}
            value={draft.businessName}
            onInput={(e) => set('businessName', e.currentTarget.value)}
          />
        )}
      </Field>
    ),
    language: () => (
      <Field id="st-language" label={t.settingsLanguage} help={t.settingsLanguageHelp} error={errors.language}>
        {(control) => (
          <select
            {...control}
            name="language"
            value={draft.language}
            onChange={(e) => set('language', e.currentTarget.value === 'fr' ? 'fr' : 'en')}
          >
            <option value="en">{t.settingsLanguageEn}</option>
            <option value="fr">{t.settingsLanguageFr}</option>
          </select>
        )}
      </Field>
    ),
    emailTone: () => (
      <Field id="st-emailTone" label={t.settingsEmailTone} help={t.settingsEmailToneHelp} error={errors.emailTone}>
        {(control) => (
          <select
            {...control}
            name="emailTone"
            value={draft.emailTone}
            onChange={(e) => set('emailTone', e.currentTarget.value)}
          >
            {tones.map((tone) => (
              <option key={tone} value={tone}>
                {t.settingsTone[tone] ?? tone}
              </option>
            ))}
          </select>
        )}
      </Field>
    ),
    aiPersonalizedReply: () => (
      <Field
        id="st-aiPersonalizedReply"
        label={t.settingsAiReply}
        help={t.settingsAiReplyHelp}
        error={errors.aiPersonalizedReply}
        check
      >
        {(control) => (
          <input
            {...control}
            name="aiPersonalizedReply"
            type="checkbox"
            checked={draft.aiPersonalizedReply}
            onChange={(e) => set('aiPersonalizedReply', e.currentTarget.checked)}
          />
        )}
      </Field>
    ),
    bookingLink: () => (
      <Field
        id="st-bookingLink"
        label={t.settingsBookingLink}
        help={t.settingsBookingLinkHelp}
        error={errors.bookingLink}
      >
        {(control) => (
          <input
            {...control}
            name="bookingLink"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            value={draft.bookingLink}
            onInput={(e) => set('bookingLink', e.currentTarget.value)}
          />
        )}
      </Field>
    ),
    allowedOrigins: () => (
      <Field
        id="st-allowedOrigins"
        label={t.settingsOrigins}
        help={t.settingsOriginsHelp}
        error={errors.allowedOrigins}
      >
        {(control) => (
          <textarea
            {...control}
            name="allowedOrigins"
            rows={4}
            spellcheck={false}
            autoCapitalize="off"
            value={draft.allowedOrigins}
            onInput={(e) => set('allowedOrigins', e.currentTarget.value)}
          />
        )}
      </Field>
    ),
    weeklyDigest: () => (
      <Field
        id="st-weeklyDigest"
        label={t.settingsWeeklyDigest}
        help={t.settingsWeeklyDigestHelp}
        error={errors.weeklyDigest}
        check
      >
        {(control) => (
          <input
            {...control}
            name="weeklyDigest"
            type="checkbox"
            checked={draft.weeklyDigest}
            onChange={(e) => set('weeklyDigest', e.currentTarget.checked)}
          />
        )}
      </Field>
    ),
    requireConsent: () => (
      <Field
        id="st-requireConsent"
        label={t.settingsConsent}
        help={t.settingsConsentHelp}
        error={errors.requireConsent}
        check
      >
        {(control) => (
          <input
            {...control}
            name="requireConsent"
            type="checkbox"
            checked={draft.requireConsent}
            onChange={(e) => set('requireConsent', e.currentTarget.checked)}
          />
        )}
      </Field>
    ),
  };

  return (
    <Card
      id={`st-${section}`}
      class="settings-card"
      icon={props.icon}
      title={t.settingsSectionTitle[section]}
      description={t.settingsSectionHelp[section]}
    >
      <form ref={form} onSubmit={submit} noValidate>
        {fields.map((field) => (
          <Fragment key={field}>{controls[field]()}</Fragment>
        ))}
        <p class="error" role="alert">
          {error}
        </p>
        <div class="section-save">
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? t.settingsSaving : t.settingsSaveSection[section]}
          </Button>
          <p class="muted" role="status">
            {status || (dirty ? t.settingsUnsaved : '')}
          </p>
        </div>
      </form>
    </Card>
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
    <Card id="st-tools" icon={Wrench} title={t.settingsToolsTitle}>
      <div class="st-tool">
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={sendTestLead}
          aria-describedby="st-test-help"
        >
          {busy ? t.settingsTestLeadSending : t.settingsTestLead}
        </Button>
        <p class="st-help" id="st-test-help">
          {t.settingsTestLeadHelp}
        </p>
        <p class="st-status" role="status">
          {sent ? (
            <>
              {t.settingsTestLeadSent(t.showTestLeads)} <a href="/app/inbox?test=1">{t.settingsTestLeadLink}</a>
            </>
          ) : null}
        </p>
        <p class="error" role="alert">
          {error}
        </p>
      </div>
      <div class="st-tool">
        <a class={buttonClass('secondary')} href="/api/app/leads/export.csv" download aria-describedby="st-export-help">
          <Icon icon={Download} />
          {t.settingsExport}
        </a>
        <p class="st-help" id="st-export-help">
          {t.settingsExportHelp}
        </p>
      </div>
    </Card>
  );
}
