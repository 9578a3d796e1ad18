import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prospectIcps } from '../../../schema';
import { analyzeProspect } from '../../../worker/features/prospects/analysis/analyze';
import { runDiscovery } from '../../../worker/features/prospects/discovery/run';
import { prospectDetail } from '../../../worker/features/prospects/pool';
import { saveProfile } from '../../../worker/features/prospects/profile';
import {
  type ProspectProviderAdapter,
  ProviderError,
  type ProviderRecord,
} from '../../../worker/features/prospects/providers/port';
import { createOfflineEmbedder } from '../../../worker/platform/ai/offline-embedding';
import { createSafeFetcher } from '../../../worker/platform/fetch/safe-fetch';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/** Three small sites, as the demo server serves them: /sites/<slug>/<path>. */
const SITES: Record<string, Record<string, string>> = {
  'plomberie-rapide': {
    '/': `<html lang="fr"><head><title>Plomberie Rapide</title></head><body><h1>Plombier à Laval</h1>
      <p>Urgence plomberie 24/7, chauffe-eau et soumission gratuite pour votre maison. Nous sommes plombiers depuis 1998.</p>
      <a href="/nous-joindre">Nous joindre</a><p>© 2017 Plomberie Rapide</p></body></html>`,
    '/nous-joindre': `<html lang="fr"><body><p>Écrivez-nous : <a href="mailto:info@plomberie-rapide.test">info@plomberie-rapide.test</a>
      pour une soumission sur vos travaux de plomberie, nous répondons dans la journée.</p></body></html>`,
  },
  'clinique-zen': {
    '/': `<html lang="fr"><head><meta name="viewport" content="width=device-width"><title>Clinique Zen</title></head><body>
      <a href="https://clinique-zen.janeapp.com">Prendre rendez-vous</a><a href="/en/">English</a>
      <form action="/contact" method="post"><input name="nom"><input type="email" name="courriel"><textarea name="message"></textarea></form>
      <p>Physiothérapie et massothérapie pour toute la famille, avec une équipe qui vous écoute. Aucune sollicitation, s.v.p.
      Écrivez à <a href="mailto:bonjour@clinique-zen.test">bonjour@clinique-zen.test</a></p><p>© 2026</p></body></html>`,
  },
  'private-redirect': {},
};

let server: Server;
let origin: string;
let database: TestDatabase;

