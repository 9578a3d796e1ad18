import {
  CircleAlert,
  CircleCheck,
  Clock,
  FileUp,
  FormInput,
  Hourglass,
  MailCheck,
  Pencil,
  Play,
  Plug,
  Plus,
  Radar,
  Store,
  Target,
  TriangleAlert,
  UserRound,
} from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  DiscoveryRunAccepted,
  DiscoveryRunView,
  DiscoveryView,
  IcpView,
  ProviderStatusView,
} from '../schema/prospects-api';
import { type JobStatus, LANGUAGE_NAMES, LANGUAGES, PROVINCES, SEARCH_PROVIDERS } from '../schema/vocabulary';
import { ApiError, api, errorText } from './api';
import {
  AppLink,
  Badge,
  type BadgeTone,
  Button,
  buttonClass,
  Card,
  type Column,
  Field,
  Icon,
  PageHeader,
  Skeleton,
  Stat,
  Table,
  Toast,
} from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import { formatDate, type Lang, type Strings } from './i18n';
import {
  costText,
  fieldErrorsOf,
  filtersToSearch,
  ICP_FIELDS,
  type IcpDraft,
  type IcpFieldName,
  icpDraftOf,
  icpInputOf,
  isLive,
  NO_FILTERS,
  type ProspectFilters,
  runMillis,
  shortDate,
  shortDuration,
} from './prospects-format';
import { PATHS } from './router';
import { count, ErrorLine, useStaffView } from './staff-common';
import { PROSPECTS_STRINGS, type ProspectsStrings } from './strings/prospects';

/** How often the screen asks again while a run is pending or processing. */
const POLL_MS = 3000;

export const JOB_TONE: Record<JobStatus, BadgeTone> = {
  pending: 'neutral',
  processing: 'info',
  completed: 'success',
  failed: 'danger',
};

/** The prospects' list with these filters: a pool figure links to what it counts. */
const listHref = (patch: Partial<ProspectFilters>) => {
  const query = filtersToSearch({ ...NO_FILTERS, ...patch });
  return query ? `${PATHS['staff-prospects']}?${query}` : PATHS['staff-prospects'];
};

/**
 * The Discovery screen (/app/staff/discovery), internal accounts only: which providers are
 * configured (and the secret that turns each on), the pool's counts, the ideal customer
 * profiles with their criteria and an edit form, "run discovery now" for every active ICP
 * or one, and the runs with what each found and cost, updated live while one is running.
 */
export function StaffDiscovery(props: { t: Strings; lang: Lang; go: (path: string) => void }) {
  const { t, lang, go } = props;
  const s = PROSPECTS_STRINGS[lang];
  const { view, error, reload } = useStaffView<DiscoveryView>('/staff/discovery', t);
  const [toast, setToast] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [runError, setRunError] = useState('');
  const reloadRef = useRef(reload);
  reloadRef.current = reload;

  // The runs complete in the background: while one is to finish, ask again every few seconds.
  const live = view ? isLive(view.runs) : false;
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => {
      if (!document.hidden) reloadRef.current();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [live]);

  /** Starts discovery: every active ICP (`all`), or one. */
  const run = async (icpId: string | 'all') => {
    setRunning(icpId);
    setRunError('');
    try {
      const accepted = await api<DiscoveryRunAccepted>(
        'POST',
        '/staff/discovery/run',
        icpId === 'all' ? {} : { icpId },
      );
      await reload();
      setToast(s.prRunStarted(accepted.runs.length, count(accepted.runs.length, lang)));
    } catch (caught) {
      setRunError(errorText(caught, t));
    } finally {
      setRunning(null);
    }
  };

  return (
    <main class="staff staff-discovery">
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-discovery']}
        description={s.prDiscoveryIntro}
        actions={
          <>
            <Button
              variant="primary"
              icon={Radar}
              busy={running === 'all'}
              disabled={running !== null || !view}
              onClick={() => run('all')}
            >
              {running === 'all' ? s.prRunning : s.prRunNow}
            </Button>
            <AppLink class={buttonClass('secondary', true)} href={PATHS['staff-import']} go={go}>
              <Icon icon={FileUp} />
              {s.prImportCsv}
            </AppLink>
            <AppLink class={buttonClass('secondary', true)} href={PATHS['staff-profile']} go={go}>
              <Icon icon={UserRound} />
              {s.prProfileLink}
            </AppLink>
          </>
        }
      />
      <ErrorLine text={error || runError} />
      {view ? (
        <>
          <Pool s={s} lang={lang} pool={view.pool} go={go} />
          <Runs t={t} s={s} lang={lang} runs={view.runs} live={live} />
          <Icps
            t={t}
            s={s}
            lang={lang}
            view={view}
            running={running}
            onRun={run}
            onSaved={async (message) => {
              await reload();
              setToast(message);
            }}
          />
          <Providers s={s} providers={view.providers} />
        </>
      ) : error ? null : (
        <Skeleton label={t.loading} blocks={3} />
      )}
      <Toast text={toast} closeLabel={t.close} onDismiss={() => setToast(null)} />
    </main>
  );
}

