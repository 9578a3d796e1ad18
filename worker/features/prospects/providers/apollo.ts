import * as v from 'valibot';
import {
  createProviderHttp,
  decodeCursor,
  encodeCursor,
  endpoint,
  type Fetch,
  numberedPage,
  pageSizeFor,
} from './http';
import { apolloKeywordTags, countryCode, normalizeTerm, provinceName, regionOf } from './industries';
import type { ProspectProviderAdapter, ProspectQuery, ProviderPage, ProviderRecord, SearchRequest } from './port';

/**
 * Apollo Organization Search (POST /api/v1/mixed_companies/search), paged by number. Apollo
 * answers both its database's organizations and the companies already saved as accounts in
 * the Apollo workspace; both are prospects here.
 */

export interface ApolloSettings {
  apiKey: string;
  /** Default https://api.apollo.io. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

export const APOLLO_DEFAULT_BASE_URL = 'https://api.apollo.io';
/** The largest `per_page` Apollo accepts. */
export const APOLLO_MAX_PAGE_SIZE = 100;
/** Apollo shows no results past page 500 (50,000 records), whatever the total says. */
export const APOLLO_MAX_PAGE = 500;
/**
 * Organization Search is billed per page requested, not per record: a page of 1 and a page of
 * 100 cost the same credit, which is why a caller wanting many records should ask for 100.
 */
export const APOLLO_CREDITS_PER_PAGE = 1;

/** Records consumed before the next page; the page number follows from it and the page size. */
const Cursor = v.object({ o: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const Phone = v.looseObject({ number: v.nullish(v.string()), sanitized_number: v.nullish(v.string()) });

const Organization = v.looseObject({
  id: v.nullish(v.string()),
  /** Set on accounts: the organization the account was saved from. */
  organization_id: v.nullish(v.string()),
  name: v.nullish(v.string()),
  website_url: v.nullish(v.string()),
  primary_domain: v.nullish(v.string()),
  domain: v.nullish(v.string()),
  phone: v.nullish(v.string()),
  sanitized_phone: v.nullish(v.string()),
  primary_phone: v.nullish(Phone),
  linkedin_url: v.nullish(v.string()),
  industry: v.nullish(v.string()),
  city: v.nullish(v.string()),
  state: v.nullish(v.string()),
  country: v.nullish(v.string()),
  street_address: v.nullish(v.string()),
  raw_address: v.nullish(v.string()),
  estimated_num_employees: v.nullish(v.number()),
});
type Organization = v.InferOutput<typeof Organization>;

const Answer = v.looseObject({
  organizations: v.nullish(v.array(Organization)),
  accounts: v.nullish(v.array(Organization)),
  pagination: v.nullish(
    v.looseObject({
      page: v.nullish(v.number()),
      per_page: v.nullish(v.number()),
      total_entries: v.nullish(v.number()),
      total_pages: v.nullish(v.number()),
    }),
  ),
});

export function createApolloProvider(settings: ApolloSettings): ProspectProviderAdapter {
  const url = endpoint(settings.baseUrl ?? APOLLO_DEFAULT_BASE_URL, '/api/v1/mixed_companies/search');
  const http = createProviderHttp({
    provider: 'apollo',
    label: 'Apollo',
    timeoutMs: settings.timeoutMs,
    fetch: settings.fetch,
    secrets: [settings.apiKey],
  });

  return {
    name: 'apollo',

    async search(query: ProspectQuery, request: SearchRequest): Promise<ProviderPage> {
      const size = pageSizeFor('apollo', request.limit, APOLLO_MAX_PAGE_SIZE);
      const offset = request.cursor ? decodeCursor('apollo', request.cursor, Cursor).o : 0;
      const { page, perPage } = numberedPage(offset, size);
      const { body, cost } = await http.request({
        method: 'POST',
        url,
        headers: { 'x-api-key': settings.apiKey, 'Cache-Control': 'no-cache' },
        body: { ...apolloFilters(query), page, per_page: perPage },
        schema: Answer,
        signal: request.signal,
        charge: () => ({ credits: APOLLO_CREDITS_PER_PAGE, usdCents: 0 }),
      });

      const found = [...(body.accounts ?? []), ...(body.organizations ?? [])];
      const records = mergeDuplicates(found.flatMap(toRecord));
      const totalPages = body.pagination?.total_pages;
      // Trust Apollo's page count when it gives one; without it, a short page is the last.
      const more =
        page < APOLLO_MAX_PAGE && (typeof totalPages === 'number' ? page < totalPages : found.length >= perPage);
      return {
        // Accounts ride along with the page's organizations and can push it past the limit.
        records: records.slice(0, request.limit),
        nextCursor: more ? encodeCursor({ o: offset + perPage }) : null,
        cost,
      };
    },
  };
}

/** The ICP as Apollo's search filters; exported for the tests that read them. */
export function apolloFilters(query: ProspectQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  const region = query.province ? normalizeTerm(provinceName(query.province, 'en')) : null;
  const cities = query.cities.map((city) => city.trim().toLowerCase()).filter(Boolean);
  filters.organization_locations =
    cities.length > 0
      ? cities.map((city) => [city, region, 'canada'].filter(Boolean).join(', '))
      : [[region, 'canada'].filter(Boolean).join(', ')];
  if (query.employeesMin !== null || query.employeesMax !== null) {
    // Apollo takes any "min,max" range, not only its UI's buckets; an open top is a bound past any business.
    const min = Math.max(1, query.employeesMin ?? 1);
    const max = query.employeesMax ?? 1_000_000;
    filters.organization_num_employees_ranges = [`${min},${max}`];
  }
  const tags = [
    ...new Set([
      ...apolloKeywordTags(query.industries),
      ...query.keywords.map((keyword) => keyword.trim()).filter(Boolean),
    ]),
  ];
  if (tags.length > 0) filters.q_organization_keyword_tags = tags;
  return filters;
}

function toRecord(organization: Organization): ProviderRecord[] {
  const id = organization.organization_id ?? organization.id;
  const businessName = organization.name?.trim() ?? '';
  if (!id || businessName === '') return [];
  return [
    {
      source: 'apollo',
      sourceId: `apollo:${id}`,
      businessName,
      website: organization.website_url ?? organization.primary_domain ?? organization.domain ?? null,
      // Apollo gives no company email in search; people's emails are a separate, per-person credit.
      email: null,
      phone:
        organization.primary_phone?.number ??
        organization.phone ??
        organization.primary_phone?.sanitized_number ??
        organization.sanitized_phone ??
        null,
      industry: organization.industry ?? null,
      city: organization.city ?? null,
      region: regionOf(organization.state),
      country: countryCode(organization.country),
      employees: organization.estimated_num_employees ?? null,
      linkedinUrl: organization.linkedin_url ?? null,
      address: organization.raw_address ?? organization.street_address ?? null,
    },
  ];
}

/**
 * One record per organization: an account saved from an organization comes back in both
 * lists, the account often with fewer fields, so each fills what the other lacks.
 */
function mergeDuplicates(records: ProviderRecord[]): ProviderRecord[] {
  const byId = new Map<string, ProviderRecord>();
  for (const record of records) {
    const known = byId.get(record.sourceId);
    if (!known) {
      byId.set(record.sourceId, record);
      continue;
    }
    const merged: ProviderRecord = { ...known };
    for (const key of Object.keys(record) as (keyof ProviderRecord)[]) {
      if (merged[key] === null) Object.assign(merged, { [key]: record[key] });
    }
    byId.set(record.sourceId, merged);
  }
  return [...byId.values()];
}
