import {
  Ban,
  CircleCheck,
  Clock,
  Gauge,
  Hourglass,
  Inbox,
  ListChecks,
  LoaderCircle,
  MailCheck,
  MailSearch,
  MailX,
  RotateCcw,
  Send,
  ShieldBan,
  TriangleAlert,
} from 'lucide';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  FormTestBatchResult,
  FormTestBatchView,
  FormTestListQuery,
  FormTestsView,
  FormTestView,
  ProposeBatchInput,
} from '../schema/form-tests-api';
import {
  AUTORESPONDER_TONES,
  type AutoresponderTone,
  FORM_TEST_STATUSES,
  type FormTestBatchStatus,
  type FormTestStatus,
  LANGUAGE_NAMES,
} from '../schema/vocabulary';
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
  Stat,
  Table,
  Toast,
} from './design';
import { focusHeading } from './focus';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDate, formatDuration, type Lang, type Strings } from './i18n';
import { pathOf, shortDate, signedPoints } from './prospects-format';
import { PATHS, prospectPath } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { NeedScore, SiteLink } from './staff-prospects';
import { FORM_TESTS_STRINGS, type FormTestsStrings } from './strings/form-tests';
import { PROSPECTS_STRINGS } from './strings/prospects';

/** How often the screen asks again while a test waits for its answer or a batch runs. */
const POLL_MS = 5000;
const DEFAULT_LIMIT = 10;
/** The score bounds one may pick: 0 to 100 by tens. */
const SCORE_STEPS = Array.from({ length: 11 }, (_, index) => index * 10);

const STATUS_TONE: Record<FormTestStatus, BadgeTone> = {
  pending: 'info',
  completed: 'success',
  failed: 'danger',
  timeout: 'warning',
};
const STATUS_ICON = { pending: Hourglass, completed: MailCheck, failed: TriangleAlert, timeout: MailX };
const TONE_TONE: Record<AutoresponderTone, BadgeTone> = {
  personalized: 'success',
  human: 'brand',
  robotic: 'warning',
  none: 'neutral',
};
const BATCH_TONE: Record<FormTestBatchStatus, BadgeTone> = {
  proposed: 'warning',
  approved: 'info',
  running: 'info',
  completed: 'success',
  cancelled: 'neutral',
};
const BATCH_ICON = {
  proposed: Hourglass,
  approved: CircleCheck,
  running: LoaderCircle,
  completed: CircleCheck,
  cancelled: Ban,
};

// ─── The filters, in the address ────────────────────────────────────────────

/** The list's filters the screen offers: the API's query but the prospect (its own page shows those). */
export type FormTestFilters = Omit<FormTestListQuery, 'prospect'>;

const oneOf = <T extends string>(value: string | null, values: readonly T[]): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function scoreOf(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= 0 && number <= 100 ? number : undefined;
}

/** The filters of an address's query string; what is not a valid value is left out. */
export function formTestFiltersOf(search: string): FormTestFilters {
  const params = new URLSearchParams(search);
  const filters: FormTestFilters = {};
  const status = oneOf(params.get('status'), FORM_TEST_STATUSES);
  const tone = oneOf(params.get('tone'), AUTORESPONDER_TONES);
  const minScore = scoreOf(params.get('minScore'));
  const maxScore = scoreOf(params.get('maxScore'));
  const batch = params.get('batch')?.trim();
  if (status) filters.status = status;
  if (tone) filters.tone = tone;
  if (minScore !== undefined) filters.minScore = minScore;
  if (maxScore !== undefined) filters.maxScore = maxScore;
  if (batch) filters.batch = batch;
  return filters;
}

/** The query string of a list query (no "?"), in a fixed order. */
export function formTestSearch(query: FormTestListQuery): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'tone', 'minScore', 'maxScore', 'prospect', 'batch'] as const) {
    const value = query[name];
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  return params.toString();
}

const listPath = (query: FormTestListQuery) => {
  const search = formTestSearch(query);
  return search ? `/staff/form-tests?${search}` : '/staff/form-tests';
};

/** Whether something is still to happen: a test waiting for its answer, a batch approved or running. */
export const isLive = (view: FormTestsView | null): boolean =>
  Boolean(
    view &&
      (view.tests.some((test) => test.status === 'pending') ||
        view.batches.some((batch) => batch.status === 'approved' || batch.status === 'running')),
  );

/** Asks again every few seconds while `live`, not while the tab is hidden; stops on unmount. */
function usePolling(live: boolean, reload: () => unknown) {
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (!document.hidden) latest.current();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live]);
}