function Pool(props: { s: ProspectsStrings; lang: Lang; pool: DiscoveryView['pool']; go: (path: string) => void }) {
  const { s, lang, pool, go } = props;
  return (
    <section class="stats pr-pool" aria-labelledby="pd-pool-title">
      <h2 id="pd-pool-title" class="sr-only">
        {s.prPoolTitle}
      </h2>
      <Stat icon={Store} label={s.prPoolTotal} value={count(pool.total, lang)} href={listHref({})} go={go} />
      <Stat
        icon={CircleCheck}
        label={s.prPoolAnalysed}
        value={count(pool.analysed, lang)}
        href={listHref({ status: 'analyzed' })}
        go={go}
      />
      <Stat
        icon={Hourglass}
        label={s.prPoolPending}
        value={count(pool.pending, lang)}
        href={listHref({ status: 'pending' })}
        go={go}
      />
      <Stat
        icon={TriangleAlert}
        label={s.prPoolFailed}
        value={count(pool.failed, lang)}
        href={listHref({ status: 'failed' })}
        go={go}
      />
      <Stat
        icon={FormInput}
        label={s.prPoolWithForm}
        value={count(pool.withForm, lang)}
        href={listHref({ hasForm: true })}
        go={go}
      />
      <Stat icon={MailCheck} label={s.prPoolContactable} value={count(pool.contactable, lang)} />
    </section>
  );
}

function Providers(props: { s: ProspectsStrings; providers: readonly ProviderStatusView[] }) {
  const { s, providers } = props;
  return (
    <Card id="pd-providers" icon={Plug} title={s.prProvidersTitle} description={s.prProvidersHelp}>
      <Table<ProviderStatusView>
        caption={s.prProvidersCaption}
        rows={providers}
        rowKey={(row) => row.provider}
        columns={[
          { key: 'provider', header: s.prProvider, cell: (row) => s.prProviders[row.provider] ?? row.provider },
          {
            key: 'status',
            header: s.prRunStatus,
            cell: (row) =>
              row.configured ? (
                <Badge tone="success" icon={CircleCheck}>
                  {s.prConfigured}
                </Badge>
              ) : (
                <Badge icon={CircleAlert}>{s.prNotConfigured}</Badge>
              ),
          },
          { key: 'setting', header: s.prTurnedOnBy, cell: (row) => <code>{row.setting}</code> },
        ]}
      />
    </Card>
  );
}