beforeAll(async () => {
  server = createServer((request, response) => {
    const match = /^\/sites\/([^/]+)(\/.*)?$/.exec(request.url ?? '');
    const slug = match?.[1] ?? '';
    const path = (match?.[2] ?? '/').replace(/\/$/, '') || '/';
    if (slug === 'private-redirect') {
      response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
      return;
    }
    const page = SITES[slug]?.[path];
    if (path === '/robots.txt' || !page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const record = (slug: string, overrides: Partial<ProviderRecord> = {}): ProviderRecord => ({
  source: 'demo',
  sourceId: slug,
  businessName: slug.replace(/-/g, ' '),
  website: `https://${slug}.test`,
  email: null,
  phone: null,
  industry: 'plumbing',
  city: 'Laval',
  region: 'QC',
  country: 'CA',
  employees: 5,
  linkedinUrl: null,
  address: null,
  ...overrides,
});

/** A provider that gives its pages in order, then fails if told to. */
function scriptedProvider(
  pages: ProviderRecord[][],
  failAfter = false,
): ProspectProviderAdapter & { limits: number[] } {
  const limits: number[] = [];
  return {
    name: 'demo',
    limits,
    async search(_query, request) {
      limits.push(request.limit);
      const index = request.cursor ? Number(request.cursor) : 0;
      if (index >= pages.length && failAfter) {
        throw new ProviderError('demo', 'rate_limited', 'slow down', { retryAfterSeconds: 60 });
      }
      return {
        records: pages[index] ?? [],
        nextCursor: index + 1 < pages.length || failAfter ? String(index + 1) : null,
        cost: { requests: 1, credits: (pages[index] ?? []).length, usdCents: 0 },
      };
    },
  };
}

async function newIcp(quota: number) {
  const [icp] = await database.access.service((tx) =>
    tx
      .insert(prospectIcps)
      .values({
        name: `ICP ${quota}`,
        industries: ['plumbing'],
        province: 'QC',
        dailyQuota: quota,
        providers: ['demo'],
      })
      .returning(),
  );
  return icp!;
}

describe('a discovery run', () => {
  it('stores, analyses and scores what the provider finds, and a provider failure keeps what was found', async () => {
    const embedder = createOfflineEmbedder();
    await saveProfile(
      database.access,
      embedder,
      'Avenir répond aux demandes de soumission des plombiers et des cliniques du Québec, en français et en anglais.',
    );
    const fetcher = createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: 'AvenirBot/1.0 (test)',
      demoSites: { origin },
    });
    const provider = scriptedProvider(
      [
        [record('plomberie-rapide'), record('clinique-zen', { industry: 'physiotherapy' })],
        [record('private-redirect'), record('no-site', { website: null })],
      ],
      true,
    );
    const icp = await newIcp(16);
    const result = await runDiscovery(
      {
        db: database.access,
        providers: { demo: provider },
        analyze: (id) => analyzeProspect({ db: database.access, fetcher, embedder }, id),
      },
      icp,
    );
    expect(result).toMatchObject({ found: 4, new: 3, merged: 0, analysed: 2, failed: 1, skipped: 1, quota: 16 });
    expect(result.providers[0]!.error).toEqual({ kind: 'rate_limited', message: 'slow down' });
    expect(result.cost).toEqual({ requests: 2, credits: 4, usdCents: 0 });

    const { rows } = await database.access.service((tx) =>
      tx.execute<{ id: string; domain: string; analysis_status: string }>(
        sql`select id, domain, analysis_status from prospect_candidates order by domain`,
      ),
    );
    expect(rows.map((row) => [row.domain, row.analysis_status])).toEqual([
      ['clinique-zen.test', 'analyzed'],
      ['plomberie-rapide.test', 'analyzed'],
      ['private-redirect.test', 'failed'],
    ]);

    const plumber = await prospectDetail(
      database.access,
      rows.find((row) => row.domain === 'plomberie-rapide.test')!.id,
    );
    expect(plumber.automationNeedScore).toBe(45 + 12 + 10 + 5 + 6 + 8 + 5); // no form, booking, chat; French only; 2017; no viewport
    expect(plumber.score!.summary.en).toBe('no contact form, no booking link, dated site, French-only site');
    expect(plumber.contactEmail).toBe('info@plomberie-rapide.test');
    expect(plumber.evidence!.emails[0]).toMatchObject({
      pageUrl: 'https://plomberie-rapide.test/nous-joindre',
      contactable: true,
    });
    expect(plumber.fitScore).toBeGreaterThan(0);
    expect(plumber.icps).toEqual([{ id: icp.id, name: icp.name }]);

    const clinic = await prospectDetail(database.access, rows.find((row) => row.domain === 'clinique-zen.test')!.id);
    expect(clinic.formUrl).toBe('https://clinique-zen.test/');
    expect(clinic.evidence!.bookingTools).toEqual(['janeapp']);
    expect(clinic.contactEmail).toBeNull(); // behind its no-solicitation notice
    expect(clinic.contactable).toBe(false);
    expect(clinic.fitScore).not.toBeNull();

    const refused = await prospectDetail(
      database.access,
      rows.find((row) => row.domain === 'private-redirect.test')!.id,
    );
    expect(refused.analysisError).toBe('refused_address');
    expect(refused.score).toBeNull();
  });

  it('stops at the quota and asks a per-record provider for no more than the quota needs', async () => {
    const embedder = createOfflineEmbedder();
    const fetcher = createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: 'AvenirBot/1.0 (test)',
      demoSites: { origin },
    });
    const provider = scriptedProvider([
      [record('plomberie-rapide', { sourceId: 'again' })],
      [record('clinique-zen', { sourceId: 'again' })],
    ]);
    const result = await runDiscovery(
      {
        db: database.access,
        providers: { demo: provider },
        analyze: (id) => analyzeProspect({ db: database.access, fetcher, embedder }, id),
      },
      await newIcp(1),
    );
    // Both are known: merged, not new, so the quota of new analysed prospects is never met and paging runs out.
    expect(result).toMatchObject({ found: 2, new: 0, merged: 2, analysed: 0 });
    const { rows } = await database.access.service((tx) =>
      tx.execute<{ n: number }>(
        sql`select jsonb_array_length(metadata->'sources')::int as n from prospect_candidates where domain = 'plomberie-rapide.test'`,
      ),
    );
    expect(rows[0]!.n).toBe(2); // the second source recorded on the one row
  });
  it('asks for the trades that answer outreach best first, an untried trade at the prior', async () => {
    await database.access.service((tx) =>
      tx.execute(sql`
        insert into prospect_industry_performance (industry, total_contacted, total_replied, priority_score)
        values ('roofing', 40, 1, 29.41), ('dental', 30, 6, 88.00)
        on conflict (industry) do update set priority_score = excluded.priority_score`),
    );
    const asked: string[][] = [];
    const provider: ProspectProviderAdapter = {
      name: 'demo',
      async search(query) {
        asked.push([...query.industries]);
        return { records: [], nextCursor: null, cost: { requests: 1, credits: 0, usdCents: 0 } };
      },
    };
    const [icp] = await database.access.service((tx) =>
      tx
        .insert(prospectIcps)
        .values({
          name: 'Trades by answer',
          industries: ['roofing', 'hvac', 'dental'],
          province: 'QC',
          dailyQuota: 5,
          providers: ['demo'],
        })
        .returning(),
    );
    await runDiscovery(
      {
        db: database.access,
        providers: { demo: provider },
        analyze: () => Promise.reject(new Error('no record to analyse')),
      },
      icp!,
    );
    expect(asked).toEqual([['dental', 'hvac', 'roofing']]);
  });
});
