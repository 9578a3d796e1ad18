/**
 * Prospect discovery, the operator's growth machine's first half: ICPs, providers (PDL,
 * Apollo, Google Places, CSV, the demo sites), one row per business, the site analysis with
 * its explained automation-need score, the semantic fit, and the daily prospect queue.
 */
export { ROBOTS_TOKEN } from './analysis/crawl';
export { type PageReading, readPage } from './analysis/read-page';
export { crawlerRoutes } from './crawler-routes';
export { CSV_MAX_BYTES as CSV_IMPORT_MAX_BYTES } from './csv-import';
export { crawlerFetcher } from './deps';
export { dailyProspectQueue, dailyProspectQueueJob, prospectAnalysisJob } from './jobs';
export { prospectRoutes } from './routes';
export { type Discovery, type UpsertOutcome, upsertProspect } from './upsert';
export { normalizePhone, normalizeWebsite, registrableDomain } from './website';
