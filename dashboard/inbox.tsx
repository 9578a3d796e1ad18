import {
  Download,
  FlaskConical,
  Inbox as InboxIcon,
  Keyboard,
  Search,
  SearchX,
  ShieldAlert,
  SlidersHorizontal,
  Tag,
  X,
} from 'lucide';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { INTENTS, URGENCIES } from '../schema/vocabulary';
import { api, errorText, type Lead, type LeadPage } from './api';
import { AppLink, Badge, Button, buttonClass, Dialog, EmptyState, Icon, PageHeader, Skeleton } from './design';
import { EmptyInbox } from './empty-inbox';
import { formatDate, formatNumber, type Lang, locale, type Strings } from './i18n';
import { applyAction, LeadActions, type Notice, tagLabel, useTags } from './lead-actions';
import { IntentBadge, UrgencyBadge, urgencyLabel } from './lead-badges';
import { NoticeLine } from './notice';
import { leadPath, PATHS } from './router';
import './strings/leads';

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

/** The AI summary in the dashboard's language when there is one, else in the lead's. */
const summaryIn = (lead: Lead, lang: Lang) =>
  (lang === 'fr' ? lead.aiSummaryFr : lead.aiSummaryEn) ?? lead.aiSummary ?? lead.aiSummaryEn ?? lead.aiSummaryFr;

/** No lead at all under any tab: a new client, whom the inbox teaches how leads arrive. */
const isEmpty = (page: LeadPage) =>
  page.counts.active + page.counts.archived + page.counts.spam + page.counts.deleted === 0;

const excerpt = (text: string | null) => (text && text.length > 120 ? `${text.slice(0, 117)}…` : (text ?? ''));

