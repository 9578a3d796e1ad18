import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { accountRoutes, authRetention, dashboardGuard } from './features/accounts';
import {
  connectionHealthCron,
  connectionHealthJob,
  connectionHealthRoutes,
  integrationLogRetentionJob,
} from './features/connection-health';
import { dashboardRoutes } from './features/dashboard';
import { demoRoutes, outboxRoutes } from './features/dev';
import { enrichLeadJob, enrichmentSweep } from './features/enrichment';
import {
  formTestInbound,
  formTestRoutes,
  formTestsJob,
  formTestTimeouts,
  formTestTimeoutsJob,
} from './features/form-testing';
import { healthRoutes } from './features/health';
import { homeRoutes } from './features/home';
import { inboxRoutes } from './features/inbox';
import { digestRoutes, insightsRoutes, intelligenceAnalysisJob, weeklyInsights } from './features/insights';
import { intakeRoutes } from './features/intake';
import {
  correctionRoutes,
  learningDaily,
  learningRetentionJob,
  learningStaffRoutes,
  promptExperimentJob,
  promptRoutes,
} from './features/learning';
import {
  outreachEventJob,
  outreachGmailSync,
  outreachGmailSyncJob,
  outreachInbound,
  outreachPersonaliseJob,
  outreachRoutes,
  outreachScheduler,
  outreachSendJob,
  trackingRoutes,
} from './features/outreach';
import {
  CSV_IMPORT_MAX_BYTES,
  crawlerRoutes,
  dailyProspectQueue,
  dailyProspectQueueJob,
  prospectAnalysisJob,
  prospectRoutes,
} from './features/prospects';
import { settingsRoutes, widgetPreviewRoutes } from './features/settings';
import { staffRoutes } from './features/staff';
import { translationRoutes } from './features/translation';
import type { AppEnv } from './platform/env';
import { boundedBody, DASHBOARD_MAX_BODY_BYTES } from './platform/http/bounded-body';
import { database } from './platform/http/database';
import { notFound, onError } from './platform/http/error-envelope';
import { requestMeta } from './platform/http/request-meta';
import { cronRegistry, jobRegistry } from './platform/jobs/registry';

/** The Worker's table of contents: every route, queued job and cron, by the feature that owns it. */

export const app = new Hono<AppEnv>();

app.use(requestId(), requestMeta, database);
// Nothing the API returns is ever to be sniffed into HTML or script.
app.use(async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
});

app.route('/', healthRoutes);

// The dashboard API: every route behind CSRF and the session wall (sign-in excepted), and
// every body bounded before a validator reads it (sign-in's included: it is public). The
// CSV import takes files.
app.use(
  '/api/app/*',
  ...dashboardGuard,
  boundedBody(DASHBOARD_MAX_BODY_BYTES, { '/api/app/staff/prospects/import': CSV_IMPORT_MAX_BYTES }),
);
app.route('/api/app', accountRoutes);
app.route('/api/app', staffRoutes);
app.route('/api/app', learningStaffRoutes);
app.route('/api/app', promptRoutes);
app.route('/api/app', prospectRoutes);
app.route('/api/app', formTestRoutes);
app.route('/api/app', outreachRoutes);
app.route('/api/app', homeRoutes);
app.route('/api/app', connectionHealthRoutes);
app.route('/api/app', translationRoutes);
app.route('/api/app', insightsRoutes);
app.route('/api/app', inboxRoutes);
app.route('/api/app', correctionRoutes);
app.route('/api/app', settingsRoutes);

// The public API the widget talks to. After /api/app: its CORS answers are for the widget.
app.route('/api', intakeRoutes);

// Before the dashboard's /app/* fallback, which would answer it with the SPA.
app.route('/', widgetPreviewRoutes);
app.route('/', digestRoutes);
app.route('/', crawlerRoutes);
app.route('/', trackingRoutes);
app.route('/', dashboardRoutes);
app.route('/', demoRoutes);
app.route('/', outboxRoutes);

app.notFound(notFound);
app.onError(onError);

/** Work on the JOBS queue, by message type. */
export const jobs = jobRegistry([
  enrichLeadJob,
  intelligenceAnalysisJob,
  learningRetentionJob,
  promptExperimentJob,
  dailyProspectQueueJob,
  prospectAnalysisJob,
  formTestsJob,
  formTestTimeoutsJob,
  outreachSendJob,
  outreachEventJob,
  outreachGmailSyncJob,
  outreachPersonaliseJob,
  connectionHealthJob,
  integrationLogRetentionJob,
]);

/** Work on a schedule: each cron of wrangler.toml `[triggers]`, and only those. */
export const crons = cronRegistry([
  enrichmentSweep,
  authRetention,
  weeklyInsights,
  learningDaily,
  dailyProspectQueue,
  formTestTimeouts,
  outreachScheduler,
  outreachGmailSync,
  connectionHealthCron,
]);

/** Mail to the addresses Avenir hands out, by the purpose their signed token names. */
export const inboundHandlers = [formTestInbound, outreachInbound];
