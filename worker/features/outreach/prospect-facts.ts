import { type SQL, sql } from 'drizzle-orm';
import type { SiteEvidence } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { ProspectForEmail } from './compose';
import type { FormTestFacts } from './first-line';

/** Prospects as an email is written from them: their fields, their site evidence, their latest finished form test. */

/** Prospects (`p`, with their latest finished form test `t`) that meet every condition, neediest first. */
export async function selectProspects(tx: Transaction, conditions: SQL[], limit: number): Promise<ProspectForEmail[]> {
  const result = await tx.execute<{
    id: string;
    business_name: string;
    website: string;
    city: string | null;
    industry: string | null;
    region: string | null;
    language: Language | null;
    contact_email: string | null;
    evidence: SiteEvidence | null;
    test_status: 'completed' | 'timeout' | null;
    test_submitted_at: string | null;
    response_time_minutes: number | null;
    autoresponder_tone: FormTestFacts['tone'];
    waited_minutes: number | null;
  }>(sql`
    select p.id, p.business_name, p.website, p.city, p.industry, p.region, p.language, p.contact_email,
           p.metadata->'evidence' as evidence,
           t.test_status, t.test_submitted_at, t.response_time_minutes, t.autoresponder_tone,
           (t.metadata->>'timedOutAfterMinutes')::int as waited_minutes
      from prospect_candidates p
      left join lateral (
        select * from prospect_form_tests f
         where f.prospect_id = p.id and f.test_status in ('completed', 'timeout')
         order by f.test_submitted_at desc limit 1
      ) t on true
      left join prospect_industry_performance ip on ip.industry = p.industry
     where ${sql.join(conditions, sql` and `)}
     -- Neediest first, weighted by how their trade answers outreach: a priority of 100 (twice
     -- the 5 % prior's reply rate) doubles a need score, an untried trade keeps its 50.
     order by coalesce(p.automation_need_score, 0) * coalesce(ip.priority_score, 50) / 50 desc, p.created_at
     limit ${limit}`);
  return result.rows.map((row) => ({
    id: row.id,
    businessName: row.business_name,
    website: row.website,
    city: row.city,
    industry: row.industry,
    region: row.region,
    language: row.language,
    contactEmail: row.contact_email,
    evidence: row.evidence,
    formTest: row.test_status
      ? {
          status: row.test_status,
          submittedAt: new Date(row.test_submitted_at!),
          responseMinutes: row.response_time_minutes,
          tone: row.autoresponder_tone,
          waitedMinutes: row.waited_minutes,
        }
      : null,
  }));
}

export async function loadProspectForEmail(db: DatabaseAccess, id: string): Promise<ProspectForEmail> {
  const [prospect] = await db.service((tx) => selectProspects(tx, [sql`p.id = ${id}`], 1));
  if (!prospect) throw new AppError('prospect_not_found');
  return prospect;
}
