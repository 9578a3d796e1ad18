import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { TtlCache } from '../../platform/ttl-cache';

/** What the public intake knows of the client behind a publishable key. */
export interface WidgetClient {
  id: string;
  businessName: string;
  language: Language;
  bookingLink: string | null;
  allowedOrigins: string[];
  requireConsent: boolean;
  isTest: boolean;
}

const WIDGET_KEY = /^pk_(live|test)_[0-9A-Za-z]{24}$/;

/** Whether `key` has the shape of a widget key (anything else is not worth a database read). */
export const isWidgetKey = (key: string): boolean => WIDGET_KEY.test(key);

/** How long an isolate trusts what it read of a key: settings changes (allowed origins, a rotated key) reach every isolate within it. */
export const WIDGET_KEY_CACHE_SECONDS = 60;
const KNOWN_TTL_MS = WIDGET_KEY_CACHE_SECONDS * 1_000;
// Unknown keys are remembered briefly, so guessing keys costs the database little.
const UNKNOWN_TTL_MS = 10_000;

const keys = new TtlCache<string, WidgetClient | null>(5_000);
const origins = new TtlCache<string, boolean>(5_000);

/**
 * The client of a widget key, or null; from the isolate's cache when it can. `fresh` reads
 * the database (and refreshes the cache): the dashboard's preview must show the settings
 * just saved, not those an isolate cached up to a minute ago.
 */
export async function resolveWidgetKey(
  db: DatabaseAccess,
  key: string,
  options: { fresh?: boolean } = {},
): Promise<WidgetClient | null> {
  if (!isWidgetKey(key)) return null;
  const cached = options.fresh ? undefined : keys.get(key);
  if (cached !== undefined) return cached;
  const [row] = await db.call('avenir_resolve_widget_key', key);
  const client: WidgetClient | null = row
    ? {
        id: row.id,
        businessName: row.business_name,
        language: row.language,
        bookingLink: row.booking_link,
        allowedOrigins: row.allowed_origins,
        requireConsent: row.require_consent,
        isTest: row.is_test,
      }
    : null;
  keys.set(key, client, client ? KNOWN_TTL_MS : UNKNOWN_TTL_MS);
  return client;
}

/** Whether any client allows `origin`; answers CORS preflights, which carry no key. */
export async function isKnownOrigin(db: DatabaseAccess, origin: string): Promise<boolean> {
  const cached = origins.get(origin);
  if (cached !== undefined) return cached;
  const [row] = await db.call('avenir_origin_is_allowed', origin);
  const allowed = row?.avenir_origin_is_allowed === true;
  origins.set(origin, allowed, allowed ? KNOWN_TTL_MS : UNKNOWN_TTL_MS);
  return allowed;
}

/**
 * Whether a widget request comes from a page this Worker serves itself (the dashboard's
 * preview of the form), not from a customer's site: its Origin is the origin the request
 * was sent to. A same-origin GET carries no Origin in browsers; `Sec-Fetch-Site:
 * same-origin`, which page scripts cannot set, says the same then. Browsers name the Origin
 * of every other request, so the caller passes `fetchSite` for a GET only. Such leads are
 * test leads whatever the client's allowed origins say. APP_URL is not counted: `npm
 * start`'s /demo page is on the other loopback name on purpose, a customer's site in
 * miniature.
 */
export function isOwnOrigin(request: { url: string; origin: string | undefined; fetchSite: string | undefined }) {
  if (request.origin !== undefined) return request.origin === new URL(request.url).origin;
  return request.fetchSite === 'same-origin';
}
