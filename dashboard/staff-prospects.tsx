import { FileUp, Radar, Search, SearchX, SlidersHorizontal, Store } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DiscoveryRunAccepted, ProspectListView, ProspectRow } from '../schema/prospects-api';
import { PROSPECT_SORTS, type ProspectSort } from '../schema/prospects-api';
import { LANGUAGE_NAMES, LANGUAGES, PROSPECT_ANALYSIS_STATUSES } from '../schema/vocabulary';
import { api, errorText } from './api';
import {
  AppLink,
  Badge,
  Button,
  buttonClass,
  type Column,
  EmptyState,
  Icon,
  PageHeader,
  Skeleton,
  Table,
} from './design';
import { PROSPECT_SCREEN_NAMES } from './header';
import type { Lang, Strings } from './i18n';
import {
  activeFilterCount,
  barShare,
  filtersFromSearch,
  filtersToSearch,
  hostOf,
  isWebAddress,
  NEED_MAX,
  NEED_MIN,
  NO_FILTERS,
  type ProspectFilters,
  prospectListPath,
} from './prospects-format';
import { PATHS, prospectPath } from './router';
import { count, ErrorLine } from './staff-common';
import { PROSPECTS_STRINGS, type ProspectsStrings } from './strings/prospects';

/** The need-score bounds one may pick: 45 to 95 by fives. */
const SCORE_STEPS = Array.from({ length: (NEED_MAX - NEED_MIN) / 5 + 1 }, (_, index) => NEED_MIN + index * 5);

/**
 * The Prospects screen (/app/staff/prospects), internal accounts only: the pool of small
 * businesses discovery found or a CSV brought, filtered (ICP, industry, region, language,
 * need-score range, form, contacted, analysis, search; all in the address, so a view can be
 * shared), sorted by need, fit or recency, a page at a time. A row opens the prospect, whose
 * page explains its score. An empty pool points to discovery and to the CSV import.
 */
