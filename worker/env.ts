import type { DatabaseAccess } from './db';
import type { JobMessage } from './jobs/messages';

/** Bindings and variables the Worker receives (wrangler.toml, .dev.vars, `wrangler secret`). */
export interface Env {
  /** Postgres connection string: Neon in production, the embedded database locally. */
  DATABASE_URL: string;
  /**
   * `host:port/path` of a WebSocket-to-Postgres proxy, for a database that is not Neon
   * (the embedded one, or any Postgres). Unset on Neon, which speaks WebSocket itself.
   */
  DATABASE_WS_PROXY?: string;
  /** The demo client's widget key; set by `npm start` to serve `/demo`, unset in production. */
  DEMO_WIDGET_KEY?: string;
  /** Background work: enrichment, discovery, outreach… */
  JOBS: Queue<JobMessage>;
  /** Public intake requests per visitor IP (wrangler.toml `ratelimits`). */
  IP_RATE_LIMIT: RateLimit;
  /** Public intake requests per client, whatever the IP. */
  KEY_RATE_LIMIT: RateLimit;
}

/** Per-request values set by middleware. */
export interface Variables {
  db: DatabaseAccess;
  requestId: string;
}

/** The one Hono context type every route and middleware uses. */
export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}
