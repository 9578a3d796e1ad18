import { desc, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { prospectIcps, queueJobs } from '../../../schema';
import type { IcpInput, IcpView } from '../../../schema/prospects-api';
import { LANGUAGES, PROVINCES, SEARCH_PROVIDERS } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type Bilingual, fields, localized } from '../../platform/http/validate';
import { runView } from './runs';

/** Ideal customer profiles: what staff ask discovery to find, validated at the edge. */

const NAME_RULE: Bilingual = ['Name the profile (1 to 120 characters).', 'Nommez le profil (1 à 120 caractères).'];
const LIST_RULE: Bilingual = [
  'At most 20 entries of at most 80 characters each.',
  'Au plus 20 entrées d’au plus 80 caractères chacune.',
];
const INDUSTRIES_RULE: Bilingual = ['Name at least one industry.', 'Nommez au moins un secteur.'];
const PROVINCE_RULE: Bilingual = ['Choose a province or territory.', 'Choisissez une province ou un territoire.'];
const RADIUS_RULE: Bilingual = ['The radius is 1 to 500 km.', 'Le rayon est de 1 à 500 km.'];
const LANGUAGE_RULE: Bilingual = ['Languages are en and fr.', 'Les langues sont en et fr.'];
const EMPLOYEES_RULE: Bilingual = [
  'Employees: a whole number from 1 to 100,000.',
  'Employés : un nombre entier de 1 à 100 000.',
];
const RANGE_RULE: Bilingual = [
  'The minimum of employees is above the maximum.',
  'Le minimum d’employés dépasse le maximum.',
];
const QUOTA_RULE: Bilingual = [
  'The daily quota is 1 to 200 prospects.',
  'Le quota quotidien est de 1 à 200 prospects.',
];
const PROVIDERS_RULE: Bilingual = [
  'Choose at least one provider among pdl, apollo, google_places and demo.',
  'Choisissez au moins un fournisseur parmi pdl, apollo, google_places et demo.',
];
const ACTIVE_RULE: Bilingual = ['Say true or false.', 'Indiquez true ou false.'];

const entries = (min: number, rule: Bilingual = LIST_RULE) =>
  v.pipe(
    v.array(
      v.pipe(
        v.string(localized(...LIST_RULE)),
        v.trim(),
        v.minLength(1, localized(...LIST_RULE)),
        v.maxLength(80, localized(...LIST_RULE)),
      ),
      localized(...rule),
    ),
    v.minLength(min, localized(...rule)),
    v.maxLength(20, localized(...LIST_RULE)),
    v.transform((list) => [...new Set(list)]),
  );
const employees = v.nullable(
  v.pipe(
    v.number(localized(...EMPLOYEES_RULE)),
    v.integer(localized(...EMPLOYEES_RULE)),
    v.minValue(1, localized(...EMPLOYEES_RULE)),
    v.maxValue(100_000, localized(...EMPLOYEES_RULE)),
  ),
);

