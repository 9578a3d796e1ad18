import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { INTENTS, URGENCIES } from '../schema/vocabulary';
import { api, type Lead, type LeadPage } from './api';
import { EmptyInbox } from './empty-inbox';
import { formatDate, formatNumber, type Lang, type Strings } from './i18n';
import { LeadActions, type Notice, tagLabel, useTags } from './lead-actions';
import { NoticeLine } from './notice';
import { errorText } from './sign-in';

const STATUSES = ['active', 'archived', 'spam', 'deleted'] as const;
type Status = (typeof STATUSES)[number];
const TAB_LABEL = { active: 'active', archived: 'archived', spam: 'spamTab', deleted: 'deleted' } as const;
const SORTS = { newest: 'sortNewest', oldest: 'sortOldest', urgency: 'sortUrgency' } as const;
type Sort = keyof typeof SORTS;
const POLL_MS = 15_000;

/** The inbox's filters, kept in the URL's query string so a view can be bookmarked or shared. */
interface Filters {
  status: Status;
  q: string;
  tag: string;
  urgency: string;
  intent: string;
  language: string;
  from: string;
  to: string;
  test: boolean;
  sort: Sort;
}
const NO_FILTERS: Filters = {
  status: 'active',
  q: '',
  tag: '',
  urgency: '',
  intent: '',
  language: '',
  from: '',
  to: '',
  test: false,
  sort: 'newest',
};

const oneOf = <T extends string>(value: string | null, values: readonly T[], fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

function filtersFromUrl(search: string): Filters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name) ?? '';
  return {
    status: oneOf(params.get('status'), STATUSES, 'active'),
    q: text('q'),
    tag: text('tag'),
    urgency: text('urgency'),
    intent: text('intent'),
    language: text('language'),
    from: text('from'),
    to: text('to'),
    test: params.get('test') === '1',
    sort: oneOf(params.get('sort'), Object.keys(SORTS) as Sort[], 'newest'),
  };
}

/** The query string of the filters that differ from none: for the URL and for the API. */
function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [keyof Filters, Filters[keyof Filters]][]) {
    if (value === NO_FILTERS[name]) continue;
    params.set(name, typeof value === 'boolean' ? (value ? '1' : '0') : value.trim());
  }
  return params;
}

function leadsPath(filters: Filters, cursor?: string): string {
  const params = filterParams(filters);
  params.set('status', filters.status);
  if (cursor) params.set('cursor', cursor);
  return `/leads?${params}`;
}

export const urgencyLabel = (urgency: string | null, t: Strings) =>
  urgency === 'High' || urgency === 'Medium' || urgency === 'Low' ? t[urgency] : t.none;

export const intentLabel = (lead: Lead, lang: Lang) => (lead.intent ? lead.intent[lang] : '');

/** The AI summary in the dashboard's language when there is one, else in the lead's. */
const summaryIn = (lead: Lead, lang: Lang) =>
  (lang === 'fr' ? lead.aiSummaryFr : lead.aiSummaryEn) ?? lead.aiSummary ?? lead.aiSummaryEn ?? lead.aiSummaryFr;

/** No lead at all under any tab: a new client, whom the inbox teaches how leads arrive. */
const isEmpty = (page: LeadPage) =>
  page.counts.active + page.counts.archived + page.counts.spam + page.counts.deleted === 0;

const excerpt = (text: string | null) => (text && text.length > 120 ? `${text.slice(0, 117)}…` : (text ?? ''));

/**
 * The lead list: status tabs with counts, search and filters (in the URL), sort, pages,
 * a selection with bulk actions, and a poll that brings new leads in without a reload.
 */
