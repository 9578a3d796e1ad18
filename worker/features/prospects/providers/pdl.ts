import * as v from 'valibot';
import { createProviderHttp, decodeCursor, encodeCursor, endpoint, type Fetch, pageSizeFor } from './http';
import { countryCode, lookupIndustry, normalizeTerm, provinceName, regionOf } from './industries';
import type { ProspectProviderAdapter, ProspectQuery, ProviderPage, ProviderRecord, SearchRequest } from './port';

/**
 * People Data Labs Company Search (POST /v5/company/search), queried with Elasticsearch.
 * PDL bills one credit per record returned, whatever the request, so the query is as narrow
 * as the ICP allows and `size` is never more than the caller's limit.
 */

export interface PdlSettings {
  apiKey: string;
  /** Default https://api.peopledatalabs.com. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

export const PDL_DEFAULT_BASE_URL = 'https://api.peopledatalabs.com';
/** The largest `size` Company Search accepts. */
export const PDL_MAX_PAGE_SIZE = 100;

/** Where the previous page left off: PDL's scroll token, and how many records came before it. */
const Cursor = v.object({ t: v.string(), n: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const Location = v.looseObject({
  locality: v.nullish(v.string()),
  region: v.nullish(v.string()),
  country: v.nullish(v.string()),
  street_address: v.nullish(v.string()),
  address_line_2: v.nullish(v.string()),
  postal_code: v.nullish(v.string()),
});

const Company = v.looseObject({
  id: v.string(),
  name: v.nullish(v.string()),
  display_name: v.nullish(v.string()),
  website: v.nullish(v.string()),
  industry: v.nullish(v.string()),
  location: v.nullish(Location),
  employee_count: v.nullish(v.number()),
  linkedin_url: v.nullish(v.string()),
  // Not in PDL's company schema today; read if a plan or a later version adds it.
  phone: v.nullish(v.string()),
  email: v.nullish(v.string()),
});
type Company = v.InferOutput<typeof Company>;

const Answer = v.looseObject({
  status: v.nullish(v.number()),
  data: v.array(Company),
  total: v.nullish(v.number()),
  scroll_token: v.nullish(v.string()),
});
type Answer = v.InferOutput<typeof Answer>;

/** PDL's 404 means "nothing matched", billed nothing: the last page, empty. */
const NOTHING_MATCHED: Answer = { status: 404, data: [], total: 0, scroll_token: null };

export function createPdlProvider(settings: PdlSettings): ProspectProviderAdapter {
  const url = endpoint(settings.baseUrl ?? PDL_DEFAULT_BASE_URL, '/v5/company/search');
  const http = createProviderHttp({
    provider: 'pdl',
    label: 'People Data Labs',
    timeoutMs: settings.timeoutMs,
    fetch: settings.fetch,
    secrets: [settings.apiKey],
  });

  return {
    name: 'pdl',

    async search(query: ProspectQuery, request: SearchRequest): Promise<ProviderPage> {
      const size = pageSizeFor('pdl', request.limit, PDL_MAX_PAGE_SIZE);
      const from = request.cursor ? decodeCursor('pdl', request.cursor, Cursor) : null;
      const { body, cost } = await http.request({
        method: 'POST',
        url,
        headers: { 'X-Api-Key': settings.apiKey },
        body: {
          query: pdlQuery(query),
          size,
          ...(from ? { scroll_token: from.t } : {}),
        },
        schema: Answer,
        signal: request.signal,
        charge: (raw) => ({ credits: recordsIn(raw), usdCents: 0 }),
        answerFor: { status: 404, value: NOTHING_MATCHED },
      });

      const seen = (from?.n ?? 0) + body.data.length;
      // A short page, no token or the total reached: asking again would cost a request for nothing.
      const more = body.data.length >= size && seen < (body.total ?? Number.POSITIVE_INFINITY);
      return {
        records: body.data.flatMap(toRecord),
        nextCursor: more && body.scroll_token ? encodeCursor({ t: body.scroll_token, n: seen }) : null,
        cost,
      };
    },
  };
}

/**
 * The ICP as an Elasticsearch bool query over PDL's company fields, which PDL stores in lower
 * case ("quebec", "laval", "construction"). Exported for the tests that read it.
 */
export function pdlQuery(query: ProspectQuery): Record<string, unknown> {
  const must: unknown[] = [
    { term: { 'location.country': 'canada' } },
    // Prospects are stored by website: a record without one is a credit spent on nothing.
    { exists: { field: 'website' } },
  ];
  if (query.province) {
    must.push({ term: { 'location.region': normalizeTerm(provinceName(query.province, 'en')) } });
  }
  const cities = unique(query.cities.flatMap(cityTerms));
  if (cities.length > 0) must.push({ terms: { 'location.locality': cities } });
  if (query.employeesMin !== null || query.employeesMax !== null) {
    must.push({
      range: {
        employee_count: {
          ...(query.employeesMin === null ? {} : { gte: query.employeesMin }),
          ...(query.employeesMax === null ? {} : { lte: query.employeesMax }),
        },
      },
    });
  }
  const industries = query.industries.filter((name) => name.trim() !== '');
  if (industries.length > 0) {
    must.push({ bool: { should: industries.map(industryClause), minimum_should_match: 1 } });
  }
  const keywords = query.keywords.map((keyword) => keyword.trim()).filter(Boolean);
  if (keywords.length > 0) {
    must.push({ bool: { should: keywords.flatMap(keywordClauses), minimum_should_match: 1 } });
  }
  return { bool: { must } };
}

/**
 * A known trade as its canonical industries, narrowed by the words its summary or tags hold
 * when those industries are broader than the trade; an unknown one as a canonical name itself.
 */
function industryClause(name: string): unknown {
  const vocabulary = lookupIndustry(name);
  if (!vocabulary) return { term: { industry: name.trim().toLowerCase() } };
  const industry = { terms: { industry: vocabulary.pdl.industries } };
  const { narrow } = vocabulary.pdl;
  if (narrow.length === 0) return industry;
  return {
    bool: {
      must: [
        industry,
        {
          bool: {
            should: [...narrow.map((word) => ({ match_phrase: { summary: word } })), { terms: { tags: narrow } }],
            minimum_should_match: 1,
          },
        },
      ],
    },
  };
}

function keywordClauses(keyword: string): unknown[] {
  return [{ match_phrase: { summary: keyword } }, { term: { tags: keyword.toLowerCase() } }];
}

/** A city as written and without its accents: PDL's spelling of Québec's towns varies. */
function cityTerms(city: string): string[] {
  const lower = city.trim().toLowerCase();
  if (lower === '') return [];
  return [lower, lower.normalize('NFD').replace(/\p{Diacritic}/gu, '')];
}

function toRecord(company: Company): ProviderRecord[] {
  const businessName = (company.display_name ?? company.name ?? '').trim();
  if (businessName === '') return [];
  const location = company.location;
  const street = [location?.street_address, location?.address_line_2].filter(Boolean).join(' ');
  return [
    {
      source: 'pdl',
      sourceId: `pdl:${company.id}`,
      businessName,
      website: company.website ?? null,
      email: company.email ?? null,
      phone: company.phone ?? null,
      industry: company.industry ?? null,
      city: location?.locality ?? null,
      region: regionOf(location?.region),
      country: countryCode(location?.country),
      employees: company.employee_count ?? null,
      linkedinUrl: company.linkedin_url ?? null,
      // A city alone is not an address: only a street makes one.
      address: street
        ? [street, location?.locality, location?.region, location?.postal_code].filter(Boolean).join(', ')
        : null,
    },
  ];
}

/** Records billed in a raw answer, read before validation so a malformed page still reports its cost. */
function recordsIn(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || !('data' in raw)) return 0;
  return Array.isArray(raw.data) ? raw.data.length : 0;
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