export const icpBody = v.pipe(
  fields(
    {
      name: v.pipe(
        v.string(localized(...NAME_RULE)),
        v.trim(),
        v.minLength(1, localized(...NAME_RULE)),
        v.maxLength(120, localized(...NAME_RULE)),
      ),
      industries: entries(1, INDUSTRIES_RULE),
      province: v.nullable(v.picklist(PROVINCES, localized(...PROVINCE_RULE))),
      cities: entries(0),
      radiusKm: v.nullable(
        v.pipe(
          v.number(localized(...RADIUS_RULE)),
          v.integer(localized(...RADIUS_RULE)),
          v.minValue(1, localized(...RADIUS_RULE)),
          v.maxValue(500, localized(...RADIUS_RULE)),
        ),
      ),
      languages: v.pipe(
        v.array(v.picklist(LANGUAGES, localized(...LANGUAGE_RULE)), localized(...LANGUAGE_RULE)),
        v.maxLength(2, localized(...LANGUAGE_RULE)),
        v.transform((list) => [...new Set(list)]),
      ),
      employeesMin: employees,
      employeesMax: employees,
      keywords: entries(0),
      dailyQuota: v.pipe(
        v.number(localized(...QUOTA_RULE)),
        v.integer(localized(...QUOTA_RULE)),
        v.minValue(1, localized(...QUOTA_RULE)),
        v.maxValue(200, localized(...QUOTA_RULE)),
      ),
      providers: v.pipe(
        v.array(v.picklist(SEARCH_PROVIDERS, localized(...PROVIDERS_RULE)), localized(...PROVIDERS_RULE)),
        v.minLength(1, localized(...PROVIDERS_RULE)),
        v.transform((list) => [...new Set(list)]),
      ),
      active: v.boolean(localized(...ACTIVE_RULE)),
    },
    {
      name: NAME_RULE,
      industries: INDUSTRIES_RULE,
      province: PROVINCE_RULE,
      cities: LIST_RULE,
      radiusKm: RADIUS_RULE,
      languages: LANGUAGE_RULE,
      employeesMin: EMPLOYEES_RULE,
      employeesMax: EMPLOYEES_RULE,
      keywords: LIST_RULE,
      dailyQuota: QUOTA_RULE,
      providers: PROVIDERS_RULE,
      active: ACTIVE_RULE,
    },
  ),
  v.forward(
    v.check(
      (icp) => icp.employeesMin === null || icp.employeesMax === null || icp.employeesMin <= icp.employeesMax,
      localized(...RANGE_RULE),
    ),
    ['employeesMin'],
  ),
);

type IcpRow = typeof prospectIcps.$inferSelect;

async function icpViews(tx: Transaction, rows: readonly IcpRow[]): Promise<IcpView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts = await tx.execute<{ id: string; n: number }>(
    sql`select icp.id, count(p.id)::int as n
        from unnest(${`{${ids.join(',')}}`}::uuid[]) as icp(id)
        left join prospect_candidates p on p.metadata @> jsonb_build_object('icps', jsonb_build_array(icp.id::text))
        group by icp.id`,
  );
  const runs = await tx
    .selectDistinctOn([sql`${queueJobs.payload}->>'icpId'`])
    .from(queueJobs)
    .where(
      sql`${queueJobs.jobType} = 'daily_prospect_queue' and ${queueJobs.payload}->>'icpId' = any(${`{${ids.join(',')}}`}::text[])`,
    )
    .orderBy(sql`${queueJobs.payload}->>'icpId'`, desc(queueJobs.createdAt));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return rows.map((row) => {
    const run = runs.find((entry) => entry.payload.icpId === row.id);
    return {
      id: row.id,
      name: row.name,
      industries: row.industries,
      province: row.province,
      cities: row.cities,
      radiusKm: row.radiusKm,
      languages: row.languages,
      employeesMin: row.employeesMin,
      employeesMax: row.employeesMax,
      keywords: row.keywords,
      dailyQuota: row.dailyQuota,
      providers: row.providers,
      active: row.active,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      prospects: counts.rows.find((entry) => entry.id === row.id)?.n ?? 0,
      lastRun: run ? runView(run, names) : null,
    };
  });
}

export const listIcps = (db: DatabaseAccess): Promise<IcpView[]> =>
  db.service(async (tx) =>
    icpViews(tx, await tx.select().from(prospectIcps).orderBy(desc(prospectIcps.active), prospectIcps.createdAt)),
  );

export const createIcp = (db: DatabaseAccess, input: IcpInput, author: string): Promise<IcpView> =>
  db.service(async (tx) => {
    const [row] = await tx
      .insert(prospectIcps)
      .values({ ...input, createdBy: author })
      .returning();
    return (await icpViews(tx, [row!]))[0]!;
  });

export const updateIcp = (db: DatabaseAccess, id: string, input: IcpInput): Promise<IcpView> =>
  db.service(async (tx) => {
    const [row] = await tx
      .update(prospectIcps)
      .set({ ...input, updatedAt: sql`now()` })
      .where(eq(prospectIcps.id, id))
      .returning();
    if (!row) throw new AppError('icp_not_found');
    return (await icpViews(tx, [row]))[0]!;
  });
