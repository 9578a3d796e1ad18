import robotsParser from 'robots-parser';
import { FetchRefused, type FetchRefusedReason, type OutboundFetcher } from './safe-fetch';

/** What a site's robots.txt lets the crawler do (RFC 9309). */
export interface RobotsRules {
  /**
   * Whether `url` may be fetched. Only URLs on the origin asked about (or on the origin its
   * robots.txt redirected to) are answered by these rules; any other URL is refused.
   */
  isAllowed(url: string): boolean;
  /** The Crawl-delay the file asks of this user agent, in seconds; null when none. */
  crawlDelaySeconds: number | null;
  /** 'file': the rules of a robots.txt; 'none': there is none, all is allowed; 'unreachable': nothing is. */
  source: 'file' | 'none' | 'unreachable';
  /** Why it is 'unreachable': the status the server answered (5xx, 429), or why no answer came. */
  failure: { status: number } | { refused: FetchRefusedReason } | null;
}

/** Google's limit: the rest of a larger file is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
const ROBOTS_TIMEOUT_MS = 10_000;

/** Refusals that mean the site gave no answer, rather than that the site may not be fetched at all. */
const NO_ANSWER: ReadonlySet<FetchRefusedReason> = new Set([
  'timeout',
  'network',
  'unresolvable',
  'too_many_redirects',
  'redirect_loop',
]);

/**
 * Fetches and reads `${origin}/robots.txt`. A 2xx answer gives the file's rules; a 4xx
 * (there is none) allows everything; a 5xx, a 429, a timeout or no answer at all allows
 * nothing: a site that cannot answer is not crawled. Redirects are followed by the
 * fetcher. A FetchRefused that says the origin itself may not be fetched (a private
 * address, a refused host or scheme) is thrown, as fetching its pages would be refused too.
 */
export async function fetchRobots(
  fetcher: OutboundFetcher,
  origin: string,
  userAgentToken: string,
): Promise<RobotsRules> {
  const base = new URL(origin).origin;
  const robotsUrl = `${base}/robots.txt`;
  let page: Awaited<ReturnType<OutboundFetcher['fetch']>>;
  try {
    page = await fetcher.fetch(robotsUrl, {
      accept: 'text/plain',
      maxBytes: ROBOTS_MAX_BYTES,
      timeoutMs: ROBOTS_TIMEOUT_MS,
    });
  } catch (error) {
    if (error instanceof FetchRefused && NO_ANSWER.has(error.reason)) return unreachable({ refused: error.reason });
    throw error;
  }
  const origins = new Set([base, safeOrigin(page.url)]);
  const onSite = (url: string): URL | null => {
    try {
      const parsed = new URL(url);
      return origins.has(parsed.origin) ? parsed : null;
    } catch {
      return null;
    }
  };
  if (page.status >= 200 && page.status < 300) {
    const robot = robotsParser(robotsUrl, page.text);
    const delay = robot.getCrawlDelay(userAgentToken);
    return {
      source: 'file',
      failure: null,
      crawlDelaySeconds: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : null,
      isAllowed(url) {
        const parsed = onSite(url);
        // Asked on the robots.txt's own origin, so a page of the origin it redirected to is judged by the same rules.
        return parsed !== null && robot.isAllowed(`${base}${parsed.pathname}${parsed.search}`, userAgentToken) === true;
      },
    };
  }
  // RFC 9309 treats 4xx as "no robots.txt"; 429 asks the crawler to come back later, as Google reads it.
  if (page.status >= 400 && page.status < 500 && page.status !== 429) {
    return { source: 'none', failure: null, crawlDelaySeconds: null, isAllowed: (url) => onSite(url) !== null };
  }
  return unreachable({ status: page.status });
}

function unreachable(failure: NonNullable<RobotsRules['failure']>): RobotsRules {
  return { source: 'unreachable', failure, crawlDelaySeconds: null, isAllowed: () => false };
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
