import * as v from 'valibot';

/** A stored lead waiting for AI enrichment, the reply and the learning log. */
export interface EnrichLeadMessage {
  type: 'enrich_lead';
  leadId: string;
  clientId: string;
  /** A fresh id to re-run triage on an already enriched lead. */
  reenrichId?: string | undefined;
  /**
   * How long `POST /api/lead` took to store the lead, in ms: the triage step logs it as the
   * intake's response time (performance_metrics, lead_api), so the form pays no round trip for it.
   */
  intakeMs?: number | undefined;
}

/** What the pipeline needs of the message. */
export type EnrichRequest = Omit<EnrichLeadMessage, 'type'>;

const uuid = v.pipe(v.string(), v.uuid());

/** What a queue body must be to be an enrichment message. */
export const enrichLeadMessage = v.object({
  type: v.literal('enrich_lead'),
  leadId: uuid,
  clientId: uuid,
  reenrichId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
  intakeMs: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(600_000))),
}) satisfies v.GenericSchema<unknown, EnrichLeadMessage>;

/** The message that asks for a lead's enrichment. */
export const enrichLeadMessageFor = (lead: {
  leadId: string;
  clientId: string;
  intakeMs?: number | undefined;
}): EnrichLeadMessage => ({
  type: 'enrich_lead',
  ...lead,
});

/** The queue_jobs dedupe key of a lead's enrichment: one job per lead, and one per re-enrichment. */
export const enrichJobKey = (request: EnrichRequest) =>
  `enrich_lead:${request.leadId}${request.reenrichId ? `:${request.reenrichId}` : ''}`;
