import { Hono } from 'hono';
import type { ConnectionHealthView, StaffConnectionRow } from '../../../schema/connection-health-api';
import type { AppEnv } from '../../platform/env';
import { requireInternal } from '../accounts';
import { HEALTH_WINDOW_DAYS, readHealthInputs } from './read';
import { byNeed, healthView, staffRow } from './view';

/**
 * Connection health under /api/app: the session's client reads its own in its tenant
 * transaction (row-level security decides what exists); staff read every client's, sorted
 * by who needs help first.
 */
export const connectionHealthRoutes = new Hono<AppEnv>();

connectionHealthRoutes.get('/connection-health', async (c) => {
  const { clientId } = c.var.session;
  const [read] = await c.var.db.tenant(clientId, (tx) => readHealthInputs(tx, { clientId }, new Date()));
  // The session's own client exists (sessions reference clients on delete cascade); an
  // internal account has no form of its own and reads an empty view.
  const view: ConnectionHealthView = read
    ? healthView(read, HEALTH_WINDOW_DAYS)
    : {
        status: 'no_history',
        problems: [],
        lastLeadAt: null,
        usualGapHours: null,
        windowDays: HEALTH_WINDOW_DAYS,
        sites: [],
      };
  return c.json(view);
});

connectionHealthRoutes.get('/staff/connections', requireInternal, async (c) => {
  const reads = await c.var.db.service((tx) => readHealthInputs(tx, 'all', new Date()));
  const rows: StaffConnectionRow[] = reads.map((read) => staffRow(read, HEALTH_WINDOW_DAYS)).sort(byNeed);
  return c.json({ clients: rows, windowDays: HEALTH_WINDOW_DAYS });
});
