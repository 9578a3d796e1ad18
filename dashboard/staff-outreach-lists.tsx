import { ChartNoAxesCombined, Megaphone, Search, ShieldBan, ShieldOff, ShieldPlus } from 'lucide';
import { useState } from 'preact/hooks';
import type {
  IndustriesResponse,
  IndustryPerformanceView,
  SuppressionsResponse,
  SuppressionView,
} from '../schema/outreach-api';
import type { SuppressionReason } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import {
  AppLink,
  Badge,
  type BadgeTone,
  Button,
  buttonClass,
  Card,
  type Column,
  EmptyState,
  Field,
  Icon,
  PageHeader,
  Skeleton,
  Table,
  Toast,
} from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDuration, type Lang, type Strings } from './i18n';
import { barShare } from './prospects-format';
import { PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { industryName, OUTREACH_API, OutreachTabs, percent, When } from './staff-outreach-common';
import { OUTREACH_STRINGS, type OutreachStrings } from './strings/outreach';

// ─── The suppression list ───────────────────────────────────────────────────

const REASON_TONE: Record<SuppressionReason, BadgeTone> = {
  unsubscribed: 'info',
  hard_bounce: 'danger',
  complaint: 'danger',
  manual: 'neutral',
};

/**
 * The suppression list (/app/staff/outreach/suppressions), internal accounts only: every
 * address and domain outreach never writes to again, why (an unsubscribe, a hard bounce, a
 * complaint, or a person's choice), when and by whom; an address or a whole domain added by
 * hand with a note, and a manual entry lifted (the others are kept: the law and the
 * sender's reputation need them).
 */
export function StaffOutreachSuppressions(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const { view, error, reload } = useStaffView<SuppressionsResponse>(`${OUTREACH_API}/suppressions`, t);
  const [toast, setToast] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const entries = view?.suppressions ?? [];
  const needle = q.trim().toLowerCase();
  const shown = needle
    ? entries.filter((entry) =>
        [entry.address, entry.domain, entry.note].some((value) => value?.toLowerCase().includes(needle)),
      )
    : entries;
  return (
    <main class="staff staff-outreach">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-outreach-suppressions']}
        description={o.orSuppressionsIntro}
      />
      <OutreachTabs lang={lang} current="staff-outreach-suppressions" go={go} />
      <ErrorLine text={error} />
      <AddSuppression
        t={t}
        o={o}
        onAdded={async (what) => {
          await reload();
          setToast(o.orSuppressedToast(what));
        }}
      />
      {view ? (
        entries.length === 0 ? (
          <EmptyState id="or-sup-empty" icon={ShieldBan} title={o.orNoSuppressions}>
            <p>{o.orNoSuppressionsHelp}</p>
          </EmptyState>
        ) : (
          <Card id="or-sup-list" icon={ShieldBan} title={o.orSuppressionsTitle} description={o.orSuppressionsHelp}>
            <div class="toolbar">
              <div class="search-box">
                <Icon icon={Search} />
                <label for="or-sup-q" class="sr-only">
                  {o.orSearchSuppressions}
                </label>
                <input
                  id="or-sup-q"
                  type="search"
                  placeholder={o.orSearchSuppressions}
                  value={q}
                  onInput={(e) => setQ(e.currentTarget.value)}
                />
              </div>
            </div>
            <p class="muted pr-showing" aria-live="polite">
              {o.orShowingEntries(count(shown.length, lang), count(entries.length, lang))}
            </p>
            {shown.length === 0 ? (
              <p class="muted">{o.orNoSuppressionMatch}</p>
            ) : (
              <SuppressionTable
                t={t}
                o={o}
                lang={lang}
                entries={shown}
                onLifted={async (what) => {
                  await reload();
                  setToast(o.orLiftedToast(what));
                }}
              />
            )}
          </Card>
        )
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={2} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

function AddSuppression(props: { t: Strings; o: OutreachStrings; onAdded: (what: string) => Promise<void> }) {
  const { t, o } = props;
  const [kind, setKind] = useState<'address' | 'domain'>('address');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string[]>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    const entry = kind === 'domain' ? value.trim().replace(/^@/, '').toLowerCase() : value.trim();
    const wrong =
      kind === 'address'
        ? !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(entry)
          ? o.orAddressInvalid
          : ''
        : !/^[^\s@/]+\.[^\s@/]+$/.test(entry)
          ? o.orDomainInvalid
          : '';
    if (wrong) {
      setInvalid({ value: [wrong] });
      document.getElementById('or-sup-value')?.focus();
      return;
    }
    setInvalid({});
    setBusy(true);
    try {
      await api<SuppressionView>('POST', `${OUTREACH_API}/suppressions`, {
        [kind]: entry,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setValue('');
      setNote('');
      await props.onAdded(entry);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fields).length > 0)
        setInvalid({ value: caught.fields[kind] ?? [], note: caught.fields.note ?? [] });
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card id="or-sup-add" icon={ShieldPlus} title={o.orAddSuppression} description={o.orAddSuppressionHelp}>
      <form onSubmit={submit} noValidate>
        <fieldset class="segmented ft-statuses">
          <legend class="sr-only">{o.orSuppressWhat}</legend>
          {(['address', 'domain'] as const).map((choice) => (
            <button key={choice} type="button" aria-pressed={kind === choice} onClick={() => setKind(choice)}>
              {choice === 'address' ? o.orAnAddress : o.orADomain}
            </button>
          ))}
        </fieldset>
        <div class="pr-form-grid">
          <Field
            id="or-sup-value"
            label={kind === 'address' ? o.orAddress : o.orDomain}
            help={kind === 'address' ? o.orAddressHelp : o.orDomainHelp}
            error={invalid.value}
          >
            {(c) => (
              <input
                {...c}
                type="text"
                inputMode={kind === 'address' ? 'email' : 'url'}
                autoComplete="off"
                spellcheck={false}
                value={value}
                onInput={(e) => setValue(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="or-sup-note" label={o.orNote} help={o.orNoteHelp} error={invalid.note}>
            {(c) => <input {...c} type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
        </div>
        <ErrorLine text={error} />
        <Button variant="primary" type="submit" icon={ShieldPlus} busy={busy}>
          {busy ? o.orAdding : o.orAdd}
        </Button>
      </form>
    </Card>
  );
}

function SuppressionTable(props: {
  t: Strings;
  o: OutreachStrings;
  lang: Lang;
  entries: readonly SuppressionView[];
  onLifted: (what: string) => Promise<void>;
}) {
  const { t, o, lang } = props;
  const columns: Column<SuppressionView>[] = [
    {
      key: 'entry',
      header: o.orEntry,
      cell: (row) => (
        <span class="pr-business">
          <code>{row.address ?? row.domain ?? t.none}</code>
          {row.domain && !row.address ? (
            <span class="pr-badges">
              <Badge tone="brand">{o.orWholeDomain}</Badge>
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: 'reason',
      header: o.orReason,
      cell: (row) => (
        <span class="pr-badges">
          <Badge tone={REASON_TONE[row.reason]}>{o.orReasons[row.reason] ?? row.reason}</Badge>
        </span>
      ),
    },
    { key: 'note', header: o.orNote, cell: (row) => row.note ?? t.none },
    { key: 'added', header: o.orAdded, cell: (row) => <When iso={row.createdAt} lang={lang} /> },
    { key: 'by', header: o.orBy, cell: (row) => row.createdBy ?? <span class="muted">{o.orAutomatically}</span> },
    {
      key: 'lift',
      header: o.orActions,
      cell: (row) =>
        row.reason === 'manual' ? (
          <Lift t={t} o={o} entry={row} onLifted={props.onLifted} />
        ) : (
          <span class="muted">{o.orKept}</span>
        ),
    },
  ];
  return (
    <Table
      class="pr-table or-suppressions"
      caption={o.orSuppressionsTitle}
      columns={columns}
      rows={props.entries}
      rowKey={(row) => row.id}
    />
  );
}

function Lift(props: {
  t: Strings;
  o: OutreachStrings;
  entry: SuppressionView;
  onLifted: (what: string) => Promise<void>;
}) {
  const { t, o, entry } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const what = entry.address ?? entry.domain ?? '';
  const lift = async () => {
    setBusy(true);
    setError('');
    try {
      await api<unknown>('DELETE', `${OUTREACH_API}/suppressions/${encodeURIComponent(entry.id)}`);
      await props.onLifted(what);
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <Button small variant="ghost" icon={ShieldOff} busy={busy} onClick={lift}>
        {o.orLift}
        <span class="sr-only"> {what}</span>
      </Button>
      {error ? <ErrorLine text={error} /> : null}
    </div>
  );
}

// ─── Industry performance ───────────────────────────────────────────────────

/**
 * Industry performance (/app/staff/outreach/industries), internal accounts only: for each
 * trade outreach wrote to, how many businesses were contacted, opened and replied, the
 * rates, how long a reply took on average, and the priority score discovery reads to
 * favour the trades that answer, best first.
 */
export function StaffOutreachIndustries(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const o = OUTREACH_STRINGS[lang];
  const { view, error } = useStaffView<IndustriesResponse>(`${OUTREACH_API}/industries`, t);
  const rows = [...(view?.industries ?? [])].sort((a, b) => b.priorityScore - a.priorityScore);
  const columns: Column<IndustryPerformanceView>[] = [
    {
      key: 'industry',
      header: o.orIndustry,
      cell: (row) => (
        <span class="pr-business">
          <strong class="pr-name">{industryName(row.industry, lang)}</strong>
          <code class="pr-site">{row.industry}</code>
        </span>
      ),
    },
    { key: 'contacted', header: o.orContacted, cell: (row) => count(row.totalContacted, lang) },
    { key: 'opened', header: o.orOpened, cell: (row) => count(row.totalOpened, lang) },
    { key: 'replied', header: o.orReplied, cell: (row) => count(row.totalReplied, lang) },
    { key: 'openRate', header: o.orOpenRate, cell: (row) => percent(row.openRate, lang, t) },
    { key: 'replyRate', header: o.orReplyRate, cell: (row) => percent(row.replyRate, lang, t) },
    {
      key: 'response',
      header: o.orAvgResponse,
      cell: (row) => (row.avgResponseTimeHours === null ? t.none : formatDuration(row.avgResponseTimeHours * 60, lang)),
    },
    {
      key: 'priority',
      header: o.orPriority,
      cell: (row) => (
        <span class="pr-score">
          <strong>{count(Math.round(row.priorityScore), lang)}</strong>
          <span class="pr-bar" aria-hidden="true">
            <span style={{ width: `${barShare(row.priorityScore)}%` }} />
          </span>
        </span>
      ),
    },
  ];
  /** When the figures were last worked out: the newest row's time. */
  const updated = rows.reduce<string | null>(
    (latest, row) => (latest === null || row.lastUpdated > latest ? row.lastUpdated : latest),
    null,
  );
  return (
    <main class="staff staff-outreach">
      <PageHeader title={PROSPECT_SCREEN_NAMES[lang]['staff-outreach-industries']} description={o.orIndustriesIntro} />
      <OutreachTabs lang={lang} current="staff-outreach-industries" go={go} />
      <ErrorLine text={error} />
      {view ? (
        rows.length === 0 ? (
          <EmptyState
            id="or-ind-empty"
            icon={ChartNoAxesCombined}
            title={o.orNoIndustries}
            actions={
              <AppLink class={buttonClass('primary')} href={PATHS['staff-outreach']} go={go}>
                <Icon icon={Megaphone} />
                {o.orToCampaigns}
              </AppLink>
            }
          >
            <p>{o.orNoIndustriesHelp}</p>
          </EmptyState>
        ) : (
          <Card
            id="or-industries"
            icon={ChartNoAxesCombined}
            title={o.orIndustriesTitle}
            description={o.orPriorityHelp}
          >
            <Table
              class="pr-table or-industries"
              caption={o.orIndustriesTitle}
              columns={columns}
              rows={rows}
              rowKey={(row) => row.industry}
            />
            {updated ? (
              <p class="hint">
                {o.orFiguresOf} <When iso={updated} lang={lang} />
              </p>
            ) : null}
          </Card>
        )
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={2} />
      )}
    </main>
  );
}
