import type { DatabaseAccess } from '../db';
import { TtlCache } from '../domain/ttl-cache';

/** What the public intake knows of the client behind a publishable key. */
export interface WidgetClient {
  id: string;
  businessName: string;
  language: 'en' | 'fr';
  bookingLink: string | null;
  allowedOrigins: string[];
  requireConsent: boolean;
  isTest: boolean;
}

const WIDGET_KEY = /^pk_(live|test)_[0-9A-Za-z]{24}$/;

// Settings changes (allowed origins, a rotated key) reach every isolate within a minute.
const KNOWN_TTL_MS = 60_000;
// Unknown keys are remembered briefly, so guessing keys costs the database little.
const UNKNOWN_TTL_MS = 10_000;

const keys = new TtlCache<string, WidgetClient | null>(5_000);
const origins = new TtlCache<string, boolean>(5_000);

/** The client of a widget key, or null; from the isolate's cache when it can. */
export async function resolveWidgetKey(db: DatabaseAccess, key: string): Promise<WidgetClient | null> {
  if (!WIDGET_KEY.test(key)) return null;
  const cached = keys.get(key);
  if (cached !== undefined) return cached;
  const [row] = await db.call('avenir_resolve_widget_key', key);
  const client: WidgetClient | null = row
    ? {
        id: row.id,
        businessName: row.business_name,
        language: row.language === 'fr' ? 'fr' : 'en',
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
