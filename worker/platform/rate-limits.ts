/**
 * The Worker's rate-limit bindings with the limit and period each is declared with in
 * wrangler.toml (`[[ratelimits]]`, counted per Cloudflare location). Answers quote the
 * period from here (`Retry-After`, "try again in a minute"); a test holds the two together.
 */
export const RATE_LIMITS = {
  /** Public intake requests per visitor IP. */
  IP_RATE_LIMIT: { limit: 20, periodSeconds: 60 },
  /** Public intake requests per client, whatever the IP. */
  KEY_RATE_LIMIT: { limit: 300, periodSeconds: 60 },
  /**
   * The dashboard's costly settings actions per client: a test lead runs the whole
   * pipeline, a key rotation breaks every embedded form until it is updated.
   */
  SETTINGS_ACTION_LIMIT: { limit: 10, periodSeconds: 60 },
} as const satisfies Record<string, { limit: number; periodSeconds: 10 | 60 }>;

export type RateLimitBinding = keyof typeof RATE_LIMITS;