export function StaffProspects(props: {
  t: Strings;
  lang: Lang;
  go: (path: string) => void;
  open: (id: string) => void;
}) {
  const { t, lang, go, open } = props;
  const s = PROSPECTS_STRINGS[lang];
  const [filters, setFilters] = useState<ProspectFilters>(() => filtersFromSearch(location.search));
  const [page, setPage] = useState<ProspectListView | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(true);
  const [more, setMore] = useState(false);
  const [showFilters, setShowFilters] = useState(
    () => activeFilterCount(filtersFromSearch(location.search)) > 0 || matchMedia('(min-width: 48rem)').matches,
  );
  const current = useRef(filters);
  current.current = filters;
  const typed = useRef(filters.q);

  const change = (patch: Partial<ProspectFilters>) => setFilters((old) => ({ ...old, ...patch }));

  useEffect(() => {
    const query = filtersToSearch(filters);
    const path = PATHS['staff-prospects'];
    history.replaceState(history.state, '', query ? `${path}?${query}` : path);
  }, [filters]);

  useEffect(() => {
    const wanted = filters;
    // Typing in the search waits for a pause; any other filter asks at once.
    const searching = typed.current !== filters.q;
    typed.current = filters.q;
    const timer = setTimeout(
      async () => {
        setLoading(true);
        try {
          const fresh = await api<ProspectListView>('GET', prospectListPath(wanted));
          // A slower answer for filters since changed must not replace the newer one.
          if (current.current !== wanted) return;
          setPage(fresh);
          setError('');
        } catch (caught) {
          if (current.current === wanted) setError(errorText(caught, t));
        } finally {
          if (current.current === wanted) setLoading(false);
        }
      },
      searching ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [filters]);

  const loadMore = async () => {
    if (!page?.nextCursor) return;
    const wanted = filters;
    setMore(true);
    try {
      const next = await api<ProspectListView>('GET', prospectListPath(wanted, page.nextCursor));
      // The filters changed while the page came: it belongs to another list.
      if (current.current !== wanted) return;
      setPage((old) => (old ? { ...next, prospects: [...old.prospects, ...next.prospects] } : next));
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setMore(false);
    }
  };

  const active = activeFilterCount(filters);
  const rows = page?.prospects ?? [];
  return (
    <main class="staff staff-prospects" aria-busy={loading || undefined}>
      <PageHeader
        title={PROSPECT_SCREEN_NAMES[lang]['staff-prospects']}
        description={s.prListIntro}
        actions={
          <>
            <AppLink class={buttonClass('secondary', true)} href={PATHS['staff-import']} go={go}>
              <Icon icon={FileUp} />
              {s.prImportCsv}
            </AppLink>
            <AppLink class={buttonClass('secondary', true)} href={PATHS['staff-discovery']} go={go}>
              <Icon icon={Radar} />
              {PROSPECT_SCREEN_NAMES[lang]['staff-discovery']}
            </AppLink>
          </>
        }
      />
      <div class="toolbar">
        <div class="search-box">
          <Icon icon={Search} />
          <label for="pr-q" class="sr-only">
            {t.search}
          </label>
          <input
            id="pr-q"
            type="search"
            placeholder={s.prSearchPlaceholder}
            value={filters.q ?? ''}
            onInput={(e) => change({ q: e.currentTarget.value || undefined })}
          />
        </div>
        <Button
          id="pr-filters-button"
          icon={SlidersHorizontal}
          aria-expanded={showFilters}
          aria-controls="pr-filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          {s.prFilters}
          {active > 0 ? (
            <span class="filter-count">
              <span class="sr-only">, </span>
              {s.prFilterCount(active, count(active, lang))}
            </span>
          ) : null}
        </Button>
        <div class="sort-box">
          <label for="pr-sort">{s.prSortBy}</label>
          <select
            id="pr-sort"
            value={filters.sort}
            onChange={(e) => change({ sort: e.currentTarget.value as ProspectSort })}
          >
            {PROSPECT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {s.prSorts[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id="pr-filters" class="filters-panel" hidden={!showFilters}>
        <Filters s={s} lang={lang} filters={filters} page={page} change={change} />
        {active > 0 ? (
          <div class="btn-row pr-clear">
            <Button small variant="ghost" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>
              {s.prClearFilters}
            </Button>
          </div>
        ) : null}
      </div>
      <ErrorLine text={error} />
      {!page ? (
        error ? null : (
          <Skeleton label={t.loading} blocks={3} lines={0} />
        )
      ) : rows.length === 0 ? (
        page.total === 0 && active === 0 ? (
          <EmptyPool t={t} s={s} go={go} />
        ) : (
          <EmptyState id="pr-no-match" icon={SearchX} title={s.prNoMatch}>
            <p>{s.prNoMatchHelp}</p>
          </EmptyState>
        )
      ) : (
        <>
          <p class="muted pr-showing" aria-live="polite">
            {s.prShowing(count(rows.length, lang), count(page.total, lang))}
          </p>
          <ProspectTable t={t} s={s} lang={lang} rows={rows} open={open} />
          {page.nextCursor ? (
            <div class="load-more">
              <Button onClick={loadMore} busy={more}>
                {more ? t.loading : t.loadMore}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </main>
  );
}

/** A yes/no/either filter as a select: "true", "false" or none. */
function FlagSelect(props: {
  id: string;
  label: string;
  value: boolean | undefined;
  s: ProspectsStrings;
  onChange: (value: boolean | undefined) => void;
}) {
  const { s, value } = props;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const chosen = e.currentTarget.value;
          props.onChange(chosen === '' ? undefined : chosen === 'true');
        }}
      >
        <option value="">{s.prAny}</option>
        <option value="true">{s.prYes}</option>
        <option value="false">{s.prNo}</option>
      </select>
    </div>
  );
}

/** A select of text values: the facets, and the address's value even when the pool no longer offers it. */
function TextSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  s: ProspectsStrings;
  onChange: (value: string | undefined) => void;
}) {
  const { value, options } = props;
  const all =
    value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)}>
        <option value="">{props.s.prAny}</option>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: {
  s: ProspectsStrings;
  lang: Lang;
  filters: ProspectFilters;
  page: ProspectListView | null;
  change: (patch: Partial<ProspectFilters>) => void;
}) {
  const { s, lang, filters, page, change } = props;
  const facets = page?.facets ?? { industries: [], regions: [], icps: [] };
  const plain = (values: readonly string[]) => values.map((value) => ({ value, label: value }));
  const scores = (bound: number | undefined) =>
    [...new Set([...SCORE_STEPS, ...(bound === undefined ? [] : [bound])])]
      .sort((a, b) => a - b)
      .map((score) => ({ value: String(score), label: count(score, lang) }));
  const scoreOf = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  return (
    <div class="filters">
      <TextSelect
        id="pr-icp"
        label={s.prIcp}
        s={s}
        value={filters.icp}
        options={facets.icps.map((icp) => ({ value: icp.id, label: icp.name }))}
        onChange={(icp) => change({ icp })}
      />
      <TextSelect
        id="pr-industry"
        label={s.prIndustry}
        s={s}
        value={filters.industry}
        options={plain(facets.industries)}
        onChange={(industry) => change({ industry })}
      />
      <TextSelect
        id="pr-region"
        label={s.prRegion}
        s={s}
        value={filters.region}
        options={plain(facets.regions)}
        onChange={(region) => change({ region })}
      />
      <TextSelect
        id="pr-language"
        label={s.prLanguage}
        s={s}
        value={filters.language}
        options={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language][lang] }))}
        onChange={(language) => change({ language: language as ProspectFilters['language'] })}
      />
      <TextSelect
        id="pr-min"
        label={s.prMinScore}
        s={s}
        value={filters.minScore === undefined ? undefined : String(filters.minScore)}
        options={scores(filters.minScore).filter(
          (option) => filters.maxScore === undefined || Number(option.value) <= filters.maxScore,
        )}
        onChange={(value) => change({ minScore: scoreOf(value) })}
      />
      <TextSelect
        id="pr-max"
        label={s.prMaxScore}
        s={s}
        value={filters.maxScore === undefined ? undefined : String(filters.maxScore)}
        options={scores(filters.maxScore).filter(
          (option) => filters.minScore === undefined || Number(option.value) >= filters.minScore,
        )}
        onChange={(value) => change({ maxScore: scoreOf(value) })}
      />
      <FlagSelect
        id="pr-form"
        label={s.prHasForm}
        s={s}
        value={filters.hasForm}
        onChange={(hasForm) => change({ hasForm })}
      />
      <FlagSelect
        id="pr-contacted"
        label={s.prContacted}
        s={s}
        value={filters.contacted}
        onChange={(contacted) => change({ contacted })}
      />
      <TextSelect
        id="pr-status"
        label={s.prStatus}
        s={s}
        value={filters.status}
        options={PROSPECT_ANALYSIS_STATUSES.map((status) => ({ value: status, label: s.prStatuses[status] }))}
        onChange={(status) => change({ status: status as ProspectFilters['status'] })}
      />
    </div>
  );
}