function Icps(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  view: DiscoveryView;
  running: string | null;
  onRun: (icpId: string) => void;
  onSaved: (message: string) => Promise<void>;
}) {
  const { t, s, lang, view, running } = props;
  const [editing, setEditing] = useState<IcpView | 'new' | null>(null);
  /** The button that opened the form, focused again when it closes. */
  const opener = useRef<string | null>(null);
  const close = () => {
    setEditing(null);
    const id = opener.current;
    setTimeout(() => (id ? document.getElementById(id)?.focus() : undefined));
  };
  const configured = view.providers.filter((provider) => provider.configured).map((provider) => provider.provider);
  return (
    <Card
      id="pd-icps"
      icon={Target}
      title={s.prIcpsTitle}
      description={s.prIcpsHelp}
      actions={
        <Button
          id="pd-new-icp"
          small
          icon={Plus}
          disabled={editing !== null}
          onClick={() => {
            opener.current = 'pd-new-icp';
            setEditing('new');
          }}
        >
          {s.prNewIcp}
        </Button>
      }
    >
      {editing ? (
        <IcpForm
          key={editing === 'new' ? 'new' : editing.id}
          t={t}
          s={s}
          lang={lang}
          icp={editing === 'new' ? null : editing}
          providers={view.providers}
          configured={configured}
          onClose={close}
          onSaved={async (saved, created) => {
            await props.onSaved(created ? s.prIcpCreated(saved.name) : s.prIcpSaved(saved.name));
            close();
          }}
        />
      ) : null}
      {view.icps.length === 0 ? (
        editing ? null : (
          <p class="muted">{s.prNoIcps}</p>
        )
      ) : (
        <ul class="pr-icps">
          {view.icps.map((icp) => (
            <li key={icp.id}>
              <IcpItem
                t={t}
                s={s}
                lang={lang}
                icp={icp}
                editing={editing !== null}
                running={running}
                onEdit={() => {
                  opener.current = `pd-edit-${icp.id}`;
                  setEditing(icp);
                }}
                onRun={() => props.onRun(icp.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function IcpItem(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  icp: IcpView;
  editing: boolean;
  running: string | null;
  onEdit: () => void;
  onRun: () => void;
}) {
  const { t, s, lang, icp, running } = props;
  const list = (words: readonly string[]) => (words.length === 0 ? s.prAny : words.join(', '));
  const employees =
    icp.employeesMin === null && icp.employeesMax === null
      ? s.prAny
      : s.prRange(
          icp.employeesMin === null ? null : count(icp.employeesMin, lang),
          icp.employeesMax === null ? null : count(icp.employeesMax, lang),
        );
  const headingId = `pd-icp-${icp.id}`;
  return (
    <article class="pr-icp" aria-labelledby={headingId}>
      <header>
        <h3 id={headingId}>{icp.name}</h3>
        {icp.active ? <Badge tone="success">{s.prActive}</Badge> : <Badge>{s.prPaused}</Badge>}
      </header>
      <dl class="pr-facts pr-facts-compact">
        <div>
          <dt>{s.prIndustries}</dt>
          <dd>{list(icp.industries)}</dd>
        </div>
        <div>
          <dt>{s.prProvince}</dt>
          <dd>{icp.province ? s.prProvinces[icp.province] : s.prAnyProvince}</dd>
        </div>
        <div>
          <dt>{s.prCities}</dt>
          <dd>
            {list(icp.cities)}
            {icp.radiusKm !== null ? ` · ${s.prRadius} ${s.prKm(count(icp.radiusKm, lang))}` : ''}
          </dd>
        </div>
        <div>
          <dt>{s.prLanguages}</dt>
          <dd>{icp.languages.length === 0 ? s.prAny : icp.languages.map((l) => LANGUAGE_NAMES[l][lang]).join(', ')}</dd>
        </div>
        <div>
          <dt>{s.prEmployees}</dt>
          <dd>{employees}</dd>
        </div>
        <div>
          <dt>{s.prKeywords}</dt>
          <dd>{list(icp.keywords)}</dd>
        </div>
        <div>
          <dt>{s.prQuota}</dt>
          <dd>{s.prQuotaValue(count(icp.dailyQuota, lang))}</dd>
        </div>
        <div>
          <dt>{s.prProvidersTitle}</dt>
          <dd>
            <span class="pr-badges">
              {icp.providers.length === 0
                ? t.none
                : icp.providers.map((provider) => <Badge key={provider}>{s.prProviders[provider]}</Badge>)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{s.prFoundCount}</dt>
          <dd>{count(icp.prospects, lang)}</dd>
        </div>
        <div>
          <dt>{s.prLastRun}</dt>
          <dd>
            {icp.lastRun ? (
              <span class="pr-badges">
                <Badge tone={JOB_TONE[icp.lastRun.status]}>{s.prJobStatuses[icp.lastRun.status]}</Badge>
                <time dateTime={icp.lastRun.createdAt}>{formatDate(icp.lastRun.createdAt, lang)}</time>
              </span>
            ) : (
              s.prNever
            )}
          </dd>
        </div>
      </dl>
      <div class="btn-row">
        <Button
          id={`pd-edit-${icp.id}`}
          small
          icon={Pencil}
          aria-label={s.prEditOf(icp.name)}
          disabled={props.editing}
          onClick={props.onEdit}
        >
          {s.prEdit}
        </Button>
        <Button
          small
          icon={Play}
          aria-label={s.prRunIcpOf(icp.name)}
          busy={running === icp.id}
          disabled={running !== null}
          onClick={props.onRun}
        >
          {running === icp.id ? s.prRunning : s.prRunIcp}
        </Button>
      </div>
    </article>
  );
}

/** A group of checkboxes (languages, providers) with its legend, help and errors. */
function CheckGroup(props: {
  id: string;
  legend: string;
  help: string;
  errors: readonly string[] | undefined;
  children: preact.ComponentChildren;
}) {
  const { id, errors } = props;
  const invalid = Boolean(errors && errors.length > 0);
  return (
    <fieldset
      id={id}
      class="pr-checks"
      aria-describedby={[invalid ? `${id}-error` : '', `${id}-help`].filter(Boolean).join(' ')}
      aria-invalid={invalid || undefined}
      tabIndex={-1}
    >
      <legend>{props.legend}</legend>
      <div class="pr-check-list">{props.children}</div>
      {invalid ? (
        <p class="field-error" id={`${id}-error`}>
          <Icon icon={CircleAlert} />
          <span>{errors!.join(' ')}</span>
        </p>
      ) : null}
      <p class="field-help" id={`${id}-help`}>
        {props.help}
      </p>
    </fieldset>
  );
}

function IcpForm(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  icp: IcpView | null;
  providers: readonly ProviderStatusView[];
  configured: readonly ProviderStatusView['provider'][];
  onClose: () => void;
  onSaved: (icp: IcpView, created: boolean) => Promise<void>;
}) {
  const { t, s, lang, icp } = props;
  const [draft, setDraft] = useState<IcpDraft>(() => icpDraftOf(icp, props.configured));
  const [invalid, setInvalid] = useState<Partial<Record<IcpFieldName, string[]>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => title.current?.focus(), []);

  const set = <K extends keyof IcpDraft>(field: K, value: IcpDraft[K]) =>
    setDraft((old) => ({ ...old, [field]: value }));
  const toggle = <K extends 'languages' | 'providers'>(field: K, value: IcpDraft[K][number], on: boolean) =>
    setDraft((old) => {
      const list = old[field] as readonly string[];
      const next = on ? [...list, value] : list.filter((item) => item !== value);
      return { ...old, [field]: next };
    });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    setInvalid({});
    try {
      const body = icpInputOf(draft);
      const saved = icp
        ? await api<IcpView>('PUT', `/staff/icps/${encodeURIComponent(icp.id)}`, body)
        : await api<IcpView>('POST', '/staff/icps', body);
      await props.onSaved(saved, !icp);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 422) {
        const { byField, form: general } = fieldErrorsOf(caught.fields);
        setInvalid(byField);
        const first = ICP_FIELDS.find((field) => byField[field]);
        setError(general.length > 0 ? general.join(' ') : first ? s.prFixFields : errorText(caught, t));
        if (first) form.current?.querySelector<HTMLElement>(`#icp-${first}`)?.focus();
      } else setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: 'name' | 'industries' | 'cities' | 'keywords', label: string, help?: string) => (
    <Field id={`icp-${field}`} label={label} help={help} error={invalid[field]}>
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          required={field === 'name'}
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  const number = (
    field: 'radiusKm' | 'employeesMin' | 'employeesMax' | 'dailyQuota',
    label: string,
    bounds: { min: number; max?: number },
    help?: string,
  ) => (
    <Field id={`icp-${field}`} label={label} help={help} error={invalid[field]}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={1}
          value={draft[field]}
          onInput={(e) => set(field, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  const configured = new Set(props.configured);
  return (
    <section class="pr-icp-form" aria-labelledby="pd-form-title">
      <h3 id="pd-form-title" ref={title} tabIndex={-1}>
        {icp ? s.prIcpEditTitle(icp.name) : s.prIcpNewTitle}
      </h3>
      <form ref={form} onSubmit={submit} noValidate>
        <div class="pr-form-grid">
          {text('name', s.prName)}
          {text('industries', s.prIndustries, s.prIndustriesHelp)}
          <Field id="icp-province" label={s.prProvince} error={invalid.province}>
            {(control) => (
              <select
                {...control}
                value={draft.province}
                onChange={(e) => set('province', e.currentTarget.value as IcpDraft['province'])}
              >
                <option value="">{s.prAnyProvince}</option>
                {PROVINCES.map((province) => (
                  <option key={province} value={province}>
                    {s.prProvinces[province]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('cities', s.prCities, s.prCitiesHelp)}
          {number('radiusKm', s.prRadius, { min: 0, max: 500 }, s.prRadiusHelp)}
          {number('employeesMin', s.prEmployeesMin, { min: 0 })}
          {number('employeesMax', s.prEmployeesMax, { min: 0 })}
          {text('keywords', s.prKeywords, s.prKeywordsHelp)}
          {number('dailyQuota', s.prQuota, { min: 1, max: 200 }, s.prQuotaHelp)}
        </div>
        <div class="pr-form-grid">
          <CheckGroup id="icp-languages" legend={s.prLanguages} help={s.prLanguagesHelp} errors={invalid.languages}>
            {LANGUAGES.map((language) => (
              <label key={language} class="pr-check">
                <input
                  type="checkbox"
                  checked={draft.languages.includes(language)}
                  onChange={(e) => toggle('languages', language, e.currentTarget.checked)}
                />{' '}
                {LANGUAGE_NAMES[language][lang]}
              </label>
            ))}
          </CheckGroup>
          <CheckGroup
            id="icp-providers"
            legend={s.prProvidersPick}
            help={s.prProvidersPickHelp}
            errors={invalid.providers}
          >
            {SEARCH_PROVIDERS.map((provider) => (
              <label key={provider} class="pr-check">
                <input
                  type="checkbox"
                  checked={draft.providers.includes(provider)}
                  onChange={(e) => toggle('providers', provider, e.currentTarget.checked)}
                />{' '}
                {s.prProviders[provider]}
                {configured.has(provider) ? null : <span class="muted"> {s.prNotConfiguredMark}</span>}
              </label>
            ))}
          </CheckGroup>
        </div>
        <Field id="icp-active" label={s.prActiveLabel} check error={invalid.active}>
          {(control) => (
            <input
              {...control}
              type="checkbox"
              checked={draft.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          )}
        </Field>
        <ErrorLine text={error} />
        <div class="btn-row">
          <Button variant="primary" type="submit" busy={busy}>
            {busy ? s.prSaving : icp ? s.prSave : s.prCreate}
          </Button>
          <Button variant="ghost" onClick={props.onClose}>
            {s.prCancel}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Runs(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  runs: readonly DiscoveryRunView[];
  live: boolean;
}) {
  const { t, s, lang, runs, live } = props;
  const now = Date.now();
  const columns: Column<DiscoveryRunView>[] = [
    { key: 'icp', header: s.prIcp, cell: (run) => run.icpName },
    { key: 'trigger', header: s.prTrigger, cell: (run) => s.prTriggers[run.trigger] },
    {
      key: 'status',
      header: s.prRunStatus,
      cell: (run) => {
        // The run's own failure and each provider's: what it found before stopping is kept.
        const failures = [
          ...(run.error ? [run.error] : []),
          ...(run.result?.providers ?? [])
            .filter((provider) => provider.error)
            .map((provider) => s.prProviderError(s.prProviders[provider.provider], provider.error!.message)),
        ];
        return (
          <span class="pr-run-status">
            <Badge tone={JOB_TONE[run.status]}>{s.prJobStatuses[run.status]}</Badge>
            {failures.length > 0 ? (
              <ul class="pr-errors" aria-label={s.prErrors}>
                {failures.map((failure) => (
                  <li key={failure}>{failure}</li>
                ))}
              </ul>
            ) : null}
          </span>
        );
      },
    },
    {
      key: 'started',
      header: s.prStarted,
      cell: (run) =>
        run.startedAt ? (
          <time dateTime={run.startedAt} title={formatDate(run.startedAt, lang)}>
            {shortDate(run.startedAt, lang, now)}
          </time>
        ) : (
          <span class="muted">{s.prNotStarted}</span>
        ),
    },
    {
      key: 'duration',
      header: s.prDuration,
      cell: (run) => {
        const ms = runMillis(run, now);
        return ms === null ? t.none : <span class="pr-nowrap">{shortDuration(ms)}</span>;
      },
    },
    {
      key: 'results',
      header: s.prResults,
      cell: (run) => {
        const result = run.result;
        if (!result) return t.none;
        const figures = [
          [s.prFoundCol, result.found],
          [s.prNew, result.new],
          [s.prMerged, result.merged],
          [s.prAnalysedCol, result.analysed],
          [s.prFailedCol, result.failed],
          [s.prSkipped, result.skipped],
        ] as const;
        return (
          <dl class="pr-run-figures">
            {figures.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{count(value, lang)}</dd>
              </div>
            ))}
          </dl>
        );
      },
    },
    {
      key: 'cost',
      header: s.prCost,
      cell: (run) => (run.result ? <span class="pr-nowrap">{costText(run.result.cost, lang, s)}</span> : t.none),
    },
  ];
  return (
    <Card id="pd-runs" icon={Clock} title={s.prRunsTitle} description={s.prRunsHelp}>
      <p class="pr-live" role="status">
        {live ? (
          <>
            <span class="pr-live-dot" aria-hidden="true" />
            {s.prRunsLive}
          </>
        ) : null}
      </p>
      {runs.length === 0 ? (
        <p class="muted">{s.prNoRuns}</p>
      ) : (
        <Table class="pr-runs" caption={s.prRunsCaption} columns={columns} rows={runs} rowKey={(run) => run.id} />
      )}
    </Card>
  );
}
