import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import { prospectCandidates, prospectIndustryPerformance } from '../../../schema';
import type { ProspectSource } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';
import { asMetadata, type ProspectMetadata } from './metadata';
import type { ProviderRecord } from './providers/port';
import { isDirectoryDomain, normalizePhone, normalizeWebsite, registrableDomain } from './website';

/** Where a record came from: the run that found it. */
export interface Discovery {
  icpId: string | null;
  foundAt: Date;
}

export type UpsertOutcome =
  | { kind: 'new' | 'merged'; id: string; website: string }
  /** Nothing stored: the record has no website the pool can key on. */
  | { kind: 'skipped'; reason: 'no_website' | 'directory_page' };

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const key = (value: string | null | undefined) => value?.trim().toLowerCase() || null;

/**
 * Stores a provider's record in the pool: one row per business whatever the sources. The
 * same registrable domain is the same business; failing that, the same phone, or the same
 * name in the same city. Known fields are kept, missing ones filled in, and every source
 * recorded in metadata. Concurrent upserts of one business serialize on advisory locks
 * taken on each of its keys (in a fixed order, so two never deadlock), so 50 at once leave
 * one row; the domain's unique constraint stands behind them.
 */
export async function upsertProspect(
  tx: Transaction,
  record: ProviderRecord,
  discovery: Discovery,
): Promise<UpsertOutcome> {
  const website = record.website ? normalizeWebsite(record.website) : null;
  const domain = website ? registrableDomain(website) : null;
  if (!website || !domain) return { kind: 'skipped', reason: 'no_website' };
  if (isDirectoryDomain(domain)) return { kind: 'skipped', reason: 'directory_page' };

  const phone = normalizePhone(record.phone);
  const name = key(record.businessName);
  const city = key(record.city);
  const lockKeys = [`domain:${domain}`, phone && `phone:${phone}`, name && city && `name:${name}|${city}`]
    .filter((value): value is string => Boolean(value))
    .sort();
  for (const lockKey of lockKeys) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`prospect:${lockKey}`}, 0))`);
  }

  const t = prospectCandidates;
  const matches: SQL[] = [eq(t.domain, domain)];
  if (phone) matches.push(eq(t.phone, phone));
  if (name && city) matches.push(and(eq(sql`lower(${t.businessName})`, name), eq(sql`lower(${t.city})`, city))!);
  const [existing] = await tx
    .select()
    .from(t)
    .where(or(...matches))
    // The same domain first: a phone shared by two sites (a franchise's call centre) merges least.
    .orderBy(sql`(${t.domain} = ${domain}) desc`, t.createdAt)
    .limit(1)
    .for('update');

  const source: ProspectSource = {
    provider: record.source,
    sourceId: record.sourceId,
    foundAt: discovery.foundAt.toISOString(),
    icpId: discovery.icpId,
  };
  const language = singleLanguage(record);

  if (existing) {
    const metadata = mergeMetadata(asMetadata(existing.metadata), record, source, website, existing.website);
    await tx
      .update(t)
      .set({
        contactEmail: existing.contactEmail ?? (existing.analysisStatus === 'analyzed' ? null : key(record.email)),
        phone: existing.phone ?? phone,
        city: existing.city ?? record.city?.trim() ?? null,
        industry: existing.industry ?? key(record.industry),
        region: existing.region ?? record.region?.trim() ?? null,
        language: existing.language ?? language,
        metadata: metadata as Record<string, unknown>,
        updatedAt: sql`now()`,
      })
      .where(eq(t.id, existing.id));
    return { kind: 'merged', id: existing.id, website: existing.website };
  }

  const metadata = mergeMetadata({}, record, source, website, website);
  const [row] = await tx
    .insert(t)
    .values({
      businessName: record.businessName.trim(),
      website,
      domain,
      contactEmail: key(record.email),
      phone,
      city: record.city?.trim() || null,
      industry: key(record.industry),
      region: record.region?.trim() || null,
      language,
      metadata: metadata as Record<string, unknown>,
    })
    .returning({ id: t.id, website: t.website });
  const industry = key(record.industry);
  if (industry) {
    // The industry's row exists from its first prospect; outreach fills its counts.
    await tx.insert(prospectIndustryPerformance).values({ industry }).onConflictDoNothing();
  }
  return { kind: 'new', id: row!.id, website: row!.website };
}

/** A provider's language counts only when it names one: a bilingual business is told by its site. */
function singleLanguage(record: ProviderRecord): Language | null {
  const languages = record.languages ?? [];
  return languages.length === 1 ? languages[0]! : null;
}

function mergeMetadata(
  metadata: ProspectMetadata,
  record: ProviderRecord,
  source: ProspectSource,
  website: string,
  storedWebsite: string,
): ProspectMetadata {
  const sources = (metadata.sources ?? []).filter(
    (known) => !(known.provider === source.provider && known.sourceId === source.sourceId),
  );
  const email = key(record.email);
  return {
    ...metadata,
    sources: [...sources, source],
    icps: unique([...(metadata.icps ?? []), ...(source.icpId ? [source.icpId] : [])]),
    websites: unique([...(metadata.websites ?? []), ...(website !== storedWebsite ? [website] : [])]),
    providerEmails: unique([...(metadata.providerEmails ?? []), ...(email ? [email] : [])]),
    ...(metadata.employees === undefined && record.employees !== null ? { employees: record.employees } : {}),
    ...(!metadata.linkedinUrl && record.linkedinUrl ? { linkedinUrl: record.linkedinUrl } : {}),
    ...(!metadata.address && record.address ? { address: record.address } : {}),
    ...(!metadata.country && record.country ? { country: record.country } : {}),
  };
}
