import { and, asc, desc, eq, gte, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { prospectCandidates, prospectIcps } from '../../../schema';
import type {
  DiscoveryView,
  ProspectDetail,
  ProspectListQuery,
  ProspectListView,
  ProspectRow,
} from '../../../schema/prospects-api';
import type { ProspectProvider } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { asMetadata } from './metadata';

/** The prospect pool as staff read it: filtered pages, one prospect with its evidence, the pool's counts. */

type Row = typeof prospectCandidates.$inferSelect;
const t = prospectCandidates;
export const PAGE_SIZE = 50;

export function prospectRow(row: Row): ProspectRow {
  const metadata = asMetadata(row.metadata);
  const languages = metadata.evidence?.languages ?? [];
  return {
    id: row.id,
    businessName: row.businessName,
    website: row.website,
    industry: row.industry,
    city: row.city,
    region: row.region,
    language: row.language,
    bilingual: languages.length > 1,
    automationNeedScore: row.automationNeedScore,
    fitScore: row.fitScore,
    hasForm: row.formUrl !== null,
    contactable: row.contactEmail !== null && row.analysisStatus === 'analyzed',
    contacted: row.contacted,
    analysisStatus: row.analysisStatus,
    sources: [...new Set((metadata.sources ?? []).map((source) => source.provider))] as ProspectProvider[],
    createdAt: row.createdAt.toISOString(),
  };
}

const cursorOffset = (cursor: string | undefined) => {
  const offset = cursor ? Number.parseInt(cursor, 36) : 0;
  return Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
};

function filters(query: ProspectListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.icp) where.push(sql`${t.metadata} @> ${JSON.stringify({ icps: [query.icp] })}::jsonb`);
  if (query.industry) where.push(eq(t.industry, query.industry));
  if (query.region) where.push(eq(t.region, query.region));
  if (query.language) where.push(eq(t.language, query.language));
  if (query.minScore !== undefined) where.push(gte(t.automationNeedScore, query.minScore));
  if (query.maxScore !== undefined) where.push(lte(t.automationNeedScore, query.maxScore));
  if (query.hasForm !== undefined) where.push(query.hasForm ? isNotNull(t.formUrl) : isNull(t.formUrl));
  if (query.contacted !== undefined) where.push(eq(t.contacted, query.contacted));
  if (query.status) where.push(eq(t.analysisStatus, query.status));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(
      sql`(${t.businessName} ilike ${pattern} or ${t.website} ilike ${pattern} or ${t.city} ilike ${pattern})`,
    );
  }
  return where;
}

const ORDER = {
  need: [sql`${t.automationNeedScore} desc nulls last`, desc(t.createdAt), asc(t.id)],
  fit: [sql`${t.fitScore} desc nulls last`, desc(t.createdAt), asc(t.id)],
  recent: [desc(t.createdAt), asc(t.id)],
} as const;

export function listProspects(db: DatabaseAccess, query: ProspectListQuery): Promise<ProspectListView> {
  const offset = cursorOffset(query.cursor);
  const where = and(...filters(query));
  return db.service(async (tx) => {
    const rows = await tx
      .select()
      .from(t)
      .where(where)
      .orderBy(...ORDER[query.sort ?? 'need'])
      .limit(PAGE_SIZE + 1)
      .offset(offset);
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(t).where(where)) as [
      { total: number },
    ];
    return {
      prospects: rows.slice(0, PAGE_SIZE).map(prospectRow),
      total,
      nextCursor: rows.length > PAGE_SIZE ? (offset + PAGE_SIZE).toString(36) : null,
      facets: await facets(tx),
    };
  });
}

async function facets(tx: Transaction): Promise<ProspectListView['facets']> {
  const industries = await tx
    .selectDistinct({ value: t.industry })
    .from(t)
    .where(isNotNull(t.industry))
    .orderBy(t.industry)
    .limit(200);
  const regions = await tx
    .selectDistinct({ value: t.region })
    .from(t)
    .where(isNotNull(t.region))
    .orderBy(t.region)
    .limit(200);
  const icps = await tx
    .select({ id: prospectIcps.id, name: prospectIcps.name })
    .from(prospectIcps)
    .orderBy(prospectIcps.name);
  return {
    industries: industries.map((entry) => entry.value!),
    regions: regions.map((entry) => entry.value!),
    icps,
  };
}

export function prospectDetail(db: DatabaseAccess, id: string): Promise<ProspectDetail> {
  return db.service(async (tx) => {
    const [row] = await tx.select().from(t).where(eq(t.id, id)).limit(1);
    if (!row) throw new AppError('prospect_not_found');
    const metadata = asMetadata(row.metadata);
    const icpIds = metadata.icps ?? [];
    const icps = icpIds.length
      ? await tx
          .select({ id: prospectIcps.id, name: prospectIcps.name })
          .from(prospectIcps)
          .where(sql`${prospectIcps.id} = any(${`{${icpIds.join(',')}}`}::uuid[])`)
      : [];
    return {
      ...prospectRow(row),
      contactEmail: row.contactEmail,
      phone: row.phone,
      formUrl: row.formUrl,
      employees: metadata.employees ?? null,
      lastTested: row.lastTested?.toISOString() ?? null,
      responseScore: row.responseScore,
      analyzedAt: row.analyzedAt?.toISOString() ?? null,
      analysisError: row.analysisStatus === 'failed' ? (metadata.analysis?.error ?? null) : null,
      score: row.analysisStatus === 'analyzed' ? (metadata.score ?? null) : null,
      evidence: metadata.evidence ?? null,
      sourceRecords: metadata.sources ?? [],
      icps,
    };
  });
}

export function poolCounts(db: DatabaseAccess): Promise<DiscoveryView['pool']> {
  return db.service(async (tx) => {
    const [counts] = await tx
      .select({
        total: sql<number>`count(*)::int`,
        analysed: sql<number>`(count(*) filter (where ${t.analysisStatus} = 'analyzed'))::int`,
        pending: sql<number>`(count(*) filter (where ${t.analysisStatus} = 'pending'))::int`,
        failed: sql<number>`(count(*) filter (where ${t.analysisStatus} = 'failed'))::int`,
        withForm: sql<number>`(count(*) filter (where ${t.formUrl} is not null))::int`,
        contactable: sql<number>`(count(*) filter (where ${t.contactEmail} is not null and ${t.analysisStatus} = 'analyzed'))::int`,
      })
      .from(t);
    return counts!;
  });
}

/** Marks a prospect for another look at its site; the caller queues the analysis. */
export async function markForAnalysis(db: DatabaseAccess, id: string): Promise<void> {
  const updated = await db.service((tx) =>
    tx.update(t).set({ analysisStatus: 'pending', updatedAt: sql`now()` }).where(eq(t.id, id)).returning({ id: t.id }),
  );
  if (updated.length === 0) throw new AppError('prospect_not_found');
}
