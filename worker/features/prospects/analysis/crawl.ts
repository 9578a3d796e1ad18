import type { FetchedPageEvidence } from '../../../../schema/prospects-api';
import { fetchRobots, type RobotsRules } from '../../../platform/fetch/robots';
import { FetchRefused, type OutboundFetcher } from '../../../platform/fetch/safe-fetch';
import { type PageReading, readPage, resolveUrl } from './read-page';

/**
 * Reads a prospect's site as a polite visitor: robots.txt first, then the home page and at
 * most three more (contact, about, the other language's home), each through the one
 * outbound fetcher (public addresses only after every redirect, size and time limits, one
 * request a second per host).
 */

export const MAX_PAGES = 4;
/** The robots.txt token the fetcher's User-Agent starts with. */
export const ROBOTS_TOKEN = 'AvenirBot';
const PAGE_TIMEOUT_MS = 10_000;
const PAGE_MAX_BYTES = 2_000_000;

export type CrawlFailure =
  | 'robots_disallowed'
  | 'refused_address'
  | 'timeout'
  | 'unreachable'
  | 'too_many_redirects'
  | 'http_error'
  | 'not_html'
  | 'too_large';

export interface Crawl {
  pages: PageReading[];
  fetched: FetchedPageEvidence[];
  /** Why the home page could not be read; the other pages' errors are in `fetched`. */
  failure: { reason: CrawlFailure; message: string } | null;
  /** The home page's final address, after redirects. */
  finalUrl: string | null;
}

const CONTACT = /contact|nous-?joindre|joindre|contactez|coordonn|rejoindre|[ée]crivez|soumission|quote|devis/i;
const ABOUT =
  /about|a-?propos|à-?propos|qui-sommes|notre-?[ée]quipe|[ée]quipe|notre-?entreprise|histoire|our-?story|team/i;
const OTHER_LANGUAGE = /^\/(en|fr)(\/|$)|[?&]lang=(en|fr)/i;

/** The pages worth reading beyond the home page, in order, on the same site. */
export function pagesToRead(home: PageReading, origin: string): string[] {
  const sameSite = home.links
    .map((link) => ({ url: resolveUrl(link.href, home.url), text: link.text }))
    .filter((link): link is { url: string; text: string } => link.url !== null && new URL(link.url).origin === origin)
    .map((link) => ({ ...link, url: link.url.split('#')[0]! }))
    .filter(
      (link) => link.url !== home.url && !/\.(pdf|jpe?g|png|gif|webp|zip|docx?)$/i.test(new URL(link.url).pathname),
    );
  const pick = (pattern: RegExp) =>
    sameSite.find((link) => pattern.test(new URL(link.url).pathname) || pattern.test(link.text))?.url ?? null;
  const otherLanguage =
    sameSite.find((link) => {
      const path = new URL(link.url).pathname + new URL(link.url).search;
      return OTHER_LANGUAGE.test(path) && /^(en|fr|english|français|francais)$/i.test(link.text.trim());
    })?.url ?? null;
  const chosen = [pick(CONTACT), pick(ABOUT), otherLanguage].filter((url): url is string => url !== null);
  return [...new Set(chosen)].slice(0, MAX_PAGES - 1);
}

function failureOf(error: unknown): { reason: CrawlFailure; message: string } {
  if (error instanceof FetchRefused) {
    const reason: CrawlFailure =
      error.reason === 'timeout'
        ? 'timeout'
        : error.reason === 'too_many_redirects' || error.reason === 'redirect_loop'
          ? 'too_many_redirects'
          : error.reason === 'network' || error.reason === 'unresolvable'
            ? 'unreachable'
            : 'refused_address';
    return { reason, message: error.message };
  }
  return { reason: 'unreachable', message: (error as Error).message };
}

/** Why an unreadable robots.txt stops the crawl: the server's error, its silence, or its redirects. */
function robotsFailure(failure: NonNullable<RobotsRules['failure']>): { reason: CrawlFailure; message: string } {
  if ('status' in failure) {
    return { reason: 'http_error', message: `the site answered HTTP ${failure.status} for its robots.txt` };
  }
  if (failure.refused === 'timeout') return { reason: 'timeout', message: 'the site did not answer in time' };
  if (failure.refused === 'too_many_redirects' || failure.refused === 'redirect_loop') {
    return { reason: 'too_many_redirects', message: 'its robots.txt redirects without end' };
  }
  return { reason: 'unreachable', message: 'the site did not answer for its robots.txt' };
}

