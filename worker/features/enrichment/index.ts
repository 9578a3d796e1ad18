/**
 * The lead's life after the 201: triage, the summary in both languages, the automatic
 * reply and the client's notification, run from the JOBS queue, with a sweep for leads
 * whose message never arrived.
 */
export { type EnrichmentDeps, enrichmentDeps } from './deps';
export { enrichLeadJob } from './job';
export { type EnrichLeadMessage, enrichJobKey, enrichLeadMessageFor } from './message';
export { type EnrichOutcome, enrichLead } from './pipeline';
export { enrichmentSweep, findOwedEnrichments } from './sweep';
