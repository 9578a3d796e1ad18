import { type Context, Hono } from 'hono';
import { leadErrorMessage, MAX_BODY_BYTES } from '../../schema/lead-form';
import type { Language } from '../../schema/vocabulary';
import { parseIpAddress } from '../domain/ip-address';
import { parseSubmission, preferredLanguage, type SubmissionErrors } from '../domain/submission';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { readBoundedText } from '../middleware/bounded-body';
import { captureLead, logRefusedIntake, type RequestContext } from '../services/intake';
import { isKnownOrigin, isOwnOrigin, resolveWidgetKey, type WidgetClient } from '../services/widget-keys';

/**
 * The public API the widget talks to: `POST /api/lead`, `GET /api/widget/config`, and
 * their CORS preflights. Every answer echoes the caller's Origin so the widget can read
 * refusals too; whether the origin may submit is decided per client.
 */
export const intake = new Hono<AppEnv>();

const RATE_PERIOD_SECONDS = 60;

intake.use('*', async (c, next) => {
  await next();
  const origin = c.req.header('Origin');
  if (origin && c.req.method !== 'OPTIONS') {
    c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id, Idempotent-Replayed');
    c.res.headers.append('Vary', 'Origin');
  }
});

intake.options('*', async (c) => {
  const origin = c.req.header('Origin');
  if (!origin || !(await isKnownOrigin(c.var.db, origin))) {
    throw new AppError(403, 'origin_not_allowed', 'This origin may not call the Avenir API.');
  }
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, X-Avenir-Key',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  });
});

intake.get('/widget/config', async (c) => {
  await limitByIp(c);
  const { client, preview } = await authorize(c, c.req.query('key'));
  return c.json(
    {
      businessName: client.businessName,
      requireConsent: client.requireConsent,
      bookingLink: client.bookingLink,
      language: client.language,
    },
    200,
    // The preview reloads right after a save and must show it.
    { 'Cache-Control': preview ? 'no-store' : 'public, max-age=300' },
  );
});

intake.post('/lead', async (c) => {
  const text = await readBoundedText(c.req.raw, MAX_BODY_BYTES);
  await limitByIp(c);
  const body = parseJsonObject(c, text);
  const key = typeof body.key === 'string' ? body.key : (c.req.header('X-Avenir-Key') ?? '');
  const { client, preview } = await authorize(c, key);
  const request = requestContext(c, key);

  if (!(await c.env.KEY_RATE_LIMIT.limit({ key: client.id })).success) {
    c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 429, { error: 'rate_limited' }));
    throw rateLimited(c);
  }

  const fallbackLanguage = preferredLanguage(c.req.header('Accept-Language')) ?? client.language;
  const parsed = parseSubmission(body, { requireConsent: client.requireConsent, fallbackLanguage });
  if (!parsed.ok) {
    const fields = Object.keys(parsed.errors);
    c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 422, { error: 'invalid_lead', fields }));
    throw invalidLead(parsed.errors, parsed.language);
  }

  // A lead from the dashboard's preview is a test lead, whatever the form said.
  const submission = preview ? { ...parsed.submission, test: true } : parsed.submission;
  const lead = await captureLead(c.var.db, c.env.JOBS, client, submission, request);
  if (!lead.created) c.header('Idempotent-Replayed', 'true');
  return c.json({ id: lead.id }, 201);
});

async function limitByIp(c: Context<AppEnv>): Promise<void> {
  const ip = c.req.header('CF-Connecting-IP') ?? 'unknown';
  if (!(await c.env.IP_RATE_LIMIT.limit({ key: ip })).success) throw rateLimited(c);
}

function rateLimited(c: Context<AppEnv>): AppError {
  c.header('Retry-After', String(RATE_PERIOD_SECONDS));
  return new AppError(429, 'rate_limited', `Too many requests. Try again in ${RATE_PERIOD_SECONDS} seconds.`);
}

/**
 * The client of the key, if the key is live and the request's origin is one it allows.
 * `preview`: the page is this Worker's own (the dashboard's preview, worker/routes/
 * widget-preview.ts), allowed for every live key; its leads are stored as test leads.
 */
async function authorize(
  c: Context<AppEnv>,
  key: string | undefined,
): Promise<{ client: WidgetClient; preview: boolean }> {
  const origin = c.req.header('Origin');
  const preview = isOwnOrigin({ url: c.req.url, origin, fetchSite: c.req.header('Sec-Fetch-Site') });
  // The preview reads the key afresh: it must show the settings just saved.
  const client = key ? await resolveWidgetKey(c.var.db, key, { fresh: preview }) : null;
  if (!client) throw new AppError(401, 'invalid_key', 'This widget key is unknown or has been revoked.');
  if (preview) return { client, preview };
  if (!origin || !client.allowedOrigins.includes(origin)) {
    if (key && c.req.method === 'POST') {
      const request = requestContext(c, key);
      c.executionCtx.waitUntil(logRefusedIntake(c.var.db, client, request, 403, { error: 'origin_not_allowed' }));
    }
    throw new AppError(
      403,
      'origin_not_allowed',
      `${origin ?? 'A request without an Origin'} is not among this form's allowed sites. Add it in the dashboard's settings.`,
    );
  }
  return { client, preview };
}

/** The body as a JSON object; the widget sends it as text/plain to skip the preflight. */
function parseJsonObject(c: Context<AppEnv>, text: string): Record<string, unknown> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/plain') {
    throw new AppError(415, 'unsupported_media_type', 'Send the lead as JSON (application/json or text/plain).');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError(415, 'not_json', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError(422, 'invalid_body', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function requestContext(c: Context<AppEnv>, key: string): RequestContext {
  return {
    key,
    endpoint: c.req.path,
    method: c.req.method,
    ip: parseIpAddress(c.req.header('CF-Connecting-IP')),
    userAgent: c.req.header('User-Agent') ?? null,
    origin: c.req.header('Origin') ?? null,
  };
}

const SUMMARY: Record<Language, string> = {
  en: 'Please check the highlighted fields.',
  fr: 'Veuillez vérifier les champs indiqués.',
};

function invalidLead(errors: SubmissionErrors, language: Language): AppError {
  const fields = Object.fromEntries(
    Object.entries(errors).map(([field, issue]) => [
      field,
      { issue, message: leadErrorMessage(language, field as Parameters<typeof leadErrorMessage>[1], issue) },
    ]),
  );
  return new AppError(422, 'invalid_lead', SUMMARY[language], { fields });
}
