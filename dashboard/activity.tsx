import { History } from 'lucide';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LEAD_ACTION_TYPES } from '../schema/vocabulary';
import { type ActivityPage, api, errorText } from './api';
import { AppLink, Badge, Button, type Column, EmptyState, PageHeader, Skeleton, Table } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { leadPath } from './router';
import { actionText, actorText } from './timeline';
import './strings/leads';

type ActivityItem = ActivityPage['activity'][number];

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

  const columns: Column<ActivityItem>[] = [
    { key: 'when', header: t.when, cell: (item) => <time dateTime={item.at}>{formatDate(item.at, lang)}</time> },
    {
      key: 'action',
      header: t.activityFilter,
      cell: (item) => (
        <>
          {actionText(item, t, lang)}
          {item.reversionReason ? <div class="reason">{t.reasonLabel(item.reversionReason)}</div> : null}
        </>
      ),
    },
    {
      key: 'lead',
      header: t.lead,
      cell: (item) => (
        <>
          <AppLink href={leadPath(item.leadId)} go={() => open(item.leadId)}>
            {item.leadName}
          </AppLink>
          {item.isTest ? <Badge tone="info">{t.testBadge}</Badge> : null}
        </>
      ),
    },
    { key: 'by', header: t.by, cell: (item) => actorText(item.performedBy, t) },
  ];

  return (
    <main class="activity-page">
      <PageHeader title={t.activity} description={t.activityIntro} />
      <div class="filters card">
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
        <Skeleton label={t.loading} lines={6} />
      ) : page.activity.length === 0 ? (
        <EmptyState id="activity-empty" icon={History} title={t.activityEmpty} />
      ) : (
        <div class="card">
          <Table
            class="activity"
            caption={t.activity}
            columns={columns}
            rows={page.activity}
            rowKey={(item) => item.id}
          />
        </div>
      )}
      {page?.nextCursor ? (
        <div class="load-more">
          <Button onClick={more} busy={busy}>
            {busy ? t.loading : t.loadMore}
          </Button>
        </div>
      ) : null}
    </main>
  );
}
