import type { DatabaseAccess } from './db';
import type { JobMessage } from './jobs/messages';
import type { ActiveSession } from './services/sessions';

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
  /** "on" serves the dev mailer's outbox at /dev/outbox (`npm start` sets it); never in production. */
  DEV_OUTBOX?: string;
  /** The dashboard's origin, for links in emails (e.g. https://avenir.example.workers.dev). */
  APP_URL?: string;
  /** Secret. When set, triage, replies and translations use OpenAI; else the offline engine. */
  OPENAI_API_KEY?: string;
  /** Default gpt-4o-mini. */
  OPENAI_MODEL?: string;
  /** An OpenAI-compatible endpoint instead of api.openai.com (a proxy, a gateway, a test server). */
  OPENAI_BASE_URL?: string;
  /** Per-request timeout in milliseconds, default 20000. */
  OPENAI_TIMEOUT_MS?: string;
  /** Gmail API credentials (secrets); all four set sends mail through Gmail, else through the dev outbox. */
  GMAIL_CLIENT_ID?: string;
  GMAIL_CLIENT_SECRET?: string;
  GMAIL_REFRESH_TOKEN?: string;
  /** The Gmail address mail goes out from. */
  GMAIL_SENDER?: string;
  /** The From address of the dev outbox, default replies@avenir.local. */
  MAIL_FROM?: string;
  /** The static assets of dist/public (wrangler.toml `[assets]`): the dashboard's index.html. */
  ASSETS: Fetcher;
  /** Background work: enrichment, discovery, outreach… */
  JOBS: Queue<JobMessage>;
  /** Public intake requests per visitor IP (wrangler.toml `ratelimits`). */
  IP_RATE_LIMIT: RateLimit;
  /** Public intake requests per client, whatever the IP. */
  KEY_RATE_LIMIT: RateLimit;
  /** The dashboard's costly settings actions (test lead, key rotation) per client. */
  SETTINGS_ACTION_LIMIT: RateLimit;
}

/** Per-request values set by middleware. */
export interface Variables {
  db: DatabaseAccess;
  requestId: string;
  /** The dashboard session, on /api/app routes behind the session middleware. */
  session: ActiveSession;
}

/** The one Hono context type every route and middleware uses. */
export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}
