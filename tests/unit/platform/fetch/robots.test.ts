import { describe, expect, it } from 'vitest';
import { fetchRobots, ROBOTS_MAX_BYTES } from '../../../../worker/platform/fetch/robots';
import {
  type FetchedPage,
  type FetchOptions,
  FetchRefused,
  type OutboundFetcher,
} from '../../../../worker/platform/fetch/safe-fetch';

/** A fetcher that answers robots.txt with `answer`, and records what it was asked. */
function fetcherAnswering(
  answer: { status: number; text?: string; url?: string } | FetchRefused,
): OutboundFetcher & { calls: Array<{ url: string; options: FetchOptions | undefined }> } {
  const calls: Array<{ url: string; options: FetchOptions | undefined }> = [];
  return {
    calls,
    async fetch(url, options) {
      calls.push({ url, options });
      if (answer instanceof FetchRefused) throw answer;
      const text = answer.text ?? '';
      const page: FetchedPage = {
        url: answer.url ?? url,
        status: answer.status,
        headers: new Headers({ 'content-type': 'text/plain' }),
        contentType: 'text/plain',
        text,
        bytes: text.length,
        truncated: false,
        redirects: answer.url ? [url] : [],
      };
      return page;
    },
  };
}

const ROBOTS = `
User-agent: *
Disallow: /admin
Crawl-delay: 2

User-agent: AvenirBot
Disallow: /private/
Allow: /private/contact
Disallow: /*.pdf$
Crawl-delay: 3.5

User-agent: BadBot
Disallow: /
`;

describe('fetchRobots', () => {
  it('fetches /robots.txt of the origin with the 500 KiB limit', async () => {
    const fetcher = fetcherAnswering({ status: 200, text: ROBOTS });
    await fetchRobots(fetcher, 'https://plomberie-tremblay.ca/some/page?x=1', 'AvenirBot');
    expect(fetcher.calls).toEqual([
      {
        url: 'https://plomberie-tremblay.ca/robots.txt',
        options: expect.objectContaining({ maxBytes: ROBOTS_MAX_BYTES }),
      },
    ]);
    expect(ROBOTS_MAX_BYTES).toBe(500 * 1024);
  });

  it('applies the group of its user agent: allow, disallow, longest match, wildcards', async () => {
    const rules = await fetchRobots(fetcherAnswering({ status: 200, text: ROBOTS }), 'https://site.ca', 'AvenirBot');
    expect(rules.source).toBe('file');
    expect(rules.isAllowed('https://site.ca/')).toBe(true);
    expect(rules.isAllowed('https://site.ca/admin')).toBe(true); // only the * group disallows it
    expect(rules.isAllowed('https://site.ca/private/notes')).toBe(false);
    expect(rules.isAllowed('https://site.ca/private/contact')).toBe(true);
    expect(rules.isAllowed('https://site.ca/brochure.pdf')).toBe(false);
    expect(rules.crawlDelaySeconds).toBe(3.5);

    const other = await fetchRobots(fetcherAnswering({ status: 200, text: ROBOTS }), 'https://site.ca', 'OtherBot');
    expect(other.isAllowed('https://site.ca/admin')).toBe(false);
    expect(other.isAllowed('https://site.ca/private/notes')).toBe(true);
    expect(other.crawlDelaySeconds).toBe(2);
  });

  it('refuses URLs of another origin, and answers for the one robots.txt redirected to', async () => {
    const rules = await fetchRobots(
      fetcherAnswering({ status: 200, text: ROBOTS, url: 'https://www.site.ca/robots.txt' }),
      'https://site.ca',
      'AvenirBot',
    );
    expect(rules.isAllowed('https://www.site.ca/private/notes')).toBe(false);
    expect(rules.isAllowed('https://www.site.ca/services')).toBe(true);
    expect(rules.isAllowed('https://elsewhere.ca/services')).toBe(false);
    expect(rules.isAllowed('http://site.ca/services')).toBe(false);
    expect(rules.isAllowed('not a url')).toBe(false);
  });

  it('reads no Crawl-delay as null', async () => {
    const rules = await fetchRobots(
      fetcherAnswering({ status: 200, text: 'User-agent: *\nDisallow:\n' }),
      'https://site.ca',
      'AvenirBot',
    );
    expect(rules).toMatchObject({ source: 'file', crawlDelaySeconds: null });
    expect(rules.isAllowed('https://site.ca/anything')).toBe(true);
  });

  it('allows everything when there is no robots.txt (404, 410, 403)', async () => {
    for (const status of [404, 410, 403]) {
      const rules = await fetchRobots(
        fetcherAnswering({ status, text: '<h1>Not found</h1>' }),
        'https://site.ca',
        'AvenirBot',
      );
      expect(rules).toMatchObject({ source: 'none', crawlDelaySeconds: null });
      expect(rules.isAllowed('https://site.ca/private/notes')).toBe(true);
      expect(rules.isAllowed('https://elsewhere.ca/')).toBe(false);
    }
  });

  it('allows nothing when the server fails or asks to come back later (500, 503, 429)', async () => {
    for (const status of [500, 503, 429]) {
      const rules = await fetchRobots(
        fetcherAnswering({ status, text: 'User-agent: *\nAllow: /\n' }),
        'https://site.ca',
        'AvenirBot',
      );
      expect(rules).toMatchObject({ source: 'unreachable', failure: { status } });
      expect(rules.isAllowed('https://site.ca/')).toBe(false);
    }
  });

  it('allows nothing when the site cannot be reached', async () => {
    for (const reason of ['timeout', 'network', 'unresolvable', 'too_many_redirects', 'redirect_loop'] as const) {
      const rules = await fetchRobots(
        fetcherAnswering(new FetchRefused(reason, 'https://site.ca/robots.txt', 'The site did not answer.')),
        'https://site.ca',
        'AvenirBot',
      );
      expect(rules, reason).toMatchObject({ source: 'unreachable', failure: { refused: reason } });
      expect(rules.isAllowed('https://site.ca/'), reason).toBe(false);
    }
  });

  it('throws when the origin itself may not be fetched', async () => {
    const refused = new FetchRefused('private_address', 'https://intranet.site.ca/robots.txt', 'It is not public.');
    await expect(fetchRobots(fetcherAnswering(refused), 'https://intranet.site.ca', 'AvenirBot')).rejects.toBe(refused);
  });
});
