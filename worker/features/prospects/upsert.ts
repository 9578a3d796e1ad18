import { sql } from 'drizzle-orm';
import { prospectCandidates } from '../../../schema';
import type { Transaction } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { normalizeWebsite } from './website';

export interface DiscoveredProspect {
  businessName: string;
  website: string;
  contactEmail?: string | null;
  industry?: string | null;
  region?: string | null;
  language?: 'en' | 'fr' | null;
  formUrl?: string | null;
  automationNeedScore?: number | null;
  metadata?: Record<string, unknown>;
}

export interface UpsertedProspect {
  id: string;
  website: string;
  /** False when the website was already known and the row was merged into. */
  inserted: boolean;
}

/**
 * Stores a discovered prospect, one row per website however many providers or concurrent
 * runs find it: known fields are kept, missing ones filled in, metadata merged.
 */
export async function upsertProspect(tx: Transaction, prospect: DiscoveredProspect): Promise<UpsertedProspect> {
  const website = normalizeWebsite(prospect.website);
  if (!website) {
    throw new AppError(
      'invalid_website',
      bilingual(`Not a website: ${prospect.website}`, `Ce n’est pas un site Web : ${prospect.website}`),
    );
  }
  const t = prospectCandidates;
  const [row] = await tx
    .insert(t)
    .values({
      businessName: prospect.businessName,
      website,
      contactEmail: prospect.contactEmail ?? null,
      industry: prospect.industry ?? null,
      region: prospect.region ?? null,
      language: prospect.language ?? null,
      formUrl: prospect.formUrl ?? null,
      automationNeedScore: prospect.automationNeedScore ?? null,
      metadata: prospect.metadata ?? {},
    })
    .onConflictDoUpdate({
      target: t.website,
      set: {
        contactEmail: sql`coalesce(${t.contactEmail}, excluded.contact_email)`,
        industry: sql`coalesce(${t.industry}, excluded.industry)`,
        region: sql`coalesce(${t.region}, excluded.region)`,
        language: sql`coalesce(${t.language}, excluded.language)`,
        formUrl: sql`coalesce(${t.formUrl}, excluded.form_url)`,
        automationNeedScore: sql`coalesce(excluded.automation_need_score, ${t.automationNeedScore})`,
        metadata: sql`${t.metadata} || excluded.metadata`,
        updatedAt: sql`now()`,
      },
    })
    // xmax is 0 only on a freshly inserted row version: the standard insert-or-update tell.
    .returning({ id: t.id, website: t.website, inserted: sql<boolean>`(xmax = 0)` });
  return row!;
}