const isHtml = (contentType: string | null) => !contentType || /text\/html|application\/xhtml/i.test(contentType);

export async function crawlSite(fetcher: OutboundFetcher, website: string, now: () => Date): Promise<Crawl> {
  const fetched: FetchedPageEvidence[] = [];
  const pages: PageReading[] = [];
  const origin = new URL(website).origin;
  let robots: RobotsRules;
  try {
    robots = await fetchRobots(fetcher, origin, ROBOTS_TOKEN);
  } catch (error) {
    return { pages, fetched, failure: failureOf(error), finalUrl: null };
  }

  const read = async (url: string): Promise<{ page: PageReading | null; failure: Crawl['failure'] }> => {
    if (!robots.isAllowed(url)) {
      // A robots.txt that could not be read forbids everything: say which it was.
      const failure = robots.failure
        ? robotsFailure(robots.failure)
        : ({ reason: 'robots_disallowed', message: 'robots.txt disallows this page' } as const);
      const error = robots.failure ? 'robots.txt could not be read' : 'robots.txt disallows it';
      fetched.push({ url, status: null, error, title: null, fetchedAt: now().toISOString() });
      return { page: null, failure };
    }
    try {
      const response = await fetcher.fetch(url, {
        timeoutMs: PAGE_TIMEOUT_MS,
        maxBytes: PAGE_MAX_BYTES,
        accept: 'text/html',
        ...(robots.crawlDelaySeconds ? { crawlDelayMs: robots.crawlDelaySeconds * 1000 } : {}),
      });
      const entry: FetchedPageEvidence = {
        url: response.url,
        status: response.status,
        error: null,
        title: null,
        fetchedAt: now().toISOString(),
      };
      fetched.push(entry);
      if (response.status >= 400) {
        entry.error = `HTTP ${response.status}`;
        return { page: null, failure: { reason: 'http_error', message: `the page answered HTTP ${response.status}` } };
      }
      if (!isHtml(response.contentType)) {
        entry.error = `not a web page (${response.contentType})`;
        return { page: null, failure: { reason: 'not_html', message: `not a web page: ${response.contentType}` } };
      }
      if (response.truncated) {
        entry.error = `larger than ${PAGE_MAX_BYTES / 1_000_000} MB`;
        return {
          page: null,
          failure: { reason: 'too_large', message: 'the page is larger than a web page should be' },
        };
      }
      const page = readPage(response.text, response.url);
      entry.title = page.title;
      return { page, failure: null };
    } catch (error) {
      const failure = failureOf(error);
      fetched.push({ url, status: null, error: failure.message, title: null, fetchedAt: now().toISOString() });
      return { page: null, failure };
    }
  };

  const home = await read(`${origin}/`);
  if (!home.page) return { pages, fetched, failure: home.failure, finalUrl: null };
  pages.push(home.page);
  const finalOrigin = new URL(home.page.url).origin;
  // The home page moved (example.ca → www.example.ca): the pages past it follow that site's robots.txt.
  if (finalOrigin !== origin) {
    try {
      robots = await fetchRobots(fetcher, finalOrigin, ROBOTS_TOKEN);
    } catch {
      // Its robots.txt is out of reach: the home page read is what the site gives.
      return { pages, fetched, failure: null, finalUrl: home.page.url };
    }
  }
  const visited = new Set([home.page.url, `${origin}/`]);
  const queue = pagesToRead(home.page, finalOrigin);
  let requested = 1;
  while (queue.length > 0 && requested < MAX_PAGES) {
    const url = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    requested++;
    const next = await read(url);
    if (!next.page) continue;
    pages.push(next.page);
    // A language splash page (Français | English) links to a home whose own links lead to the contact page.
    for (const more of pagesToRead(next.page, finalOrigin))
      if (!visited.has(more) && !queue.includes(more)) queue.push(more);
  }
  return { pages, fetched, failure: null, finalUrl: home.page.url };
}
