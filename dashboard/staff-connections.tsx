import type { StaffConnectionRow } from '../schema/connection-health-api';
import { gapText, problemTitle } from './connection-health';
import { Badge, type Column, Table } from './design';
import { formatDate, type Lang, type Strings } from './i18n';
import { ErrorLine, useStaffView } from './staff-common';
import { CONNECTION_STRINGS } from './strings/connection';

/**
 * Every client's connection health for staff (the System screen): who needs help first —
 * a form that cannot send, then a quiet one, then refused submissions — with the problem
 * in the same words the client reads, and when its last lead came.
 */
export function StaffConnections(props: { t: Strings; lang: Lang }) {
  const { t, lang } = props;
  const s = CONNECTION_STRINGS[lang];
  const { view, error } = useStaffView<{ clients: StaffConnectionRow[]; windowDays: number }>('/staff/connections', t);
  const columns: Column<StaffConnectionRow>[] = [
    {
      key: 'client',
      header: s.staffClient,
      cell: (row) => (
        // One element: on a phone the cell is a grid of its label and its content.
        <div class="staff-connection-client">
          <strong>{row.businessName}</strong> {row.isTest ? <Badge>{s.staffTest}</Badge> : null}
          <br />
          <span class="hint">{row.email}</span>
        </div>
      ),
    },
    {
      key: 'problems',
      header: s.staffProblems,
      cell: (row) =>
        row.health.problems.length === 0 ? (
          <Badge tone="success">{s.staffNone}</Badge>
        ) : (
          <ul class="connection-badges">
            {row.health.problems.map((problem) => (
              <li key={problem.key}>
                <Badge tone={problem.kind === 'refused_origin' || problem.kind === 'old_key' ? 'danger' : 'warning'}>
                  {problemTitle(problem, lang)}
                </Badge>
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'last',
      header: s.staffLastLead,
      cell: (row) => {
        const { lastLeadAt, usualGapHours } = row.health;
        if (!lastLeadAt) return s.staffNever;
        const gap = usualGapHours === null ? '' : ` — ${s.usualGap(gapText(usualGapHours, lang))}`;
        return `${formatDate(lastLeadAt, lang)}${gap}`;
      },
    },
  ];
  return (
    <section class="card staff-connections" aria-labelledby="ss-connections-title">
      <header>
        <div>
          <h2 id="ss-connections-title">{s.staffTitle}</h2>
          <p>{s.staffHelp}</p>
        </div>
      </header>
      <ErrorLine text={error} />
      {view ? (
        <Table caption={s.staffCaption} columns={columns} rows={view.clients} rowKey={(row) => row.clientId} />
      ) : null}
    </section>
  );
}