/** A date of the filters as the person reads it: a day (`2026-11-30`) or, from the home's links, an instant. */
function filterDate(value: string, lang: Lang): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(day ? `${value}T12:00:00` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(
    locale(lang),
    day ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
}

/** The filters a person set (all but status and sort), each with what it reads as and how to remove it. */
function activeFilters(filters: Filters, t: Strings, lang: Lang): { name: keyof Filters; label: string }[] {
  const active: { name: keyof Filters; label: string }[] = [];
  const chip = (name: keyof Filters, label: string, value: string) =>
    active.push({ name, label: t.filterChip(label, value) });
  if (filters.q.trim()) chip('q', t.search, t.quoted(filters.q.trim()));
  if (filters.urgency) chip('urgency', t.urgency, urgencyLabel(filters.urgency, t));
  if (filters.intent) {
    const intent = INTENTS.find((candidate) => candidate.key === filters.intent);
    chip('intent', t.intentFilter, intent ? intent[lang] : filters.intent);
  }
  if (filters.tag) chip('tag', t.tagFilter, tagLabel(filters.tag, lang));
  if (filters.language) chip('language', t.languageFilter, filters.language === 'fr' ? t.french : t.english);
  if (filters.from) chip('from', t.fromDate, filterDate(filters.from, lang));
  if (filters.to) chip('to', t.toDate, filterDate(filters.to, lang));
  if (filters.test) active.push({ name: 'test', label: t.showTestLeads });
  return active;
}

/** A key press the inbox's shortcuts should ignore: typed into a field, or with a modifier. */
const typing = (event: KeyboardEvent) => {
  const target = event.target as HTMLElement | null;
  return (
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    Boolean(target?.closest('input, textarea, select, [contenteditable="true"], dialog'))
  );
};

/**
 * The lead list: status tabs with counts, search and filters (in the URL) behind one
 * control that counts them, sort, pages, a selection with bulk actions, keyboard
 * shortcuts (j/k, Enter, e, ?), and a poll that brings new leads in without a reload.
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
  const [showFilters, setShowFilters] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  /** The row the keyboard is on (j/k), by lead id. */
  const [cursorId, setCursorId] = useState<string | null>(null);
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
    history.replaceState(history.state, '', query ? `${PATHS.inbox}?${query}` : PATHS.inbox);
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
    const wanted = filters;
    setBusy(true);
    try {
      const next = await api<LeadPage>('GET', leadsPath(wanted, page.nextCursor));
      // The filters changed while the page came: it belongs to another list.
      if (current.current !== wanted) return;
      setPage((old) => (old ? { ...next, leads: [...old.leads, ...next.leads] } : next));
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
  const active = activeFilters(filters, t, lang);
  const filtered = active.length > 0;

  const archiving = useRef(false);
  /** `e`: archives the lead the keyboard is on, then moves to the next one. */
  const archive = async (lead: Lead) => {
    if (archiving.current || filters.status !== 'active') return;
    archiving.current = true;
    const rows = leads;
    const next = rows[rows.indexOf(lead) + 1] ?? rows[rows.indexOf(lead) - 1];
    try {
      const count = await applyAction([lead.id], { action: 'archive' }, lang);
      setCursorId(next?.id ?? null);
      setNotice({
        text: t.archivedCount(count),
        undo: { ids: [lead.id], request: { action: 'reactivate' }, done: t.updated },
      });
      await load();
      if (next) document.querySelector<HTMLElement>(`[data-lead-id="${next.id}"] a`)?.focus();
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      archiving.current = false;
    }
  };

  // The keyboard shortcuts, listed in the help dialog (?).
  const keys = useRef({ leads, cursorId, archive });
  keys.current = { leads, cursorId, archive };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event) || event.repeat) return;
      const { leads: rows, cursorId: at } = keys.current;
      const index = rows.findIndex((lead) => lead.id === at);
      const focusRow = (next: number) => {
        const lead = rows[Math.max(0, Math.min(rows.length - 1, next))];
        if (!lead) return;
        setCursorId(lead.id);
        document.querySelector<HTMLElement>(`[data-lead-id="${lead.id}"] a`)?.focus();
      };
      if (event.key === 'j') focusRow(index + 1);
      else if (event.key === 'k') focusRow(index < 0 ? 0 : index - 1);
      else if (event.key === 'e' && index >= 0) keys.current.archive(rows[index]!);
      else if (event.key === '?') setShowHelp(true);
      else if (event.key === '/') document.getElementById('search')?.focus();
      else return;
      event.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const exportHref = `/api/app/leads/export.csv?${leadsPath(filters).slice('/leads?'.length)}`;
  return (
    <main class="inbox">
      <PageHeader
        title={t.inbox}
        actions={
          <>
            <a class={buttonClass('secondary', true)} href={exportHref} download>
              <Icon icon={Download} />
              {t.exportCsv}
            </a>
            <Button small variant="ghost" icon={Keyboard} class="only-wide" onClick={() => setShowHelp(true)}>
              {t.shortcutsButton}
            </Button>
          </>
        }
      />
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
      <div class="toolbar">
        <div class="search-box">
          <Icon icon={Search} />
          <label for="search" class="sr-only">
            {t.search}
          </label>
          <input
            id="search"
            type="search"
            placeholder={t.searchPlaceholder}
            value={filters.q}
            onInput={(e) => change({ q: e.currentTarget.value })}
          />
        </div>
        <Button
          id="filters-button"
          icon={SlidersHorizontal}
          aria-expanded={showFilters}
          aria-controls="inbox-filters"
          onClick={() => setShowFilters(!showFilters)}
        >
          {t.filters}
          {active.length > 0 ? (
            <span class="filter-count">
              <span class="sr-only">, </span>
              {t.activeFilterCount(formatNumber(active.length, lang))}
            </span>
          ) : null}
        </Button>
        <div class="sort-box">
          <label for="sort">{t.sortBy}</label>
          <select id="sort" value={filters.sort} onChange={(e) => change({ sort: e.currentTarget.value as Sort })}>
            {(Object.keys(SORTS) as Sort[]).map((sort) => (
              <option key={sort} value={sort}>
                {t[SORTS[sort]]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id="inbox-filters" class="filters-panel" hidden={!showFilters}>
        <div class="filters">
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
          <div class="field-check filters-check">
            <input
              id="test"
              type="checkbox"
              checked={filters.test}
              onChange={(e) => change({ test: e.currentTarget.checked })}
            />
            <label for="test">{t.showTestLeads}</label>
          </div>
        </div>
      </div>
      {filtered ? (
        <ul class="chips" aria-label={t.activeFilters}>
          {active.map((filter) => (
            <li key={filter.name}>
              <button
                type="button"
                class="chip"
                aria-label={t.removeFilter(filter.label)}
                onClick={() => {
                  change({ [filter.name]: NO_FILTERS[filter.name] });
                  // The chip is gone: the keyboard goes back to the control that holds the filters.
                  document.getElementById('filters-button')?.focus();
                }}
              >
                {filter.label}
                <Icon icon={X} />
              </button>
            </li>
          ))}
          <li>
            <Button
              small
              variant="ghost"
              onClick={() => change({ ...NO_FILTERS, status: filters.status, sort: filters.sort })}
            >
              {t.clearFilters}
            </Button>
          </li>
        </ul>
      ) : null}
      <p class="error" role="alert">
        {error}
      </p>
      <NoticeLine
        t={t}
        lang={lang}
        notice={notice}
        onDismiss={() => setNotice(null)}
        onUndone={(undone) => {
          setNotice(undone);
          load();
        }}
      />
      <div role="tabpanel" id="inbox-panel" aria-labelledby={`tab-${filters.status}`}>
        {!page ? (
          <Skeleton label={t.loading} blocks={4} lines={0} />
        ) : leads.length === 0 ? (
          isEmpty(page) && !filtered ? (
            // A real client's test lead is one of its test leads: show those to see it arrive.
            <EmptyInbox t={t} onTestLead={() => change({ test: true, status: 'active' })} />
          ) : (
            <EmptyState id="no-leads" icon={filtered ? SearchX : InboxIcon} title={filtered ? t.noMatch : t.noLeads}>
              {filtered ? <p>{t.noMatchHelp}</p> : null}
            </EmptyState>
          )
        ) : (
          <>
            <div class="selection-bar">
              <div class="field-check">
                <input
                  id="select-all"
                  type="checkbox"
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(leads.map((lead) => lead.id)))}
                />
                <label for="select-all">{t.selectAll}</label>
              </div>
              <span class="muted">
                {t.resultsCount(formatNumber(leads.length, lang), formatNumber(page.counts[filters.status], lang))}
              </span>
            </div>
            {selection.length > 0 ? (
              <section class="bulk" aria-label={t.actionFor(formatNumber(selection.length, lang))}>
                <p>
                  <strong>{t.selectedCount(formatNumber(selection.length, lang))}</strong>{' '}
                  <Button small variant="ghost" onClick={() => setSelected(new Set())}>
                    {t.clearSelection}
                  </Button>
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
                <li
                  key={lead.id}
                  class={`lead${lead.unread ? ' unread' : ''}${cursorId === lead.id ? ' cursor' : ''}`}
                  data-lead-id={lead.id}
                >
                  <input
                    type="checkbox"
                    class="select"
                    aria-label={t.selectLead(lead.name)}
                    checked={selected.has(lead.id)}
                    onChange={() => toggle(lead.id)}
                  />
                  <AppLink href={leadPath(lead.id)} onFocus={() => setCursorId(lead.id)} go={() => open(lead.id)}>
                    <span class="lead-line">
                      <span class="name">
                        {lead.unread ? <span class="dot" aria-hidden="true" /> : null}
                        {lead.name}
                        {lead.unread ? <span class="sr-only"> ({t.unread})</span> : null}
                      </span>
                      <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
                    </span>
                    <span class="summary">{excerpt(summaryIn(lead, lang))}</span>
                    <span class="meta">
                      <UrgencyBadge urgency={lead.urgency} t={t} />
                      <IntentBadge intent={lead.intent} lang={lang} />
                      {lead.currentTag ? (
                        <Badge tone="brand" icon={Tag}>
                          {tagLabel(lead.currentTag, lang)}
                        </Badge>
                      ) : null}
                      {lead.isTest ? (
                        <Badge tone="info" icon={FlaskConical}>
                          {t.testBadge}
                        </Badge>
                      ) : null}
                      {lead.inSpam ? (
                        <Badge tone="warning" icon={ShieldAlert}>
                          {t.spamBadge}
                        </Badge>
                      ) : null}
                    </span>
                  </AppLink>
                </li>
              ))}
            </ul>
          </>
        )}
        {page?.nextCursor ? (
          <div class="load-more">
            <Button onClick={more} busy={busy}>
              {busy ? t.loading : t.loadMore}
            </Button>
          </div>
        ) : null}
      </div>
      <Dialog
        id="shortcuts"
        open={showHelp}
        title={t.shortcutsTitle}
        closeLabel={t.close}
        onClose={() => setShowHelp(false)}
      >
        <dl class="shortcuts">
          {t.shortcuts.map(([keysText, what]) => (
            <div key={keysText}>
              <dt>
                {keysText.split(' ').map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </main>
  );
}