/** The need score as its number and a small bar (the bar repeats the number, for the eye only). */
export function NeedScore(props: { score: number | null; t: Strings; lang: Lang }) {
  const { score } = props;
  if (score === null) return <span class="muted">{props.t.none}</span>;
  return (
    <span class="pr-score">
      <strong>{count(score, props.lang)}</strong>
      <span class="pr-bar" aria-hidden="true">
        <span style={{ width: `${barShare(score)}%` }} />
      </span>
    </span>
  );
}

/** A link to the prospect's own site: a new tab, no referrer, no endorsement. */
export function SiteLink(props: {
  href: string;
  s: ProspectsStrings;
  class?: string;
  children?: preact.ComponentChildren;
}) {
  const { href, s } = props;
  if (!isWebAddress(href)) return <span class={props.class}>{props.children ?? href}</span>;
  return (
    <a class={props.class} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {props.children ?? hostOf(href)}
      <span class="sr-only"> {s.prOpensElsewhere}</span>
    </a>
  );
}

function ProspectTable(props: {
  t: Strings;
  s: ProspectsStrings;
  lang: Lang;
  rows: readonly ProspectRow[];
  open: (id: string) => void;
}) {
  const { t, s, lang, rows, open } = props;
  const yesNo = (value: boolean) => (value ? s.prYes : s.prNo);
  const columns: Column<ProspectRow>[] = [
    {
      key: 'business',
      header: s.prBusiness,
      cell: (row) => (
        <span class="pr-business">
          <AppLink class="pr-name" href={prospectPath(row.id)} go={() => open(row.id)}>
            {row.businessName}
          </AppLink>
          <SiteLink class="pr-site" href={row.website} s={s} />
          {row.analysisStatus !== 'analyzed' || row.contacted ? (
            <span class="pr-badges">
              {row.analysisStatus === 'pending' ? <Badge tone="info">{s.prStatuses.pending}</Badge> : null}
              {row.analysisStatus === 'failed' ? <Badge tone="warning">{s.prStatuses.failed}</Badge> : null}
              {row.contacted ? <Badge>{s.prContactedBadge}</Badge> : null}
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'industry', header: s.prIndustry, cell: (row) => row.industry ?? t.none },
    {
      key: 'city',
      header: s.prCity,
      cell: (row) => [row.city, row.region].filter(Boolean).join(', ') || t.none,
    },
    {
      key: 'language',
      header: s.prLanguage,
      cell: (row) => (
        <span class="pr-language">
          {row.language ? LANGUAGE_NAMES[row.language][lang] : t.none}
          {row.bilingual ? <Badge tone="brand">{s.prBilingual}</Badge> : null}
        </span>
      ),
    },
    { key: 'need', header: s.prNeed, cell: (row) => <NeedScore score={row.automationNeedScore} t={t} lang={lang} /> },
    {
      key: 'fit',
      header: s.prFit,
      cell: (row) => (row.fitScore === null ? t.none : count(row.fitScore, lang)),
    },
    { key: 'form', header: s.prForm, cell: (row) => yesNo(row.hasForm) },
    { key: 'contactable', header: s.prContactable, cell: (row) => yesNo(row.contactable) },
    {
      key: 'sources',
      header: s.prSources,
      cell: (row) => (
        <span class="pr-badges">
          {row.sources.map((source) => (
            <Badge key={source}>{s.prProviders[source]}</Badge>
          ))}
        </span>
      ),
    },
  ];
  return <Table class="pr-table" caption={s.prTableCaption} columns={columns} rows={rows} rowKey={(row) => row.id} />;
}

/** No prospect at all: discovery finds them, a CSV brings them. */
function EmptyPool(props: { t: Strings; s: ProspectsStrings; go: (path: string) => void }) {
  const { t, s, go } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      await api<DiscoveryRunAccepted>('POST', '/staff/discovery/run', {});
      go(PATHS['staff-discovery']);
    } catch (caught) {
      setError(errorText(caught, t));
      setBusy(false);
    }
  };
  return (
    <EmptyState
      id="pr-empty"
      icon={Store}
      title={s.prEmptyTitle}
      actions={
        <>
          <Button variant="primary" icon={Radar} busy={busy} onClick={run}>
            {busy ? s.prRunning : s.prRunNow}
          </Button>
          <AppLink class={buttonClass('secondary')} href={PATHS['staff-import']} go={go}>
            <Icon icon={FileUp} />
            {s.prImportCsv}
          </AppLink>
        </>
      }
    >
      <p>{s.prEmptyHelp}</p>
      <p>
        <AppLink href={PATHS['staff-discovery']} go={go}>
          {s.prSetUpDiscovery}
        </AppLink>
      </p>
      <ErrorLine text={error} />
    </EmptyState>
  );
}