export function Inbox(props: { t: Strings; lang: Lang; open: (id: string) => void }) {
  const { t, lang, open } = props;
  const [filters, setFilters] = useState<Filters>(() => filtersFromUrl(location.search));
  const [page, setPage] = useState<LeadPage | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [tagsVersion, setTagsVersion] = useState(0);
  const tags = useTags(tagsVersion);
  const current = useRef(filters);
  current.current = filters;

  const change = (patch: Partial<Filters>) => {
    setFilters((old) => ({ ...old, ...patch }));
    setSelected(new Set());
    setNotice(null);
  };

  useEffect(() => {
    const query = filterParams(filters).toString();
    history.replaceState(history.state, '', query ? `/app?${query}` : '/app');
  }, [filters]);

  const load = useCallback(async () => {
    const wanted = filters;
    try {
      const fresh = await api<LeadPage>('GET', leadsPath(wanted));
      // A slower answer for filters since changed must not replace the newer one.
      if (current.current !== wanted) return;
      setPage(fresh);
      setError('');
    } catch (caught) {
      setError(errorText(caught, t));
    }
  }, [filters, t]);

  useEffect(() => {
    const timer = setTimeout(load, filters.q ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load]);

  // New leads appear without a reload: refresh the first page, keep the rows already loaded.
  useEffect(() => {
    const timer = setInterval(async () => {
      if (document.hidden) return;
      const wanted = current.current;
      try {
        const fresh = await api<LeadPage>('GET', leadsPath(wanted));
        if (current.current !== wanted) return;
        setPage((old) => {
          if (!old) return fresh;
          const known = new Set(fresh.leads.map((lead) => lead.id));
          return {
            ...old,
            counts: fresh.counts,
            leads: [...fresh.leads, ...old.leads.filter((lead) => !known.has(lead.id))],
          };
        });
      } catch {
        // The next poll tries again.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, []);

  const more = async () => {
    if (!page?.nextCursor) return;
    setBusy(true);
    try {
      const next = await api<LeadPage>('GET', leadsPath(filters, page.nextCursor));
      setPage({ ...next, leads: [...page.leads, ...next.leads] });
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const leads = page?.leads ?? [];
  const selection = leads.filter((lead) => selected.has(lead.id));
  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allSelected = leads.length > 0 && selection.length === leads.length;
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = STATUSES[(STATUSES.indexOf(filters.status) + step + STATUSES.length) % STATUSES.length]!;
    change({ status: next });
    document.getElementById(`tab-${next}`)?.focus();
  };
  const filtered = filterParams({ ...filters, status: 'active', sort: 'newest' }).toString() !== '';

  return (
    <main>
      <h1>{t.inbox}</h1>
      {/* The ARIA tabs pattern: one tab stop, arrow keys move between the tabs. */}
      <div role="tablist" aria-label={t.statusTabs} class="tabs" onKeyDown={onTabKey}>
        {STATUSES.map((s) => (
          <button
            key={s}
            id={`tab-${s}`}
            type="button"
            role="tab"
            aria-selected={filters.status === s}
            aria-controls="inbox-panel"
            tabIndex={filters.status === s ? 0 : -1}
            class={filters.status === s ? 'tab selected' : 'tab'}
            onClick={() => change({ status: s })}
          >
            {t[TAB_LABEL[s]]} <span class="count">{page ? formatNumber(page.counts[s], lang) : ''}</span>
          </button>
        ))}
      </div>
      <details class="filters-panel" open={filtered}>
        <summary>{t.filters}</summary>
        <div class="filters">
          <div class="wide">
            <label for="search">{t.search}</label>
            <input id="search" type="search" value={filters.q} onInput={(e) => change({ q: e.currentTarget.value })} />
          </div>
          <div>
            <label for="urgency">{t.urgency}</label>
            <select id="urgency" value={filters.urgency} onChange={(e) => change({ urgency: e.currentTarget.value })}>
              <option value="">{t.anyUrgency}</option>
              {URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t[u]}
                  {page ? ` (${formatNumber(page.counts.byUrgency[u], lang)})` : ''}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="intent">{t.intentFilter}</label>
            <select id="intent" value={filters.intent} onChange={(e) => change({ intent: e.currentTarget.value })}>
              <option value="">{t.anyIntent}</option>
              {INTENTS.map((intent) => (
                <option key={intent.key} value={intent.key}>
                  {intent[lang]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="tag">{t.tagFilter}</label>
            <select id="tag" value={filters.tag} onChange={(e) => change({ tag: e.currentTarget.value })}>
              <option value="">{t.anyTag}</option>
              {tags.map((option) => (
                <option key={option.tag} value={option.tag}>
                  {tagLabel(option.tag, lang)} ({formatNumber(option.count, lang)})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="language">{t.languageFilter}</label>
            <select
              id="language"
              value={filters.language}
              onChange={(e) => change({ language: e.currentTarget.value })}
            >
              <option value="">{t.anyLanguage}</option>
              <option value="en">{t.english}</option>
              <option value="fr">{t.french}</option>
            </select>
          </div>
          <div>
            <label for="from">{t.fromDate}</label>
            <input
              id="from"
              type="date"
              value={filters.from}
              max={filters.to || undefined}
              onChange={(e) => change({ from: e.currentTarget.value })}
            />
          </div>
          <div>
            <label for="to">{t.toDate}</label>
            <input
              id="to"
              type="date"
              value={filters.to}
              min={filters.from || undefined}
              onChange={(e) => change({ to: e.currentTarget.value })}
            />
          </div>
          <div>
            <label for="sort">{t.sortBy}</label>
            <select id="sort" value={filters.sort} onChange={(e) => change({ sort: e.currentTarget.value as Sort })}>
              {(Object.keys(SORTS) as Sort[]).map((sort) => (
                <option key={sort} value={sort}>
                  {t[SORTS[sort]]}
                </option>
              ))}
            </select>
          </div>
          <div class="checkbox">
            <input
              id="test"
              type="checkbox"
              checked={filters.test}
              onChange={(e) => change({ test: e.currentTarget.checked })}
            />
            <label for="test">{t.showTestLeads}</label>
          </div>
          {filtered ? (
            <button type="button" class="link" onClick={() => change({ ...NO_FILTERS, status: filters.status })}>
              {t.clearFilters}
            </button>
          ) : null}
        </div>
      </details>
      <p>
        <a href={`/api/app/leads/export.csv?${leadsPath(filters).slice('/leads?'.length)}`} download>
          {t.exportCsv}
        </a>
      </p>
      <p class="error" role="alert">
        {error}
      </p>
      <NoticeLine
        t={t}
        lang={lang}
        notice={notice}
        onUndone={(undone) => {
          setNotice(undone);
          load();
        }}
      />
      <div role="tabpanel" id="inbox-panel" aria-labelledby={`tab-${filters.status}`}>
        {!page ? (
          <p aria-live="polite">{t.loading}</p>
        ) : leads.length === 0 ? (
          isEmpty(page) && !filtered ? (
            // A real client's test lead is one of its test leads: show those to see it arrive.
            <EmptyInbox t={t} onTestLead={() => change({ test: true, status: 'active' })} />
          ) : (
            <p>{t.noLeads}</p>
          )
        ) : (
          <>
            <div class="selection-bar">
              <div class="checkbox">
                <input
                  id="select-all"
                  type="checkbox"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(leads.map((lead) => lead.id)))}
                />
                <label for="select-all">{t.selectAll}</label>
              </div>
              <span>
                {t.resultsCount(formatNumber(leads.length, lang), formatNumber(page.counts[filters.status], lang))}
              </span>
            </div>
            {selection.length > 0 ? (
              <section class="bulk" aria-label={t.actionFor(formatNumber(selection.length, lang))}>
                <p>
                  <strong>{t.selectedCount(formatNumber(selection.length, lang))}</strong>{' '}
                  <button type="button" class="link" onClick={() => setSelected(new Set())}>
                    {t.clearSelection}
                  </button>
                </p>
                <LeadActions
                  t={t}
                  lang={lang}
                  leads={selection}
                  tags={tags}
                  onDone={(done) => {
                    setNotice(done);
                    setSelected(new Set());
                    setTagsVersion((n) => n + 1);
                    load();
                  }}
                />
              </section>
            ) : null}
            <ul class="leads">
              {leads.map((lead) => (
                <li key={lead.id} class={lead.unread ? 'lead unread' : 'lead'} data-lead-id={lead.id}>
                  <input
                    type="checkbox"
                    class="select"
                    aria-label={t.selectLead(lead.name)}
                    checked={selected.has(lead.id)}
                    onChange={() => toggle(lead.id)}
                  />
                  <a
                    href={`/app/leads/${lead.id}`}
                    onClick={(e) => {
                      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                      e.preventDefault();
                      open(lead.id);
                    }}
                  >
                    <span class="name">
                      {lead.unread ? <span class="dot" aria-hidden="true" /> : null}
                      {lead.name}
                      {lead.unread ? <span class="sr-only"> ({t.unread})</span> : null}
                      {lead.isTest ? <span class="badge">{t.testBadge}</span> : null}
                      {lead.inSpam ? <span class="badge warn">{t.spamBadge}</span> : null}
                      {lead.currentTag ? <span class="badge tag">{tagLabel(lead.currentTag, lang)}</span> : null}
                    </span>
                    <span class="meta">
                      {intentLabel(lead, lang)}
                      {lead.urgency ? (
                        <span class={`urgency u-${lead.urgency}`}>{urgencyLabel(lead.urgency, t)}</span>
                      ) : null}
                      <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
                    </span>
                    <span class="summary">{excerpt(summaryIn(lead, lang))}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {page?.nextCursor ? (
          <button type="button" class="secondary" onClick={more} disabled={busy}>
            {busy ? t.loading : t.loadMore}
          </button>
        ) : null}
      </div>
    </main>
  );
}
