import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './env';
import { database } from './middleware/database';
import { notFound, onError } from './middleware/errors';
import { appAuth } from './routes/app-auth';
import { appExport } from './routes/app-export';
import { appLeads } from './routes/app-leads';
import { appSettings } from './routes/app-settings';
import { dashboard } from './routes/dashboard';
import { demo } from './routes/demo';
import { dev } from './routes/dev';
import { health } from './routes/health';
import { intake } from './routes/intake';
import { widgetPreview } from './routes/widget-preview';

export const app = new Hono<AppEnv>();

app.use(requestId());
// Nothing the API returns is ever to be sniffed into HTML or script.
app.use(async (c, next) => {
  await next();
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
});
app.use(database);

app.route('/', health);
app.route('/api/app', appAuth);
// After appAuth: its /api/app/* middleware (CSRF, session) guards these routes too.
// Before appLeads: its /leads/:id would take /leads/export.csv for a lead id (and 404).
app.route('/api/app', appExport);
app.route('/api/app', appLeads);
app.route('/api/app', appSettings);
app.route('/api', intake);
// Before the dashboard's /app/* fallback, which would answer it with the SPA.
app.route('/', widgetPreview);
app.route('/', dashboard);
app.route('/', demo);
app.route('/', dev);

app.notFound(notFound);
app.onError(onError);
