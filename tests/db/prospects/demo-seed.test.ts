import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prospectIcps } from '../../../schema';
import { DEMO_ICP, writeSampleProspecting } from '../../../scripts/lib/sample-prospects';
import { type DemoSites, startDemoSites } from '../../../scripts/stack/demo-sites';
import { analyzeProspect } from '../../../worker/features/prospects/analysis/analyze';
import { runDiscovery } from '../../../worker/features/prospects/discovery/run';
import { listProspects, prospectDetail } from '../../../worker/features/prospects/pool';
import { createDemoProvider } from '../../../worker/features/prospects/providers/demo';
import { createOfflineEmbedder } from '../../../worker/platform/ai/offline-embedding';
import { createSafeFetcher } from '../../../worker/platform/fetch/safe-fetch';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * What `npm start` gives a newcomer on a first start: an operator profile and an ICP that
 * searches the demo sites, so "Run discovery now" fills the pool from the sample web.
 */

let database: TestDatabase;
let sites: DemoSites;

beforeAll(async () => {
  [database, sites] = await Promise.all([startTestDatabase(), startDemoSites()]);
});
afterAll(async () => {
  await Promise.all([database?.close(), sites?.close()]);
});

describe('the first start of npm start', () => {
  it('seeds the profile and the demo ICP once, and keeps what the operator changed afterwards', async () => {
    const embedder = createOfflineEmbedder();
    expect(await writeSampleProspecting(database.access, embedder)).toEqual({ profile: true, icp: true });

    const icps = await database.access.service((tx) => tx.select().from(prospectIcps));
    expect(icps).toHaveLength(1);
    expect(icps[0]).toMatchObject({ name: DEMO_ICP.name, providers: ['demo'], province: 'QC', active: true });

    // The operator turns it off: the next start leaves it off and adds no second ICP.
    await database.access.service((tx) =>
      tx.update(prospectIcps).set({ active: false }).where(eq(prospectIcps.id, icps[0]!.id)),
    );
    expect(await writeSampleProspecting(database.access, embedder)).toEqual({ profile: false, icp: false });
    const after = await database.access.service((tx) => tx.select().from(prospectIcps));
    expect(after.map((icp) => icp.active)).toEqual([false]);
    await database.access.service((tx) =>
      tx.update(prospectIcps).set({ active: true }).where(eq(prospectIcps.id, icps[0]!.id)),
    );
  });

  it('runs discovery on the demo sites: Quebec businesses, analysed, scored and explained', async () => {
    const embedder = createOfflineEmbedder();
    const fetcher = createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: 'AvenirBot/1.0 (test)',
      demoSites: { origin: sites.origin },
    });
    const [icp] = await database.access.service((tx) => tx.select().from(prospectIcps));
    const result = await runDiscovery(
      {
        db: database.access,
        providers: { demo: createDemoProvider({ origin: sites.origin }) },
        analyze: (id) => analyzeProspect({ db: database.access, fetcher, embedder }, id),
      },
      icp!,
    );
    expect(result.new).toBeGreaterThanOrEqual(10);
    expect(result.analysed).toBeGreaterThanOrEqual(8);
    expect(result.providers).toEqual([expect.objectContaining({ provider: 'demo', error: null })]);

    const { rows } = await database.access.service((tx) =>
      tx.execute<{ region: string | null }>(sql`select distinct region from prospect_candidates`),
    );
    expect(rows.map((row) => row.region)).toEqual(['QC']);

    const pool = await listProspects(database.access, { sort: 'need' });
    const scored = pool.prospects.filter((prospect) => prospect.automationNeedScore !== null);
    expect(scored.length).toBe(result.analysed);
    for (const prospect of scored) {
      expect(prospect.automationNeedScore).toBeGreaterThanOrEqual(45);
      expect(prospect.automationNeedScore).toBeLessThanOrEqual(95);
    }
    const scores = scored.map((prospect) => prospect.automationNeedScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // The top prospect's score is its parts: base plus each signal's points, each said in both languages.
    const top = await prospectDetail(database.access, scored[0]!.id);
    const parts = top.score!.parts;
    expect(parts.length).toBeGreaterThan(0);
    expect(Math.min(95, 45 + parts.reduce((sum, part) => sum + part.points, 0))).toBe(top.automationNeedScore);
    for (const part of parts) {
      expect(part.label.en.length).toBeGreaterThan(0);
      expect(part.label.fr.length).toBeGreaterThan(0);
    }
    expect(top.evidence!.pages.length).toBeGreaterThan(0);
  });
});
