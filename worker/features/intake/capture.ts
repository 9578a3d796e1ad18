import type { DatabaseAccess } from '../../platform/db';
import type { RequestMeta } from '../../platform/env';
import { keyPrefix } from '../../platform/identifiers';
import type { QueueMessage } from '../../platform/jobs/message';
import { TtlCache } from '../../platform/ttl-cache';
import { enrichLeadMessageFor } from '../enrichment';
import { spamReason } from './spam';
import type { LeadSubmission } from './submission';
import type { WidgetClient } from './widget-keys';

/** Who sent it and to which endpoint, for the integration log. */
export interface RequestContext {
  key: string;
  endpoint: string;
  method: string;
  meta: RequestMeta;
  /** `performance.now()` when the request arrived: the stored lead's response time counts from it. */
  startedAt?: number | undefined;
}

export interface CapturedLead {
  id: string;
  /** False when the idempotency key matched an earlier submission. */
  created: boolean;
  spam: boolean;
}

/**
 * Stores a lead in one database round trip, then queues its enrichment. A lead answered
 * 201 is in the database whatever happens to the queue: a sweep re-queues leads that were
 * never enriched.
 */
export async function captureLead(
  db: DatabaseAccess,
  jobs: Queue<QueueMessage>,
  client: WidgetClient,
  submission: LeadSubmission,
  request: RequestContext,
): Promise<CapturedLead> {
  const spam = spamReason({ honeypot: submission.honeypot, elapsedMs: submission.elapsedMs });
  const [row] = await db.call(
    'avenir_capture_lead',
    client.id,
    {
      name: submission.name,
      email: submission.email,
      phone: submission.phone ?? null,
      message: submission.message,
      language: submission.language,
      consent: submission.consent,
      is_spam: spam !== null,
      spam_reason: spam,
      idempotency_key: submission.idempotencyKey ?? null,
      is_test: client.isTest || submission.test,
      metadata: {
        page: submission.page,
        referrer: submission.referrer,
        origin: request.meta.origin,
        userAgent: request.meta.userAgent,
        elapsedMs: submission.elapsedMs,
      },
    },
    integrationLog(request, submission),
  );
  if (!row) throw new Error('avenir_capture_lead returned no row');
  const captured = { id: row.lead_id, created: row.created, spam: spam !== null };
  if (captured.created && !captured.spam) {
    try {
      const intakeMs = request.startedAt === undefined ? undefined : performance.now() - request.startedAt;
      await jobs.send(enrichLeadMessageFor({ leadId: captured.id, clientId: client.id, intakeMs }));
    } catch (error) {
      // Stored already; the enrichment sweep will find it.
      console.error(`lead ${captured.id}: enrich message not queued`, error);
    }
  }
  return captured;
}

/** Logs a refused intake request of a known client (best effort, off the hot path). */
export async function logRefusedIntake(
  db: DatabaseAccess,
  client: WidgetClient,
  request: RequestContext,
  status: number,
  responseBody: unknown,
): Promise<void> {
  try {
    await db.call('avenir_log_intake', client.id, {
      ...integrationLog(request, undefined),
      response_status: status,
      response_body: responseBody,
    });
  } catch (error) {
    console.error('integration log not written', error);
  }
}

/**
 * A request signed with a key its client rotated away from, logged under that client (best
 * effort, off the hot path); a key that was never anyone's is not logged.
 */
export async function logRetiredKey(db: DatabaseAccess, request: RequestContext): Promise<void> {
  // A key no client ever had is remembered as such for a while, as resolveWidgetKey
  // remembers it unknown: guessing keys costs the database little.
  if (neverIssued.get(request.key)) return;
  try {
    const [row] = await db.call('avenir_log_retired_key', request.key, integrationLog(request, undefined));
    if (!row?.avenir_log_retired_key) neverIssued.set(request.key, true, NEVER_ISSUED_TTL_MS);
  } catch (error) {
    console.error('integration log not written', error);
  }
}

const NEVER_ISSUED_TTL_MS = 10_000;
const neverIssued = new TtlCache<string, true>(5_000);

/**
 * The page's site as a browser names it ("https://www.example.ca"), or null for anything
 * else a client that is not a browser may send ("null" from a sandboxed frame, free text):
 * only a real origin reaches the log, the client's card and its email.
 */
export function siteOrigin(header: string | null): string | null {
  if (!header) return null;
  try {
    const url = new URL(header);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === header ? header : null;
  } catch {
    return null;
  }
}

/** What the integration log keeps of a request: its shape and site, never the visitor's words. */
function integrationLog(request: RequestContext, submission: LeadSubmission | undefined) {
  return {
    api_key: keyPrefix(request.key),
    endpoint: request.endpoint,
    method: request.method,
    ip_address: request.meta.ip,
    user_agent: request.meta.userAgent,
    origin: siteOrigin(request.meta.origin),
    request_body: submission
      ? {
          fields: ['name', 'email', ...(submission.phone ? ['phone'] : []), 'message'],
          messageLength: submission.message.length,
          consent: submission.consent,
          language: submission.language,
          elapsedMs: submission.elapsedMs ?? null,
          honeypotFilled: Boolean(submission.honeypot),
          test: submission.test,
        }
      : null,
  };
}
