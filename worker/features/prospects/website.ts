import { getDomain } from 'tldts';

/**
 * The key a prospect is stored under: scheme and host of its site, lower case, without
 * "www." or a default port, so the same business found by two providers is one row.
 * Returns null for anything that is not an http(s) URL with a dotted host name.
 */
export function normalizeWebsite(input: string): string | null {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "mailto:info@example.ca" parses as https://mailto:info@example.ca: a user, not a site.
  if (url.username || url.password) return null;
  const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.') || host.startsWith('.')) return null;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}

/**
 * Hosts that list businesses rather than being one: a provider that gives
 * facebook.com/plomberie-x as the website has given no website (the page is kept as a
 * social profile), and every such business would otherwise collapse into one row.
 */
const DIRECTORY_DOMAINS = new Set([
  'facebook.com',
  'fb.com',
  'instagram.com',
  'linkedin.com',
  'twitter.com',
  'x.com',
  'tiktok.com',
  'youtube.com',
  'yelp.com',
  'yelp.ca',
  'pagesjaunes.ca',
  'yellowpages.ca',
  'google.com',
  'goo.gl',
  'g.page',
  'linktr.ee',
  'houzz.com',
  'kijiji.ca',
  'canpages.ca',
  'homestars.com',
  'renoquotes.com',
]);

/** The registrable domain of a normalised website (public suffix list, private suffixes included): the dedupe key. */
export function registrableDomain(website: string): string | null {
  const host = new URL(website).hostname;
  const domain = getDomain(host, { allowPrivateDomains: true });
  return domain ?? (host.includes('.') ? host : null);
}

export const isDirectoryDomain = (domain: string): boolean => DIRECTORY_DOMAINS.has(domain);

/**
 * A North American number as E.164 (+15145550142), the phone dedupe key; null for anything
 * else (an extension is dropped: it reaches the same business).
 */
export function normalizePhone(input: string | null | undefined): string | null {
  if (!input) return null;
  const main = input.split(/\s*(?:x|ext\.?|poste|#)\s*\d+\s*$/i)[0]!;
  const digits = main.replace(/\D/g, '');
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  // NANP: area code and exchange never start with 0 or 1.
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(national) ? `+1${national}` : null;
}
