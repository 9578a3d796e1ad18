import { inArray } from 'drizzle-orm';
import { type prospectIcps, prospectIndustryPerformance } from '../../../../schema';
import type { DiscoveryResult, ProviderRunResult } from '../../../../schema/prospects-api';
import type { SearchProvider } from '../../../../schema/vocabulary';
import { mapConcurrent } from '../../../platform/concurrency';
import type { DatabaseAccess } from '../../../platform/db';
import type { AnalysisOutcome } from '../analysis/analyze';
import { type ProspectProviderAdapter, ProviderError } from '../providers/port';
import { upsertProspect } from '../upsert';
import { icpQuery } from './icp-query';

type IcpRow = typeof prospectIcps.$inferSelect;

export interface DiscoveryDeps {
  db: DatabaseAccess;
  providers: Partial<Record<SearchProvider, ProspectProviderAdapter>>;
  analyze(prospectId: string): Promise<AnalysisOutcome>;
  now?: () => Date;
}

/** A page never asks for more than this many records (Google Places' ceiling is 20). */
const PAGE_SIZE: Record<SearchProvider, number> = { pdl: 25, apollo: 25, google_places: 20, demo: 20 };
/** However poor the matches, a run stops paging a provider after this many pages. */
export const MAX_PAGES_PER_PROVIDER = 10;
/** Sites read at once: each host is still paced to one request a second. */
const ANALYSIS_CONCURRENCY = 4;

/**
 * One ICP's discovery run: each of its providers in turn, page after page, until the
 * quota of new, analysed prospects is met or the providers have no more. Every record is
 * upserted as it arrives (committed one by one), so a provider failing mid-run loses
 * nothing already found; the failure is recorded on the result and the next provider runs.
 * A provider that bills per record (PDL) is asked only for what the quota still needs.
 */
export async function runDiscovery(deps: DiscoveryDeps, icp: IcpRow): Promise<DiscoveryResult> {
  const now = deps.now ?? (() => new Date());
  const query = { ...icpQuery(icp), industries: await byOutreachPriority(deps.db, icp.industries) };
  const result: DiscoveryResult = {
    found: 0,
    new: 0,
    merged: 0,
    analysed: 0,
    failed: 0,
    skipped: 0,
    quota: icp.dailyQuota,
    providers: [],
    cost: { requests: 0, credits: 0, usdCents: 0 },
  };
  const remaining = () => icp.dailyQuota - result.analysed;

  for (const name of icp.providers) {
    if (remaining() <= 0) break;
    const entry: ProviderRunResult = { provider: name, found: 0, requests: 0, credits: 0, usdCents: 0, error: null };
    result.providers.push(entry);
    const adapter = deps.providers[name];
    if (!adapter) {
      entry.error = { kind: 'not_configured', message: `${name} is not configured` };
      continue;
    }
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES_PER_PROVIDER && remaining() > 0; page++) {
        const limit = name === 'pdl' ? Math.min(PAGE_SIZE.pdl, remaining()) : PAGE_SIZE[name];
        const found = await adapter.search(query, { limit, ...(cursor ? { cursor } : {}) });
        addCost(entry, found.cost);
        entry.found += found.records.length;
        const fresh: string[] = [];
        for (const record of found.records) {
          const outcome = await deps.db.service((tx) => upsertProspect(tx, record, { icpId: icp.id, foundAt: now() }));
          if (outcome.kind === 'new') fresh.push(outcome.id);
          else if (outcome.kind === 'merged') result.merged++;
          else result.skipped++;
        }
        result.new += fresh.length;
        const outcomes = await mapConcurrent(fresh, ANALYSIS_CONCURRENCY, deps.analyze);
        for (const outcome of outcomes) {
          if (outcome.status === 'analyzed') result.analysed++;
          else if (outcome.status === 'failed') result.failed++;
        }
        if (!found.nextCursor) break;
        cursor = found.nextCursor;
      }
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      if (error.options.cost) addCost(entry, error.options.cost);
      entry.error = { kind: error.kind, message: error.message };
    }
  }
  for (const entry of result.providers) {
    result.found += entry.found;
    result.cost.requests += entry.requests;
    result.cost.credits += entry.credits;
    result.cost.usdCents += entry.usdCents;
  }
  return result;
}

function addCost(entry: ProviderRunResult, cost: { requests: number; credits: number; usdCents: number }) {
  entry.requests += cost.requests;
  entry.credits += cost.credits;
  entry.usdCents = Math.round((entry.usdCents + cost.usdCents) * 100) / 100;
}

/**
 * The ICP's trades, those whose prospects answer outreach best first
 * (prospect_industry_performance.priority_score, kept by outreach; an untried trade counts
 * at the prior's 50): a provider that searches trade by trade fills the day's quota with
 * the trades that reply, and the ICP's own order settles ties.
 */
async function byOutreachPriority(db: DatabaseAccess, industries: readonly string[]): Promise<string[]> {
  if (industries.length < 2) return [...industries];
  const rows = await db.service((tx) =>
    tx
      .select({ industry: prospectIndustryPerformance.industry, priority: prospectIndustryPerformance.priorityScore })
      .from(prospectIndustryPerformance)
      .where(
        inArray(
          prospectIndustryPerformance.industry,
          industries.map((name) => name.trim().toLowerCase()),
        ),
      ),
  );
  const priority = new Map(rows.map((row) => [row.industry, row.priority]));
  const score = (name: string) => priority.get(name.trim().toLowerCase()) ?? 50;
  return industries
    .map((name, index) => ({ name, index }))
    .sort((a, b) => score(b.name) - score(a.name) || a.index - b.index)
    .map((entry) => entry.name);
}
