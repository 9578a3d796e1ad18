import { type Context, Hono } from 'hono';
import { leadErrorMessage, MAX_BODY_BYTES } from '../../../schema/lead-form';
import type { Language } from '../../../schema/vocabulary';
import type { LeadAccepted, WidgetConfig } from '../../../schema/widget-api';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { readBoundedText } from '../../platform/http/bounded-body';
import { RATE_LIMITS } from '../../platform/rate-limits';
import { captureLead, logRefusedIntake, logRetiredKey, type RequestContext } from './capture';
import { autoReplyIsOn, promisesEmailCopy } from './email-copy';
import { recordIntakeFailure } from './failure-metric';
import { parseSubmission, type SubmissionErrors } from './submission';
import {
  isKnownOrigin,
  isOwnOrigin,
  isWidgetKey,
  resolveWidgetKey,
  WIDGET_KEY_CACHE_SECONDS,
  type WidgetClient,
} from './widget-keys';

/**
 * The public API the widget talks to: `POST /api/lead`, `GET /api/widget/config`, and
 * their CORS preflights. Every answer echoes the caller's Origin so the widget can read
 * refusals too; whether the origin may submit is decided per client.
 */
export const intakeRoutes = new Hono<AppEnv>();

intakeRoutes.use('*', async (c, next) => {
  await next();
  const origin = c.req.header('Origin');
  if (origin && c.req.method !== 'OPTIONS') {
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
    c.res.headers.append('Vary', 'Origin');
  }
});

// A failure of the form's endpoint is logged (performance_metrics, lead_api) after the
// answer; a stored lead's response time travels with its enrichment message instead.
intakeRoutes.use('/lead', async (c, next) => {
  const started = performance.now();
  await next();
  if (c.req.method !== 'POST' || c.res.status < 500) return;
  c.executionCtx.waitUntil(
    recordIntakeFailure(c.var.db, c.res.status, performance.now() - started).catch((error: unknown) =>
      console.error('intake failure not recorded', error),
    ),
  );
});

intakeRoutes.options('*', async (c) => {
  const origin = c.req.header('Origin');
  if (!origin || !(await isKnownOrigin(c.var.db, origin))) {
    throw new AppError('origin_not_allowed');
  }
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, X-Avenir-Key',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  });
});

intakeRoutes.get('/widget/config', async (c) => {
  await limitByIp(c);
  const { client, preview } = await authorize(c, c.req.query('key'));
  const config: WidgetConfig = {
    businessName: client.businessName,
    requireConsent: client.requireConsent,
    bookingLink: client.bookingLink,
    language: client.language,
  };
  return c.json(
    config,
    200,
    // The preview reloads right after a save and must show it.
    // No longer than an isolate trusts the key: a rotated key's form learns it is dead
    // within the minute the dashboard promises, not five later.
    { 'Cache-Control': preview ? 'no-store' : `public, max-age=${WIDGET_KEY_CACHE_SECONDS}` },
  );
});

intakeRoutes.post('/lead', async (c) => {
  const startedAt = performance.now();
  const text = await readBoundedText(c.req.raw, MAX_BODY_BYTES);
  await limitByIp(c);
  const body = parseJsonObject(c, text);
  const key = typeof body.key === 'string' ? body.key : (c.req.header('X-Avenir-Key') ?? '');
  const { client, preview } = await authorize(c, key);
  const request = { ...requestContext(c, key), startedAt };

  if (!(await c.env.KEY_RATE_LIMIT.limit({ key: client.id })).success) {
    c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 429, { error: 'rate_limited' }));
    throw rateLimited(c, RATE_LIMITS.KEY_RATE_LIMIT.periodSeconds);
  }

  const fallbackLanguage = c.var.meta.language ?? client.language;
  const parsed = parseSubmission(body, { requireConsent: client.requireConsent, fallbackLanguage });
  if (!parsed.ok) {
    const fields = Object.keys(parsed.errors);
    c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 422, { error: 'invalid_lead', fields }));
    throw invalidLead(parsed.errors, parsed.language);
  }

  // A lead from the dashboard's preview is a test lead, whatever the form said.
  const submission = preview ? { ...parsed.submission, test: true } : parsed.submission;
  // Read alongside the capture, and cached as the key is: a known client's lead stays one round trip.
  const [lead, autoReply] = await Promise.all([
    captureLead(c.var.db, c.env.JOBS, client, submission, request),
    autoReplyIsOn(c.var.db, client.id, { fresh: preview }),
  ]);
  if (!lead.created) c.header('Idempotent-Replayed', 'true');
  const accepted: LeadAccepted = {
    id: lead.id,
    emailCopy: promisesEmailCopy({ autoReply, spam: lead.spam, email: submission.email }),
  };
  return c.json(accepted, 201);
});