const sum = (counts: Partial<Record<string, number>>) =>
  Object.values(counts).reduce<number>((total, n) => total + (n ?? 0), 0);

// ─── The screen ─────────────────────────────────────────────────────────────

/**
 * The Form tests screen (/app/staff/form-tests), internal accounts only: the limits tests
 * run under (and a warning while inbound mail is not set up), "propose a batch" of the
 * best-scored prospects with a form, each proposed batch to approve or cancel (approving
 * sends real inquiries), the batches with what each gave, and the tests, filtered by
 * status, tone and score, each with its timeline, the inquiry sent, what came back and its
 * score. Updated every few seconds while a test waits or a batch runs.
 */
export function StaffFormTests(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const f = FORM_TESTS_STRINGS[lang];
  const [filters, setFilters] = useState<FormTestFilters>(() => formTestFiltersOf(location.search));
  const { view, error, reload } = useStaffView<FormTestsView>(listPath(filters), t);
  const [toast, setToast] = useState<string | null>(null);
  const [focusBatch, setFocusBatch] = useState<string | null>(null);
  const live = isLive(view);
  usePolling(live, reload);

  useEffect(() => {
    const search = formTestSearch(filters);
    const path = PATHS['staff-form-tests'];
    history.replaceState(history.state, '', search ? `${path}?${search}` : path);
  }, [filters]);
  // A batch just proposed: its review is where the person reads next.
  useEffect(() => {
    if (!focusBatch || !view?.batches.some((batch) => batch.id === focusBatch)) return;
    focusHeading(`ft-review-${focusBatch}-title`);
    setFocusBatch(null);
  }, [view, focusBatch]);

  const proposed = view?.batches.filter((batch) => batch.status === 'proposed') ?? [];
  return (
    <main class="staff staff-form-tests">
      <PageHeader title={PROSPECT_SCREEN_NAMES[lang]['staff-form-tests']} description={f.ftIntro} />
      <ErrorLine text={error} />
      {view ? (
        <>
          {view.configured ? null : <NotConfigured f={f} />}
          <Limits f={f} lang={lang} limits={view.limits} />
          <Propose
            t={t}
            f={f}
            lang={lang}
            configured={view.configured}
            retestDays={view.limits.retestDays}
            onProposed={async (batch) => {
              await reload();
              setFocusBatch(batch.id);
              setToast(f.ftProposed(batch.size, count(batch.size, lang)));
            }}
          />
          {proposed.map((batch) => (
            <Review
              key={batch.id}
              t={t}
              f={f}
              lang={lang}
              batch={batch}
              configured={view.configured}
              go={go}
              onDone={async (message) => {
                await reload();
                setToast(message);
                focusHeading('ft-batches-title');
              }}
            />
          ))}
          <Batches
            t={t}
            f={f}
            lang={lang}
            batches={view.batches}
            live={live}
            onShowTests={(id) => {
              setFilters({ batch: id });
              focusHeading('ft-tests-title');
            }}
          />
          <Tests t={t} f={f} lang={lang} view={view} filters={filters} setFilters={setFilters} go={go} />
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={3} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

function NotConfigured({ f }: { f: FormTestsStrings }) {
  return (
    <section class="notice-box ft-off" aria-labelledby="ft-off-title">
      <Icon icon={TriangleAlert} />
      <div>
        <h2 id="ft-off-title">{f.ftOffTitle}</h2>
        <p>{f.ftOffText}</p>
        <ul>
          <li>
            <code>INBOUND_TOKEN_SECRET</code> — {f.ftOffSecret}
          </li>
          <li>
            <code>INBOUND_DOMAIN</code> — {f.ftOffDomain}
          </li>
        </ul>
      </div>
    </section>
  );
}

function Limits(props: { f: FormTestsStrings; lang: Lang; limits: FormTestsView['limits'] }) {
  const { f, lang, limits } = props;
  const left = Math.max(0, limits.perDay - limits.submittedToday);
  return (
    <section class="ft-limits" aria-labelledby="ft-limits-title">
      <h2 id="ft-limits-title" class="sr-only">
        {f.ftLimitsTitle}
      </h2>
      <div class="stats">
        <Stat icon={Send} label={f.ftPerDay} value={count(limits.perDay, lang)} note={f.ftPerDayNote} />
        <Stat
          icon={ListChecks}
          label={f.ftToday}
          value={
            <>
              {count(limits.submittedToday, lang)}{' '}
              <span class="pr-out-of">{f.ftOutOf(count(limits.perDay, lang))}</span>
            </>
          }
          note={f.ftTodayNote(count(left, lang))}
        />
        <Stat
          icon={Clock}
          label={f.ftTimeout}
          value={f.ftHours(count(limits.timeoutHours, lang))}
          note={f.ftTimeoutNote}
        />
        <Stat
          icon={RotateCcw}
          label={f.ftRetest}
          value={f.ftDays(limits.retestDays, count(limits.retestDays, lang))}
          note={f.ftRetestNote}
        />
      </div>
      <div class="ft-stop">
        <h3>
          <Icon icon={ShieldBan} />
          {f.ftStopList}
        </h3>
        {limits.stopDomains.length === 0 ? (
          <p class="muted">{f.ftStopListEmpty}</p>
        ) : (
          <>
            <p class="muted">{f.ftStopListHelp}</p>
            <ul class="pr-inline-list">
              {limits.stopDomains.map((domain) => (
                <li key={domain}>
                  <code>{domain}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

function Propose(props: {
  t: Strings;
  f: FormTestsStrings;
  lang: Lang;
  /** Inbound mail is set up: the API refuses to propose or approve without it. */
  configured: boolean;
  retestDays: number;
  onProposed: (batch: FormTestBatchView) => Promise<void>;
}) {
  const { t, f, lang } = props;
  const [limit, setLimit] = useState(String(DEFAULT_LIMIT));
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setInvalid('');
    setError('');
    const number = Number(limit.trim());
    if (!Number.isInteger(number) || number < 1 || number > 100) {
      setInvalid(f.ftLimitInvalid);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const body: ProposeBatchInput = { limit: number };
      const batch = await api<FormTestBatchView>('POST', '/staff/form-tests/batches', body);
      await props.onProposed(batch);
    } catch (caught) {
      // A 422 names the limit when it is out of range; otherwise (no prospect qualifies) its message is the form's.
      const field = caught instanceof ApiError ? caught.fields.limit : undefined;
      if (field && field.length > 0) {
        setInvalid(field.join(' '));
        input.current?.focus();
      } else setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      id="ft-propose"
      icon={MailSearch}
      title={f.ftProposeTitle}
      description={f.ftProposeHelp(count(props.retestDays, lang))}
    >
      <form class="ft-propose" onSubmit={submit} noValidate>
        <Field id="ft-limit" label={f.ftLimitLabel} help={f.ftLimitHelp} error={invalid}>
          {(control) => (
            <input
              {...control}
              ref={input}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              step={1}
              value={limit}
              onInput={(e) => setLimit(e.currentTarget.value)}
            />
          )}
        </Field>
        <Button
          variant="primary"
          type="submit"
          icon={MailSearch}
          busy={busy}
          disabled={!props.configured}
          aria-describedby={props.configured ? undefined : 'ft-off-title'}
        >
          {busy ? f.ftProposing : f.ftPropose}
        </Button>
      </form>
      <ErrorLine text={error} />
    </Card>
  );
}

/** A proposed batch: its prospects, what approving does, and the two choices. */
function Review(props: {
  t: Strings;
  f: FormTestsStrings;
  lang: Lang;
  batch: FormTestBatchView;
  configured: boolean;
  go: (path: string) => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, f, lang, batch, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  const [busy, setBusy] = useState<'approve' | 'cancel' | null>(null);
  const [error, setError] = useState('');
  const id = `ft-review-${batch.id}`;
  const act = async (action: 'approve' | 'cancel') => {
    setBusy(action);
    setError('');
    try {
      await api<FormTestBatchView>('POST', `/staff/form-tests/batches/${encodeURIComponent(batch.id)}/${action}`);
      await props.onDone(action === 'approve' ? f.ftApproved : f.ftCancelled);
    } catch (caught) {
      setError(errorText(caught, t));
      setBusy(null);
    }
  };
  const when = shortDate(batch.createdAt, lang);
  const columns: Column<FormTestBatchView['prospects'][number]>[] = [
    {
      key: 'business',
      header: f.ftBusiness,
      cell: (row) => (
        <span class="pr-business">
          <AppLink class="pr-name" href={prospectPath(row.id)} go={go}>
            {row.businessName}
          </AppLink>
          <SiteLink class="pr-site" href={row.website} s={s} />
        </span>
      ),
    },
    { key: 'need', header: f.ftNeed, cell: (row) => <NeedScore score={row.automationNeedScore} t={t} lang={lang} /> },
    {
      key: 'form',
      header: f.ftFormPage,
      cell: (row) =>
        row.formUrl ? (
          <SiteLink class="ft-url" href={row.formUrl} s={s}>
            {pathOf(row.formUrl, row.website)}
          </SiteLink>
        ) : (
          <span class="muted">{f.ftNoFormUrl}</span>
        ),
    },
  ];
  return (
    <section id={id} class="card ft-review" aria-labelledby={`${id}-title`}>
      <header>
        <div>
          <h2 id={`${id}-title`}>
            <Icon icon={Hourglass} />
            {batch.size === 1 ? f.ftReviewTitleOne(when) : f.ftReviewTitle(count(batch.size, lang), when)}
          </h2>
          <p>{f.ftProposedByLine(batch.proposedBy)}</p>
        </div>
      </header>
      <p class="notice-box" id={`${id}-warning`}>
        <Icon icon={TriangleAlert} />
        <strong>{f.ftWarning(batch.size, count(batch.size, lang))}</strong>
      </p>
      <Table
        class="pr-table ft-review-table"
        caption={f.ftBatchProspects}
        columns={columns}
        rows={batch.prospects}
        rowKey={(row) => row.id}
      />
      <ErrorLine text={error} />
      <div class="btn-row">
        <Button
          variant="primary"
          icon={Send}
          busy={busy === 'approve'}
          disabled={busy !== null || !props.configured}
          aria-describedby={props.configured ? `${id}-warning` : `${id}-warning ft-off-title`}
          onClick={() => act('approve')}
        >
          {busy === 'approve' ? f.ftApproving : f.ftApprove}
        </Button>
        <Button icon={Ban} busy={busy === 'cancel'} disabled={busy !== null} onClick={() => act('cancel')}>
          {busy === 'cancel' ? f.ftCancelling : f.ftCancelBatch}
        </Button>
      </div>
    </section>
  );
}

/** A batch's counts by outcome, each reason in words. */
function Result(props: { t: Strings; f: FormTestsStrings; lang: Lang; result: FormTestBatchResult | null }) {
  const { t, f, lang, result } = props;
  if (!result) return <div>{t.none}</div>;
  const reasons = (counts: Partial<Record<string, number>>, words: Record<string, string>) => {
    const entries = Object.entries(counts).filter(([, n]) => (n ?? 0) > 0);
    if (entries.length === 0) return null;
    return (
      <ul class="ft-reasons">
        {entries.map(([reason, n]) => (
          <li key={reason}>
            {words[reason] ?? reason}
            {lang === 'fr' ? '\u00a0: ' : ': '}
            {count(n ?? 0, lang)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <dl class="ft-result">
      <div>
        <dt>{f.ftSubmitted}</dt>
        <dd>{count(result.submitted, lang)}</dd>
      </div>
      <div>
        <dt>{f.ftFailedCount}</dt>
        <dd>
          {count(sum(result.failed), lang)}
          {reasons(result.failed, f.ftFailures)}
        </dd>
      </div>
      <div>
        <dt>{f.ftSkippedCount}</dt>
        <dd>
          {count(sum(result.skipped), lang)}
          {reasons(result.skipped, f.ftSkips)}
        </dd>
      </div>
    </dl>
  );
}

function BatchStatus(props: { f: FormTestsStrings; status: FormTestBatchStatus }) {
  return (
    <Badge tone={BATCH_TONE[props.status]} icon={BATCH_ICON[props.status]}>
      {props.f.ftBatchStatuses[props.status] ?? props.status}
    </Badge>
  );
}

function Batches(props: {
  t: Strings;
  f: FormTestsStrings;
  lang: Lang;
  batches: readonly FormTestBatchView[];
  live: boolean;
  onShowTests: (id: string) => void;
}) {
  const { t, f, lang, batches, live } = props;
  const now = Date.now();
  const moment = (iso: string | null, who?: string | null) =>
    iso ? (
      <span class="ft-moment">
        <time dateTime={iso} title={formatDate(iso, lang)}>
          {shortDate(iso, lang, now)}
        </time>
        {who ? <span class="muted">{f.ftBy(who)}</span> : null}
      </span>
    ) : (
      <span class="muted">{f.ftNotYet}</span>
    );
  const columns: Column<FormTestBatchView>[] = [
    {
      key: 'status',
      header: f.ftBatchStatus,
      cell: (batch) => (
        <span class="pr-run-status">
          <BatchStatus f={f} status={batch.status} />
        </span>
      ),
    },
    { key: 'size', header: f.ftSize, cell: (batch) => count(batch.size, lang) },
    { key: 'proposed', header: f.ftProposedBy, cell: (batch) => moment(batch.createdAt, batch.proposedBy) },
    {
      key: 'approved',
      header: f.ftApprovedBy,
      cell: (batch) =>
        batch.status === 'cancelled' && !batch.approvedAt ? t.none : moment(batch.approvedAt, batch.approvedBy),
    },
    {
      key: 'completed',
      header: f.ftCompletedAt,
      cell: (batch) => (batch.status === 'cancelled' && !batch.completedAt ? t.none : moment(batch.completedAt)),
    },
    {
      key: 'result',
      header: f.ftResult,
      cell: (batch) => (
        <div>
          <Result t={t} f={f} lang={lang} result={batch.result} />
          {batch.status === 'proposed' || batch.status === 'cancelled' ? null : (
            <Button small variant="ghost" class="ft-show" onClick={() => props.onShowTests(batch.id)}>
              {f.ftShowTests}
              <span class="sr-only"> {f.ftShowTestsOf(shortDate(batch.createdAt, lang, now))}</span>
            </Button>
          )}
        </div>
      ),
    },
  ];
  return (
    <Card id="ft-batches" icon={ListChecks} title={f.ftBatchesTitle} description={f.ftBatchesHelp}>
      <p class="pr-live" role="status">
        {live ? (
          <>
            <span class="pr-live-dot" aria-hidden="true" />
            {f.ftLive}
          </>
        ) : null}
      </p>
      {batches.length === 0 ? (
        <p class="muted">{f.ftNoBatches}</p>
      ) : (
        <Table
          class="pr-runs ft-batches"
          caption={f.ftBatchesCaption}
          columns={columns}
          rows={batches}
          rowKey={(batch) => batch.id}
        />
      )}
    </Card>
  );
}

/** A select of an optional value: "any", or one of `options`. */
function OptionSelect(props: {
  id: string;
  label: string;
  any: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Tests(props: {
  t: Strings;
  f: FormTestsStrings;
  lang: Lang;
  view: FormTestsView;
  filters: FormTestFilters;
  setFilters: (update: (old: FormTestFilters) => FormTestFilters) => void;
  go: (path: string) => void;
}) {
  const { t, f, lang, view, filters, go } = props;
  const change = (patch: Partial<FormTestFilters>) => props.setFilters((old) => ({ ...old, ...patch }));
  const total = FORM_TEST_STATUSES.reduce((n, status) => n + (view.counts[status] ?? 0), 0);
  const scores = (keep: (score: number) => boolean) =>
    SCORE_STEPS.filter(keep).map((score) => ({ value: String(score), label: count(score, lang) }));
  const scoreValue = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const batch = filters.batch ? view.batches.find((one) => one.id === filters.batch) : undefined;
  const narrowed = filters.status || filters.tone || filters.minScore !== undefined || filters.maxScore !== undefined;
  return (
    <Card id="ft-tests" icon={Inbox} title={f.ftTestsTitle} description={f.ftTestsHelp}>
      <fieldset class="segmented ft-statuses">
        <legend class="sr-only">{f.ftStatusFilterLegend}</legend>
        <button type="button" aria-pressed={!filters.status} onClick={() => change({ status: undefined })}>
          {f.ftAll} <span class="ft-count">{count(total, lang)}</span>
        </button>
        {FORM_TEST_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={filters.status === status}
            onClick={() => change({ status })}
          >
            {f.ftStatusShort[status]} <span class="ft-count">{count(view.counts[status] ?? 0, lang)}</span>
          </button>
        ))}
      </fieldset>
      <div class="filters ft-filters">
        <OptionSelect
          id="ft-tone"
          label={f.ftToneFilter}
          any={f.ftAnyTone}
          value={filters.tone}
          options={AUTORESPONDER_TONES.map((tone) => ({ value: tone, label: f.ftTones[tone] }))}
          onChange={(tone) => change({ tone: tone as AutoresponderTone | undefined })}
        />
        <OptionSelect
          id="ft-min"
          label={f.ftMinScore}
          any={f.ftAny}
          value={filters.minScore === undefined ? undefined : String(filters.minScore)}
          options={scores((score) => filters.maxScore === undefined || score <= filters.maxScore)}
          onChange={(value) => change({ minScore: scoreValue(value) })}
        />
        <OptionSelect
          id="ft-max"
          label={f.ftMaxScore}
          any={f.ftAny}
          value={filters.maxScore === undefined ? undefined : String(filters.maxScore)}
          options={scores((score) => filters.minScore === undefined || score >= filters.minScore)}
          onChange={(value) => change({ maxScore: scoreValue(value) })}
        />
      </div>
      {filters.batch ? (
        <p class="ft-batch-filter">
          {batch ? f.ftBatchFilter(shortDate(batch.createdAt, lang)) : f.ftBatchFilterUnknown}{' '}
          <Button small variant="ghost" onClick={() => change({ batch: undefined })}>
            {f.ftAllBatches}
          </Button>
        </p>
      ) : null}
      {narrowed ? (
        <div class="btn-row">
          <Button small variant="ghost" onClick={() => props.setFilters((old) => ({ batch: old.batch }))}>
            {f.ftClearFilters}
          </Button>
        </div>
      ) : null}
      {view.tests.length === 0 ? (
        narrowed || filters.batch ? (
          <EmptyState id="ft-no-match" icon={MailSearch} title={f.ftNoMatch} headingLevel={3}>
            <p>{f.ftNoMatchHelp}</p>
          </EmptyState>
        ) : (
          <EmptyState id="ft-none" icon={MailSearch} title={f.ftNoTests} headingLevel={3}>
            <p>{f.ftNoTestsHelp}</p>
          </EmptyState>
        )
      ) : (
        <>
          <p class="muted pr-showing" aria-live="polite">
            {view.more
              ? f.ftShowingNewest(count(view.tests.length, lang))
              : f.ftShowing(view.tests.length, count(view.tests.length, lang))}
          </p>
          <TestList t={t} lang={lang} tests={view.tests} go={go} />
        </>
      )}
    </Card>
  );
}

function TestList(props: {
  t: Strings;
  lang: Lang;
  tests: readonly FormTestView[];
  go: (path: string) => void;
  onProspectPage?: boolean;
}) {
  return (
    <ul class="ft-tests">
      {props.tests.map((test) => (
        <li key={test.id}>
          <FormTestCard t={props.t} lang={props.lang} test={test} go={props.go} onProspectPage={props.onProspectPage} />
        </li>
      ))}
    </ul>
  );
}

// ─── One test ───────────────────────────────────────────────────────────────

/** How long a test waited before it timed out, from its submission to its deadline: "72 h", or "2 min" for a demo's sweep. */
function waited(test: FormTestView, lang: Lang): string {
  const minutes = Math.max(0, Math.round((Date.parse(test.timesOutAt) - Date.parse(test.submittedAt)) / 60_000));
  return minutes % 60 === 0 ? `${count(minutes / 60, lang)}\u00a0h` : formatDuration(minutes, lang);
}

/** The test's outcome in a line: "Answered after 2 h 14 min", "No answer after 72 h", "Failed: CAPTCHA". */
export function outcomeText(test: FormTestView, f: FormTestsStrings, lang: Lang): string {
  switch (test.status) {
    case 'completed':
      return test.responseTimeMinutes === null
        ? f.ftStatuses.completed
        : f.ftAnsweredAfter(formatDuration(test.responseTimeMinutes, lang));
    case 'timeout':
      return f.ftNoAnswerAfter(waited(test, lang));
    case 'failed':
      return test.failure
        ? f.ftFailedBecause(f.ftFailures[test.failure.reason] ?? test.failure.reason)
        : f.ftStatuses.failed;
    default:
      return f.ftWaitingUntil(shortDate(test.timesOutAt, lang));
  }
}

/** A term and its value, in a description list. */
const Fact = (props: { term: string; children: ComponentChildren }) => (
  <div>
    <dt>{props.term}</dt>
    <dd>{props.children}</dd>
  </div>
);

/** A text that came from elsewhere (the inquiry, the answer): as text, never as HTML, scrollable when long. */
const Quoted = (props: { text: string }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a long text scrolls in its box, so the keyboard must reach it (WCAG 2.1.1).
  <pre class="ft-text" tabIndex={0}>
    {props.text}
  </pre>
);

/**
 * One form test as a card: the business (a link to its prospect page, unless on it), the
 * status, tone and score, the outcome in a line, and on demand its timeline, the inquiry
 * sent, what came back (as text) with its tone and cues, and the score's parts.
 */
export function FormTestCard(props: {
  t: Strings;
  lang: Lang;
  test: FormTestView;
  go: (path: string) => void;
  /** On the prospect's own page: the card is named by its date, not the business. */
  onProspectPage?: boolean;
}) {
  const { t, lang, test, go } = props;
  const f = FORM_TESTS_STRINGS[lang];
  const s = PROSPECTS_STRINGS[lang];
  const [open, setOpen] = useState(false);
  const id = `ft-test-${test.id}`;
  const when = shortDate(test.submittedAt, lang);
  const tone = test.autoresponder?.tone ?? null;
  return (
    <article class={`ft-test ft-${test.status}`} aria-labelledby={`${id}-title`}>
      <header class="ft-test-head">
        <div class="ft-test-name">
          <h3 id={`${id}-title`}>
            {props.onProspectPage ? (
              f.ftTestOf(when)
            ) : (
              <AppLink href={prospectPath(test.prospectId)} go={go}>
                {test.businessName}
              </AppLink>
            )}
          </h3>
          {props.onProspectPage ? null : (
            <span class="ft-sub">
              <SiteLink class="pr-site" href={test.website} s={s} />
              <time class="muted" dateTime={test.submittedAt} title={formatDate(test.submittedAt, lang)}>
                {when}
              </time>
            </span>
          )}
        </div>
        {test.score === null ? null : (
          <p class="ft-score">
            <span class="sr-only">{f.ftScore} </span>
            <strong>{count(test.score, lang)}</strong>{' '}
            <span class="pr-out-of" aria-hidden="true">
              {f.ftOutOf(count(100, lang))}
            </span>
            <span class="sr-only"> / 100</span>
          </p>
        )}
      </header>
      <p class="pr-badges">
        <Badge tone={STATUS_TONE[test.status]} icon={STATUS_ICON[test.status]}>
          {f.ftStatuses[test.status] ?? test.status}
        </Badge>
        {tone ? <Badge tone={TONE_TONE[tone]}>{f.ftToneBadge[tone] ?? tone}</Badge> : null}
      </p>
      <p class="ft-outcome">{outcomeText(test, f, lang)}</p>
      <Button
        small
        variant="ghost"
        class="ft-toggle"
        aria-expanded={open}
        aria-controls={`${id}-details`}
        onClick={() => setOpen(!open)}
      >
        {open ? f.ftHideDetails : f.ftShowDetails}
        <span class="sr-only"> — {f.ftDetailsOf(props.onProspectPage ? when : test.businessName)}</span>
      </Button>
      <div id={`${id}-details`} class="ft-details" hidden={!open}>
        {open ? <Details t={t} f={f} lang={lang} test={test} /> : null}
      </div>
    </article>
  );
}

function Details(props: { t: Strings; f: FormTestsStrings; lang: Lang; test: FormTestView }) {
  const { t, f, lang, test } = props;
  const s = PROSPECTS_STRINGS[lang];
  const when = (iso: string) => (
    <time dateTime={iso} title={formatDate(iso, lang)}>
      {formatDate(iso, lang)}
    </time>
  );
  const inquiry = test.inquiry;
  const answer = test.autoresponder;
  return (
    <>
      <div class="ft-part">
        <h4>{f.ftTimeline}</h4>
        <ol class="timeline">
          <li>
            {test.status === 'failed' ? f.ftAttemptedAt : f.ftSubmittedAt} · {when(test.submittedAt)}
          </li>
          {test.status === 'failed' ? (
            <li class="ft-failed-step">
              {outcomeText(test, f, lang)}
              {test.failure?.message ? <span class="ft-detail">{test.failure.message}</span> : null}
            </li>
          ) : null}
          {test.status === 'completed' && test.responseReceivedAt ? (
            <li>
              {f.ftAnsweredAt} · {when(test.responseReceivedAt)}
              <span class="ft-detail">{outcomeText(test, f, lang)}</span>
            </li>
          ) : null}
          {test.status === 'pending' ? (
            <li class="ft-future">
              {f.ftTimesOutAt} · {when(test.timesOutAt)}
            </li>
          ) : null}
          {test.status === 'timeout' ? (
            <li>
              {f.ftTimedOutAt} · {when(test.timesOutAt)}
              <span class="ft-detail">{outcomeText(test, f, lang)}</span>
            </li>
          ) : null}
          {test.laterMessages > 0 ? (
            <li>{f.ftLaterMessages(test.laterMessages, count(test.laterMessages, lang))}</li>
          ) : null}
        </ol>
      </div>
      <div class="ft-part">
        <h4>{f.ftInquiry}</h4>
        {inquiry ? (
          <>
            <dl class="pr-facts pr-facts-compact">
              <Fact term={f.ftSender}>{inquiry.senderName}</Fact>
              <Fact term={f.ftSubject}>{inquiry.subject ?? <span class="muted">{f.ftNoSubject}</span>}</Fact>
              <Fact term={f.ftInquiryLanguage}>{LANGUAGE_NAMES[inquiry.language]?.[lang] ?? inquiry.language}</Fact>
              {test.replyAddress ? (
                <Fact term={f.ftReplyAddress}>
                  <code>{test.replyAddress}</code>
                </Fact>
              ) : null}
              {test.formUrl ? (
                <Fact term={f.ftFormUsed}>
                  <SiteLink class="ft-url" href={test.formUrl} s={s}>
                    {pathOf(test.formUrl, test.website)}
                  </SiteLink>
                </Fact>
              ) : null}
            </dl>
            <Quoted text={inquiry.message} />
          </>
        ) : (
          <p class="muted">{f.ftNoInquiry}</p>
        )}
      </div>
      {test.status === 'failed' && !answer ? null : (
        <div class="ft-part">
          <h4>{f.ftAutoresponder}</h4>
          {answer ? (
            <>
              <dl class="pr-facts pr-facts-compact">
                <Fact term={f.ftFrom}>
                  {answer.from ? <code>{answer.from}</code> : <span class="muted">{f.ftUnknownSender}</span>}
                </Fact>
                <Fact term={f.ftSubject}>{answer.subject || t.none}</Fact>
                <Fact term={f.ftTone}>
                  <span class="pr-badges">
                    <Badge tone={TONE_TONE[answer.tone]}>{f.ftToneBadge[answer.tone] ?? answer.tone}</Badge>
                    <span class="muted">{f.ftReadBy[answer.engine] ?? answer.engine}</span>
                  </span>
                </Fact>
              </dl>
              <Quoted text={answer.content} />
              <h5>{f.ftCues}</h5>
              {answer.cues.length === 0 ? (
                <p class="muted">{f.ftNoCues}</p>
              ) : (
                <ul class="ft-cues">
                  {answer.cues.map((cue) => (
                    <li key={cue.key}>
                      <Badge tone="info">{cue.label[lang]}</Badge>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <p class="muted">{test.status === 'pending' ? f.ftNoAnswerYet : f.ftNoAnswer}</p>
          )}
        </div>
      )}
      {test.status === 'failed' && test.score === null ? null : (
        <div class="ft-part">
          <h4>
            <Icon icon={Gauge} />
            {f.ftScoreTitle}
          </h4>
          {test.score === null ? (
            <p class="muted">{f.ftNoScore}</p>
          ) : (
            <>
              {test.scoreLines.length > 0 ? (
                <ul class="ft-lines" aria-label={f.ftScoreLines}>
                  {test.scoreLines.map((line) => (
                    <li key={line.key}>
                      <span>{line.label[lang]}</span>
                      <span class={`pr-points${line.points < 0 ? ' pr-minus' : ''}`}>
                        {signedPoints(line.points, lang)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p class="ft-lines ft-total">
                <span>{f.ftTotal}</span>
                <span>
                  {count(test.score, lang)} <span class="pr-out-of">{f.ftOutOf(count(100, lang))}</span>
                </span>
              </p>
            </>
          )}
        </div>
      )}
    </>
  );
}

// ─── On a prospect's page ───────────────────────────────────────────────────

/** A prospect's form tests (staff-prospect.tsx): each as on the screen, updated while one waits. */
export function FormTestsSection(props: { t: Strings; lang: Lang; prospectId: string; go: (path: string) => void }) {
  const { t, lang, prospectId, go } = props;
  const f = FORM_TESTS_STRINGS[lang];
  const { view, error, reload } = useStaffView<FormTestsView>(listPath({ prospect: prospectId }), t);
  usePolling(Boolean(view?.tests.some((test) => test.status === 'pending')), reload);
  return (
    <Card
      id="pr-form-tests"
      icon={MailSearch}
      title={PROSPECT_SCREEN_NAMES[lang]['staff-form-tests']}
      description={f.ftProspectSectionHelp}
      class="pr-wide"
      actions={
        <AppLink class={buttonClass('secondary', true)} href={PATHS['staff-form-tests']} go={go}>
          {f.ftAllTests}
        </AppLink>
      }
    >
      <ErrorLine text={error} />
      {view ? (
        view.tests.length === 0 ? (
          <p class="muted">{f.ftNotTested}</p>
        ) : (
          <TestList t={t} lang={lang} tests={view.tests} go={go} onProspectPage />
        )
      ) : error ? null : (
        <Skeleton label={t.loading} lines={2} blocks={0} />
      )}
    </Card>
  );
}
