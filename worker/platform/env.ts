import type { Language } from '../../schema/vocabulary';
import type { DatabaseAccess } from './db';
import type { QueueMessage } from './jobs/message';
import type { RateLimitBinding } from './rate-limits';

/** Bindings and variables the Worker receives (wrangler.toml, .dev.vars, `wrangler secret`). */
export type Env = Settings & Bindings & Record<RateLimitBinding, RateLimit>;

interface Settings {
  /** Postgres connection string: Neon in production, the embedded database locally. */
  DATABASE_URL: string;
  /**
   * `host:port/path` of a WebSocket-to-Postgres proxy, for a database that is not Neon
   * (the embedded one, or any Postgres). Unset on Neon, which speaks WebSocket itself.
   */
  DATABASE_WS_PROXY?: string;
  /** The demo client's id; set by `npm start` to serve `/demo` with its current key, unset in production. */
  DEMO_CLIENT_ID?: string;
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
  /** Secret. People Data Labs Company Search; unset: the provider is off. */
  PDL_API_KEY?: string;
  /** Secret. Apollo Organization Search; unset: the provider is off. */
  APOLLO_API_KEY?: string;
  /** Secret. Google Places Text Search (New); unset: the provider is off. */
  GOOGLE_PLACES_API_KEY?: string;
  /** Another base URL for a provider (a proxy, a test server); default its public API. */
  PDL_BASE_URL?: string;
  APOLLO_BASE_URL?: string;
  GOOGLE_PLACES_BASE_URL?: string;
  /** Per-request timeout for the prospect providers in milliseconds, default 15000. */
  PROVIDER_TIMEOUT_MS?: string;
  /**
   * The local demo sites' server (http://127.0.0.1:PORT), set by `npm start` only: turns on
   * the demo provider, and lets the fetcher read the demo sites' *.test hosts there. The one
   * exception to "public addresses only", refused unless it is a loopback address.
   */
  DEMO_SITES_ORIGIN?: string;
  /** Who the site fetcher says it crawls for, in its User-Agent, default Avenir. */
  OPERATOR_NAME?: string;
  /** The domain whose Email Routing delivers to this Worker's email() handler (e.g. in.avenir.example). */
  INBOUND_DOMAIN?: string;
  /** Secret, 32+ characters. Signs the tokens of the reply addresses handed out; unset: no mail is accepted. */
  INBOUND_TOKEN_SECRET?: string;
  /** Form tests: who signs the inquiry (a real person of the operator), default "OPERATOR_NAME team". */
  FORM_TEST_SENDER_NAME?: string;
  /** Form tests: a phone number to give when a form requires one; unset, such forms are not tested. */
  FORM_TEST_PHONE?: string;
  /** Form tests submitted per day at most, default 20. */
  FORM_TESTS_PER_DAY?: string;
  /** Hours without an answer before a test is a timeout, default 72. */
  FORM_TEST_TIMEOUT_HOURS?: string;
  /** Domains never form-tested, comma-separated (their subdomains included). */
  FORM_TEST_STOP_DOMAINS?: string;
  /** Outreach: a warmed-up mailbox's messages a day, default 50. */
  OUTREACH_MAILBOX_DAILY_CAP?: string;
  /** Outreach: a new mailbox's first-day messages and the daily increase after it, default 10 and 5. */
  OUTREACH_WARMUP_START?: string;
  OUTREACH_WARMUP_STEP?: string;
  /** Outreach: every mailbox together a day, default 500 (Google Workspace allows 2,000). */
  OUTREACH_GLOBAL_DAILY_CAP?: string;
  /** Outreach: the prospect's local sending hours, `start-end`, default 9-17. */
  OUTREACH_SENDING_HOURS?: string;
  /** Outreach: "on" also sends on Saturdays and Sundays (never by default). */
  OUTREACH_WEEKENDS?: string;
  /** Outreach: seconds between two messages of a mailbox and the random part added, default 90 and 60. */
  OUTREACH_SPACING_SECONDS?: string;
  OUTREACH_JITTER_SECONDS?: string;
  /** Outreach: the hard-bounce share of a campaign's last 50 sends that pauses it, default 0.05. */
  OUTREACH_BOUNCE_THRESHOLD?: string;
  /** Outreach: the sender identification's postal address when a campaign does not give one. */
  OUTREACH_POSTAL_ADDRESS?: string;
}

interface Bindings {
  /** The static assets of dist/public (wrangler.toml `[assets]`): the dashboard's index.html. */
  ASSETS: Fetcher;
  /** Background work (wrangler.toml `[[queues.producers]]`): each feature's registered jobs. */
  JOBS: Queue<QueueMessage>;
}

/** The signed-in dashboard session a request runs as (features/accounts sets it). */
export interface ActiveSession {
  id: string;
  /** The account that signed in. */
  accountId: string;
  /** Its email: who did what, in audit rows such as `lead_actions.performed_by`. */
  accountEmail: string;
  /** The client whose dashboard is shown: the account's own, or the one an internal account switched to. */
  clientId: string;
  isInternal: boolean;
  mustChangePassword: boolean;
}

/** Who sent the request, read once from its headers (platform/http/request-meta.ts). */
export interface RequestMeta {
  /** The visitor's address (`CF-Connecting-IP`), null when absent or not an IP address. */
  ip: string | null;
  /** `User-Agent`, cut to the length every table stores. */
  userAgent: string | null;
  origin: string | null;
  /** The language `Accept-Language` asks for among ours; null when it names neither. */
  language: Language | null;
}

/** Per-request values set by middleware. */
export interface Variables {
  db: DatabaseAccess;
  requestId: string;
  meta: RequestMeta;
  /** The dashboard session, on routes behind the session wall. */
  session: ActiveSession;
}

/** The one Hono context type every route and middleware uses. */
export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}
