import { Eye, Search, UserPlus } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClientList, ClientListItem, CreatedClientView } from '../schema/app-api';
import { EMAIL_TONES } from '../schema/vocabulary';
import { type Account, ApiError, api, errorText } from './api';
import { copyText } from './clipboard';
import { Badge, Button, Card, Field, PageHeader } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import './strings/clients';
import './strings/settings';

/** Wait after the last keystroke before searching, so typing a name is one request, not ten. */
const SEARCH_DELAY_MS = 300;

/** Internal accounts: the clients, creating one, switching to view one. */
export function Clients(props: { t: Strings; lang: Lang; account: Account; onSwitched: () => void }) {
  const { t } = props;
  const [reloads, setReloads] = useState(0);
  return (
    <main class="clients">
      <PageHeader title={t.clients} description={t.clientsIntro} />
      <ClientFinder {...props} reloads={reloads} />
      <CreateClient t={t} onCreated={() => setReloads((n) => n + 1)} />
    </main>
  );
}

function ClientFinder(props: {
  t: Strings;
  lang: Lang;
  account: Account;
  onSwitched: () => void;
  /** Bumped when a client was created: the list shows it. */
  reloads: number;
}) {
  const { t, lang, account } = props;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ClientList | null>(null);
  const [error, setError] = useState('');
  const [switching, setSwitching] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    let current = true;
    setError('');
    api<ClientList>('GET', `/clients${query ? `?${new URLSearchParams({ q: query })}` : ''}`)
      .then((found) => {
        // An older search answering late must not replace a newer one.
        if (current) setList(found);
      })
      .catch((caught) => {
        if (current) setError(errorText(caught, t));
      });
    return () => {
      current = false;
    };
  }, [query, props.reloads]);

  const view = async (client: ClientListItem) => {
    setSwitching(client.id);
    setError('');
    try {
      await api('POST', '/switch', { clientId: client.id });
      props.onSwitched();
    } catch (caught) {
      setError(errorText(caught, t));
      setSwitching(null);
    }
  };

  return (
    <Card id="cl-find" icon={Search} title={t.clientsFindTitle}>
      <form
        class="cl-search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(text.trim());
        }}
      >
        <div>
          <label for="cl-q">{t.clientsSearch}</label>
          <input
            id="cl-q"
            type="search"
            maxLength={200}
            autoComplete="off"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
        <Button variant="primary" type="submit">
          {t.clientsSearchButton}
        </Button>
      </form>
      <p class="st-status" role="status">
        {list
          ? list.clients.length === 0
            ? t.clientsNone
            : `${t.clientsCount(list.clients.length)}${list.truncated ? ` — ${t.clientsTruncated(list.limit)}` : ''}`
          : t.loading}
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      {list && list.clients.length > 0 ? (
        <ul class="cl-list" aria-label={t.clientsListLabel}>
          {list.clients.map((client) => (
            <li key={client.id} class="cl-item">
              <div>
                <h3>
                  {client.businessName}
                  {client.id === account.account.id ? <Badge tone="brand">{t.clientsYou}</Badge> : null}
                  {client.isInternal ? <Badge>{t.clientsStaffBadge}</Badge> : null}
                  {client.isTest ? <Badge tone="info">{t.clientsTestBadge}</Badge> : null}
                </h3>
                <p class="meta">
                  <span>{client.email}</span>
                  <span>{client.clientId}</span>
                  <span>{t.clientsLanguage(client.language)}</span>
                  <span>{t.clientsCreatedOn(formatDate(client.createdAt, lang))}</span>
                  <span>
                    {client.lastLoginAt
                      ? t.clientsLastLogin(formatDate(client.lastLoginAt, lang))
                      : t.clientsNeverSignedIn}
                  </span>
                </p>
              </div>
              {client.id === account.client.id ? (
                <Badge tone="success" icon={Eye}>
                  {t.clientsViewing}
                </Badge>
              ) : (
                <Button
                  type="button"
                  variant="secondary"
                  disabled={switching !== null}
                  aria-label={t.clientsViewOf(client.businessName)}
                  onClick={() => view(client)}
                >
                  {t.clientsView}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

interface NewClientDraft {
  businessName: string;
  email: string;
  language: Lang;
  emailTone: string;
  bookingLink: string;
  industry: string;
  allowedOrigins: string;
  isTest: boolean;
}
type NewClientField = keyof NewClientDraft;

const EMPTY: NewClientDraft = {
  businessName: '',
  email: '',
  language: 'fr',
  emailTone: 'Professional',
  bookingLink: '',
  industry: '',
  allowedOrigins: '',
  isTest: false,
};
const FIELDS: NewClientField[] = [
  'businessName',
  'email',
  'language',
  'emailTone',
  'bookingLink',
  'industry',
  'allowedOrigins',
  'isTest',
];

/** The POST body (parseNewClient's fields): optional text left out when blank. */
function bodyOf(draft: NewClientDraft) {
  const origins = draft.allowedOrigins
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    businessName: draft.businessName,
    email: draft.email,
    language: draft.language,
    emailTone: draft.emailTone,
    ...(draft.bookingLink.trim() ? { bookingLink: draft.bookingLink.trim() } : {}),
    ...(draft.industry.trim() ? { industry: draft.industry.trim() } : {}),
    allowedOrigins: origins,
    isTest: draft.isTest,
  };
}

/**
 * The fields the server refused, worded here in the screen's language: parseNewClient's
 * messages are the command line's, in English. An origin's message names its index.
 */
function refusedFields(fields: Record<string, string[]>): NewClientField[] {
  const names = new Set(Object.keys(fields).map((path) => path.split('.')[0]));
  return FIELDS.filter((field) => names.has(field));
}

function CreateClient(props: { t: Strings; onCreated: () => void }) {
  const { t } = props;
  const [draft, setDraft] = useState<NewClientDraft>(EMPTY);
  const [invalid, setInvalid] = useState<Partial<Record<NewClientField, string>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const createdTitle = useRef<HTMLHeadingElement>(null);
  const password = useRef<HTMLElement>(null);

  useEffect(() => {
    if (created) createdTitle.current?.focus();
  }, [created]);

  const set = <K extends NewClientField>(field: K, value: NewClientDraft[K]) =>
    setDraft((old) => ({ ...old, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    setInvalid({});
    try {
      const result = await api<CreatedClientView>('POST', '/clients', bodyOf(draft));
      setCreated({ name: result.client.businessName, password: result.oneTimePassword });
      setCopyStatus('');
      setDraft(EMPTY);
      props.onCreated();
    } catch (caught) {
      let found: Partial<Record<NewClientField, string>> = {};
      if (caught instanceof ApiError && caught.code === 'email_taken') found = { email: t.clientsEmailTaken };
      else if (caught instanceof ApiError && caught.status === 422) {
        for (const field of refusedFields(caught.fields)) found[field] = t.clientsRule[field] ?? caught.message;
      }
      setInvalid(found);
      const first = FIELDS.find((field) => found[field]);
      setError(first ? t.clientsFixFields : errorText(caught, t));
      if (first) form.current?.querySelector<HTMLElement>(`#cl-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  const textField = (
    field: 'businessName' | 'email' | 'bookingLink' | 'industry',
    label: string,
    type: 'text' | 'email' | 'url',
  ) => (
    <Field id={`cl-${field}`} label={label} error={invalid[field]}>
      {(control) => {
        const common = {
          ...control,
          name: field,
          autoComplete: 'off',
          required: field === 'businessName' || field === 'email',
          value: draft[field],
          onInput: (e: Event) => set(field, (e.currentTarget as HTMLInputElement).value),
        };
        // Preact types each input type apart: one element per type, not a union.
        return type === 'email' ? (
          <input type="email" {...common} />
        ) : type === 'url' ? (
          <input type="url" {...common} />
        ) : (
          <input type="text" {...common} />
        );
      }}
    </Field>
  );

  return (
    <Card id="cl-create" icon={UserPlus} title={t.clientsCreateTitle}>
      {created ? (
        <div class="cl-password">
          <h3 ref={createdTitle} tabIndex={-1}>
            {t.clientsCreatedTitle(created.name)}
          </h3>
          <p>
            {t.clientsPassword} <code ref={password}>{created.password}</code>
          </p>
          <p class="cl-warning">{t.clientsPasswordWarning}</p>
          <div class="st-actions">
            <Button
              variant="secondary"
              type="button"
              onClick={async () => {
                setCopyStatus('');
                setCopyStatus(
                  (await copyText(created.password, password.current)) ? t.clientsCopied : t.clientsCopyManual,
                );
              }}
            >
              {t.clientsCopyPassword}
            </Button>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setCreated(null);
                setTimeout(() => form.current?.querySelector<HTMLElement>('#cl-businessName')?.focus());
              }}
            >
              {t.clientsPasswordDone}
            </Button>
            <p class="st-status" role="status">
              {copyStatus}
            </p>
          </div>
        </div>
      ) : null}
      <p class="st-help">{t.clientsCreateHelp}</p>
      <form ref={form} onSubmit={submit} noValidate>
        {textField('businessName', t.clientsBusinessName, 'text')}
        {textField('email', t.clientsEmail, 'email')}
        <Field id="cl-language" label={t.clientsLanguageLabel} error={invalid.language}>
          {(control) => (
            <select
              {...control}
              value={draft.language}
              onChange={(e) => set('language', e.currentTarget.value === 'en' ? 'en' : 'fr')}
            >
              <option value="fr">{t.settingsLanguageFr}</option>
              <option value="en">{t.settingsLanguageEn}</option>
            </select>
          )}
        </Field>
        <Field id="cl-emailTone" label={t.clientsEmailTone} error={invalid.emailTone}>
          {(control) => (
            <select {...control} value={draft.emailTone} onChange={(e) => set('emailTone', e.currentTarget.value)}>
              {EMAIL_TONES.map((value) => (
                <option key={value} value={value}>
                  {t.settingsTone[value] ?? value}
                </option>
              ))}
            </select>
          )}
        </Field>
        {textField('bookingLink', t.clientsBookingLink, 'url')}
        {textField('industry', t.clientsIndustry, 'text')}
        <Field id="cl-allowedOrigins" label={t.clientsOrigins} error={invalid.allowedOrigins}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              spellcheck={false}
              autoCapitalize="off"
              value={draft.allowedOrigins}
              onInput={(e) => set('allowedOrigins', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="cl-isTest" label={t.clientsIsTest} check>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={draft.isTest}
              onChange={(e) => set('isTest', e.currentTarget.checked)}
            />
          )}
        </Field>
        <p class="error" role="alert">
          {error}
        </p>
        <Button variant="primary" type="submit" busy={busy}>
          {busy ? t.clientsCreating : t.clientsCreate}
        </Button>
      </form>
    </Card>
  );
}
