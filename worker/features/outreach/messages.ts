import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/** Outreach's queue messages: a scheduler run, and one open or click as the tracking routes saw it. */

export interface OutreachSendMessage extends QueueMessage {
  type: 'outreach_send';
  /** The cron's minute (or the operator's run): one queue_jobs row per run, whatever the deliveries. */
  runKey: string;
}

export const outreachSendMessage = v.object({
  type: v.literal('outreach_send'),
  runKey: v.pipe(v.string(), v.maxLength(100)),
});

/** Headers kept of a tracking request: what tells a browser from a scanner, nothing that identifies more. */
export const KEPT_HEADERS = [
  'accept',
  'accept-language',
  'accept-encoding',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'sec-fetch-user',
  'sec-purpose',
  'purpose',
  'x-purpose',
  'x-moz',
  'upgrade-insecure-requests',
] as const;

export interface OutreachEventMessage extends QueueMessage {
  type: 'outreach_event';
  /** Made at the request: the outreach_tracking row's id, so a redelivery inserts nothing twice. */
  eventId: string;
  kind: 'open' | 'click';
  emailId: string;
  url: string | null;
  at: string;
  method: string;
  userAgent: string | null;
  ip: string | null;
  headers: Record<string, string>;
}

export const outreachEventMessage = v.object({
  type: v.literal('outreach_event'),
  eventId: v.pipe(v.string(), v.uuid()),
  kind: v.picklist(['open', 'click']),
  emailId: v.pipe(v.string(), v.uuid()),
  url: v.nullable(v.pipe(v.string(), v.maxLength(2_000))),
  at: v.pipe(v.string(), v.isoTimestamp()),
  method: v.pipe(v.string(), v.maxLength(10)),
  userAgent: v.nullable(v.pipe(v.string(), v.maxLength(512))),
  ip: v.nullable(v.pipe(v.string(), v.maxLength(45))),
  headers: v.record(v.string(), v.pipe(v.string(), v.maxLength(512))),
});
