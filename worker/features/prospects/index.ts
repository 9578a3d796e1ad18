/** The operator's prospect pool: one row per website, however many providers find it. */
export { type DiscoveredProspect, type UpsertedProspect, upsertProspect } from './upsert';
export { normalizeWebsite } from './website';
