import { describe, expect, it } from 'vitest';
import { crawlSite } from '../../../worker/features/prospects/analysis/crawl';
import {
  type FetchedPage,
  FetchRefused,
  type FetchRefusedReason,
  type OutboundFetcher,
} from '../../../worker/platform/fetch/safe-fetch';

/** A site as a fetcher sees it: each URL's answer, or the refusal it ends in. */
function siteFetcher(answers: Record<string, { status?: number; html?: string } | FetchRefusedReason>) {
  const asked: string[] = [];
  const fetcher: OutboundFetcher = {
    async fetch(url) {
      asked.push(url);
      const answer = answers[url] ?? { status: 404, html: 'Not found' };
      if (typeof answer === 'string') throw new FetchRefused(answer, url, `${answer} for ${url}`);
      const text = answer.html ?? '';
      const page: FetchedPage = {
        url,
        status: answer.status ?? 200,
        headers: new Headers(),
        contentType: 'text/html; charset=utf-8',
        text,
        bytes: text.length,
        truncated: false,
        redirects: [],
      };
      return page;
    },
  };
  return { fetcher, asked };
}

const now = () => new Date('2026-12-02T12:00:00Z');

describe('crawling a site', () => {
  it('follows a language splash page to the contact page of the chosen language', async () => {
    const { fetcher, asked } = siteFetcher({
      'https://splash.test/': { html: '<a href="/fr/">Français</a> <a href="/en/">English</a>' },
      'https://splash.test/fr/': { html: '<a href="/fr/nous-joindre">Nous joindre</a> <a href="/en/">English</a>' },
      'https://splash.test/fr/nous-joindre': { html: '<a href="mailto:info@splash.test">info@splash.test</a>' },
    });
    const crawl = await crawlSite(fetcher, 'https://splash.test', now);
    expect(crawl.failure).toBeNull();
    expect(crawl.pages.map((page) => page.url)).toContain('https://splash.test/fr/nous-joindre');
    expect(asked.filter((url) => !url.endsWith('/robots.txt')).length).toBeLessThanOrEqual(4);
  });

  it('names the server error, the timeout or the silence that kept its robots.txt unread', async () => {
    const cases: [Record<string, { status: number } | FetchRefusedReason>, string][] = [
      [{ 'https://down.test/robots.txt': { status: 500 } }, 'http_error'],
      [{ 'https://down.test/robots.txt': 'timeout' }, 'timeout'],
      [{ 'https://down.test/robots.txt': 'redirect_loop' }, 'too_many_redirects'],
      [{ 'https://down.test/robots.txt': 'network' }, 'unreachable'],
    ];
    for (const [answers, reason] of cases) {
      const { fetcher, asked } = siteFetcher(answers);
      const crawl = await crawlSite(fetcher, 'https://down.test', now);
      expect(crawl.failure?.reason).toBe(reason);
      expect(asked).toEqual(['https://down.test/robots.txt']); // no page is asked for after that
    }
  });
});
