import { useEffect, useRef, useState } from 'preact/hooks';
import { LEAD_ACTION_TYPES } from '../schema/vocabulary';
import { type ActivityPage, api } from './api';
import { formatDate, type Lang, type Strings } from './i18n';
import { errorText } from './sign-in';
import { actionText, actorText } from './timeline';

interface Filters {
  action: string;
  from: string;
  to: string;
}

function activityPath(filters: Filters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/activity?${query}` : '/activity';
}

/**
 * The activity log: every action on the client's leads, newest first, filterable by
 * action (the database's `action_type`) and date, in pages. The filters live in the URL.
 */
export function Activity(props: { t: Strings; lang: Lang; open: (id: string) => void }) {
  const { t, lang, open } = props;
  const [filters, setFilters] = useState<Filters>(() => {
    const params = new URLSearchParams(location.search);
    return { action: params.get('action') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  });
  const [page, setPage] = useState<ActivityPage | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const current = useRef(filters);
  current.current = filters;

  useEffect(() => {
    const query = activityPath(filters).slice('/activity'.length);
    history.replaceState(history.state, '', `/app/activity${query}`);
    const wanted = filters;
    api<ActivityPage>('GET', activityPath(filters))
      .then((fresh) => {
        if (current.current !== wanted) return;
        setPage(fresh);
        setError('');
      })
      .catch((caught) => setError(errorText(caught, t)));
  }, [filters]);

  const more = async () => {
    if (!page?.nextCursor) return;
    setBusy(true);
    try {
      const next = await api<ActivityPage>('GET', activityPath(filters, page.nextCursor));
      setPage({ ...next, activity: [...page.activity, ...next.activity] });
    } catch (caught) {
      setError(errorText(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const change = (patch: Partial<Filters>) => setFilters((old) => ({ ...old, ...patch }));

  return (
    <main>
      <h1>{t.activity}</h1>
      <div class="filters">
        <div>
          <label for="activity-action">{t.activityFilter}</label>
          <select
            id="activity-action"
            value={filters.action}
            onChange={(e) => change({ action: e.currentTarget.value })}
          >
            <option value="">{t.anyAction}</option>
            {LEAD_ACTION_TYPES.map((action) => (
              <option key={action} value={action}>
                {t.actionNames[action] ?? action}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="activity-from">{t.fromDate}</label>
          <input
            id="activity-from"
            type="date"
            value={filters.from}
            onChange={(e) => change({ from: e.currentTarget.value })}
          />
        </div>
        <div>
          <label for="activity-to">{t.toDate}</label>
          <input
            id="activity-to"
            type="date"
            value={filters.to}
            onChange={(e) => change({ to: e.currentTarget.value })}
          />
        </div>
      </div>
      <p class="error" role="alert">
        {error}
      </p>
      {!page ? (
        <p aria-live="polite">{t.loading}</p>
      ) : page.activity.length === 0 ? (
        <p>{t.activityEmpty}</p>
      ) : (
        <div class="table-scroll">
          <table class="activity">
            <thead>
              <tr>
                <th scope="col">{t.when}</th>
                <th scope="col">{t.activityFilter}</th>
                <th scope="col">{t.lead}</th>
                <th scope="col">{t.by}</th>
              </tr>
            </thead>
            <tbody>
              {page.activity.map((item) => (
                <tr key={item.id} data-action-id={item.id}>
                  <td>
                    <time dateTime={item.at}>{formatDate(item.at, lang)}</time>
                  </td>
                  <td>
                    {actionText(item, t, lang)}
                    {item.reversionReason ? <div class="reason">{t.reasonLabel(item.reversionReason)}</div> : null}
                  </td>
                  <td>
                    <a
                      href={`/app/leads/${item.leadId}`}
                      onClick={(e) => {
                        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
                        e.preventDefault();
                        open(item.leadId);
                      }}
                    >
                      {item.leadName}
                    </a>
                    {item.isTest ? <span class="badge">{t.testBadge}</span> : null}
                  </td>
                  <td>{actorText(item.performedBy, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.nextCursor ? (
        <button type="button" class="secondary" onClick={more} disabled={busy}>
          {busy ? t.loading : t.loadMore}
        </button>
      ) : null}
    </main>
  );
}
