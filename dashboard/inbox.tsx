import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, type Lead, type LeadPage } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import { errorText } from './sign-in';

const STATUSES = ['active', 'archived', 'deleted'] as const;
type Status = (typeof STATUSES)[number];
const URGENCIES = ['High', 'Medium', 'Low'] as const;
const POLL_MS = 15_000;

export const urgencyLabel = (urgency: string | null, t: Strings) =>
  urgency === 'High' || urgency === 'Medium' || urgency === 'Low' ? t[urgency] : t.none;

export const intentLabel = (lead: Lead, lang: Lang) => (lead.intent ? lead.intent[lang] : '');

const excerpt = (text: string | null) => (text && text.length > 120 ? `${text.slice(0, 117)}…` : (text ?? ''));

function query(status: Status, q: string, urgency: string, cursor?: string) {
  const params = new URLSearchParams({ status });
  if (q.trim()) params.set('q', q.trim());
  if (urgency) params.set('urgency', urgency);
  if (cursor) params.set('cursor', cursor);
  return `/leads?${params}`;
}

/** The lead list: status tabs, search, urgency filter, pages, and a poll for new leads. */
export function Inbox(props: { t: Strings; lang: Lang; open: (id: string) => void }) {
  const { t, lang, open } = props;
  const [status, setStatus] = useState<Status>('active');
  const [q, setQ] = useState('');
  const [urgency, setUrgency] = useState('');
  const [page, setPage] = useState<LeadPage | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const filters = useRef({ status, q, urgency });
  filters.current = { status, q, urgency };

  const load = useCallback(async () => {
    const wanted = { status, q, urgency };
    try {
      const fresh = await api<LeadPage>('GET', query(status, q, urgency));
      const now = filters.current;
      if (now.status !== wanted.status || now.q !== wanted.q || now.urgency !== wanted.urgency) return;
      setPage(fresh);
      setError('');
    } catch (caught) {
      setError(errorText(caught, t));
    }
  }, [status, q, urgency, t]);

  useEffect(() => {
    const timer = setTimeout(load, q ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, q]);

  // New leads appear without a reload: refresh the first page, keep the rows already loaded.
  useEffect(() => {
    const timer = setInterval(async () => {
      if (document.hidden) return;
      try {
        const fresh = await api<LeadPage>('GET', query(status, q, urgency));
        setPage((old) => {
          if (!old) return fresh;
          const known = new Set(fresh.leads.map((lead) => lead.id));
          return {
            ...old,
            counts: fresh.counts,
            leads: [...fresh.leads, ...old.leads.filter((l) => !known.has(l.id))],
          };
        });
      } catch {
        // The next poll tries again.
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [status, q, urgency]);

  const more = async () => {
    if (!page?.nextCursor) return;
    setBusy(true);
    try {
      const next = await api<LeadPage>('GET', query(status, q, urgency, page.nextCursor));
      setPage({ ...next, leads: [...page.leads, ...next.leads] });
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{t.inbox}</h1>
      <div role="tablist" aria-label={t.statusTabs} class="tabs">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={status === s}
            class={status === s ? 'tab selected' : 'tab'}
            onClick={() => setStatus(s)}
          >
            {t[s]} <span class="count">{page ? page.counts[s] : ''}</span>
          </button>
        ))}
      </div>
      <div class="filters">
        <div>
          <label for="search">{t.search}</label>
          <input id="search" type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <div>
          <label for="urgency">{t.urgency}</label>
          <select id="urgency" value={urgency} onChange={(e) => setUrgency(e.currentTarget.value)}>
            <option value="">{t.anyUrgency}</option>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t[u]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      {!page ? (
        <p aria-live="polite">{t.loading}</p>
      ) : page.leads.length === 0 ? (
        <p>{t.noLeads}</p>
      ) : (
        <ul class="leads">
          {page.leads.map((lead) => (
            <li key={lead.id} class={lead.unread ? 'lead unread' : 'lead'} data-lead-id={lead.id}>
              <a
                href={`/app/leads/${lead.id}`}
                onClick={(e) => {
                  if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                  e.preventDefault();
                  open(lead.id);
                }}
              >
                <span class="name">
                  {lead.name}
                  {lead.unread ? <span class="sr-only"> ({t.unread})</span> : null}
                </span>
                <span class="meta">
                  {intentLabel(lead, lang)}
                  {lead.urgency ? (
                    <span class={`urgency u-${lead.urgency}`}>{urgencyLabel(lead.urgency, t)}</span>
                  ) : null}
                  <time dateTime={lead.createdAt}>{formatDate(lead.createdAt, lang)}</time>
                </span>
                <span class="summary">{excerpt(lead.aiSummary ?? lead.aiSummaryEn ?? lead.aiSummaryFr)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {page?.nextCursor ? (
        <button type="button" onClick={more} disabled={busy}>
          {busy ? t.loading : t.loadMore}
        </button>
      ) : null}
    </main>
  );
}
