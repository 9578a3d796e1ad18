/**
 * Messages on the JOBS queue. Each kind of background work adds its message type to this
 * union and its handler to `jobs/handlers.ts`.
 */

/** A stored lead waiting for AI enrichment, the reply and the learning log. */
export interface EnrichLeadMessage {
  type: 'enrich_lead';
  leadId: string;
  clientId: string;
  /** A fresh id to re-run triage on an already enriched lead. */
  reenrichId?: string;
}

export type JobMessage = EnrichLeadMessage;
