import type { SearchProvider } from '../../../schema/vocabulary';
import type { Embedder } from '../../platform/ai/embeddings';
import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import { createDatabasePacer } from '../../platform/fetch/host-pacing';
import { createDohResolver } from '../../platform/fetch/resolver';
import { createSafeFetcher, type OutboundFetcher } from '../../platform/fetch/safe-fetch';
import { appUrlFromEnv, embedderFromEnv } from '../../platform/wiring';
import { ROBOTS_TOKEN } from './analysis/crawl';
import type { ProspectProviderAdapter } from './providers/port';
import { providersFromEnv } from './providers/registry';

export interface ProspectDeps {
  fetcher: OutboundFetcher;
  embedder: Embedder;
  providers: Partial<Record<SearchProvider, ProspectProviderAdapter>>;
}

/** The User-Agent every request to a prospect's site carries: who crawls, and where to read why. */
export const crawlerUserAgent = (env: Env) =>
  `${ROBOTS_TOKEN}/1.0 (+${appUrlFromEnv(env)}/bot; ${env.OPERATOR_NAME?.trim() || 'Avenir'})`;

/** The one fetcher for prospects' sites (their pages, robots.txt, contact forms): paced, SSRF-safe, named. */
export function crawlerFetcher(env: Env, db: DatabaseAccess): OutboundFetcher {
  return createSafeFetcher({
    resolver: createDohResolver(),
    userAgent: crawlerUserAgent(env),
    pacer: createDatabasePacer(db),
    ...(env.DEMO_SITES_ORIGIN ? { demoSites: { origin: env.DEMO_SITES_ORIGIN } } : {}),
  });
}

/** Discovery's adapters from the Worker's bindings: the paced, SSRF-safe fetcher, the embedder, the configured providers. */
export function discoveryDeps(env: Env, db: DatabaseAccess): ProspectDeps {
  return {
    fetcher: crawlerFetcher(env, db),
    embedder: embedderFromEnv(env),
    providers: providersFromEnv(env),
  };
}