async function limitByIp(c: Context<AppEnv>): Promise<void> {
  const key = c.var.meta.ip ?? 'unknown';
  if (!(await c.env.IP_RATE_LIMIT.limit({ key })).success)
    throw rateLimited(c, RATE_LIMITS.IP_RATE_LIMIT.periodSeconds);
}

/** A limit's period is when it counts afresh: the one wait that surely works. */
function rateLimited(c: Context<AppEnv>, periodSeconds: number): AppError {
  c.header('Retry-After', String(periodSeconds));
  return new AppError(
    'rate_limited',
    bilingual(
      `Too many requests. Try again in ${periodSeconds} seconds.`,
      `Trop de requêtes. Réessayez dans ${periodSeconds} secondes.`,
    ),
  );
}

/**
 * The client of the key, if the key is live and the request's origin is one it allows.
 * `preview`: the page is this Worker's own (the dashboard's preview, features/settings/
 * widget-preview.ts), allowed for every live key; its leads are stored as test leads.
 */
async function authorize(
  c: Context<AppEnv>,
  key: string | undefined,
): Promise<{ client: WidgetClient; preview: boolean }> {
  const origin = c.req.header('Origin');
  // Browsers name the Origin of every POST, same-origin ones included: a POST without one
  // is not the preview, whatever Sec-Fetch-Site says. Only a same-origin GET goes without.
  const fetchSite = c.req.method === 'GET' ? c.req.header('Sec-Fetch-Site') : undefined;
  const preview = isOwnOrigin({ url: c.req.url, origin, fetchSite });
  // The preview reads the key afresh: it must show the settings just saved.
  const client = key ? await resolveWidgetKey(c.var.db, key, { fresh: preview }) : null;
  if (!client) {
    // A page's form asks for its config before it shows: a dead key on a page is seen there.
    if (key && isWidgetKey(key)) {
      c.executionCtx.waitUntil(logRetiredKey(c.var.db, requestContext(c, key)));
    }
    throw new AppError('invalid_key');
  }
  if (preview) return { client, preview };
  if (!origin || !client.allowedOrigins.includes(origin)) {
    // Logged on the config read too: a form on an unlisted site never gets as far as sending.
    if (key) {
      const request = requestContext(c, key);
      c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 403, { error: 'origin_not_allowed' }));
    }
    throw new AppError(
      'origin_not_allowed',
      bilingual(
        `${origin ?? 'A request without an Origin'} is not among this form's allowed sites. Add it in the dashboard's settings.`,
        `${origin ?? 'Une requête sans Origin'} ne fait pas partie des sites autorisés de ce formulaire. Ajoutez-le dans les réglages du tableau de bord.`,
      ),
    );
  }
  return { client, preview };
}

/** The body as a JSON object; the widget sends it as text/plain to skip the preflight. */
function parseJsonObject(c: Context<AppEnv>, text: string): Record<string, unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new AppError('unsupported_media_type');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('not_json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('invalid_body');
  }
  return body as Record<string, unknown>;
}

const requestContext = (c: Context<AppEnv>, key: string): RequestContext => ({
  key,
  endpoint: c.req.path,
  method: c.req.method,
  meta: c.var.meta,
});

function invalidLead(errors: SubmissionErrors, language: Language): AppError {
  const fields = Object.fromEntries(
    Object.entries(errors).map(([field, issue]) => [
      field,
      { issue, message: leadErrorMessage(language, field as Parameters<typeof leadErrorMessage>[1], issue) },
    ]),
  );
  // The visitor reads the form's language, whatever their browser's.
  return new AppError('invalid_lead', undefined, { fields }, language);
}
