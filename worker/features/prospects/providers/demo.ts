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
import { regionOf } from './industries';
import {
  NO_COST,
  type ProspectProviderAdapter,
  type ProspectQuery,
  type ProviderPage,
  type ProviderRecord,
  type SearchRequest,
} from './port';

/**
 * The demo sites of `npm start` as a provider (GET /api/businesses on DEMO_SITES_ORIGIN):
 * the whole discovery flow, offline and free, against sample businesses whose sites the
 * fetcher can read. Only ever a loopback server: this is never a production source.
 */

export interface DemoSettings {
  /** http://127.0.0.1:PORT, http://localhost:PORT or http://[::1]:PORT. */
  origin: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

/** The demo server pages like the real providers; a generous cap, since its pages cost nothing. */
export const DEMO_MAX_PAGE_SIZE = 100;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const Cursor = v.object({ o: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const Business = v.looseObject({
  slug: v.string(),
  businessName: v.string(),
  website: v.nullish(v.string()),
  industry: v.nullish(v.string()),
  city: v.nullish(v.string()),
  province: v.nullish(v.string()),
  phone: v.nullish(v.string()),
  email: v.nullish(v.string()),
  employees: v.nullish(v.number()),
  languages: v.nullish(v.array(v.string())),
});
type Business = v.InferOutput<typeof Business>;

const Answer = v.looseObject({
  businesses: v.array(Business),
  page: v.number(),
  per_page: v.number(),
  total: v.number(),
  total_pages: v.number(),
});

/** Whether an origin is one the demo provider accepts: plain http on a loopback host, nothing else. */
export function isLoopbackOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    !url.username &&
    !url.password &&
    (url.pathname === '/' || url.pathname === '') &&
    !url.search &&
    !url.hash
  );
}

export function createDemoProvider(settings: DemoSettings): ProspectProviderAdapter {
  // Refused at construction, not at the first search: a misconfigured deploy fails where it is wired.
  if (!isLoopbackOrigin(settings.origin)) {
    throw new Error(`DEMO_SITES_ORIGIN must be a loopback http origin (http://127.0.0.1:PORT), not ${settings.origin}`);
  }
  const base = new URL(settings.origin).origin;
  const http = createProviderHttp({
    provider: 'demo',
    label: 'the demo sites server',
    timeoutMs: settings.timeoutMs,
    fetch: settings.fetch,
  });

  return {
    name: 'demo',

    async search(query: ProspectQuery, request: SearchRequest): Promise<ProviderPage> {
      const size = pageSizeFor('demo', request.limit, DEMO_MAX_PAGE_SIZE);
      const offset = request.cursor ? decodeCursor('demo', request.cursor, Cursor).o : 0;
      const { page, perPage } = numberedPage(offset, size);
      const url = endpoint(base, '/api/businesses');
      for (const industry of query.industries) append(url, 'industry', industry);
      for (const city of query.cities) append(url, 'city', city);
      if (query.province) url.searchParams.set('province', query.province);
      for (const language of query.languages) url.searchParams.append('language', language);
      const keywords = query.keywords.map((keyword) => keyword.trim()).filter(Boolean);
      if (keywords.length > 0) url.searchParams.set('q', keywords.join(' '));
      url.searchParams.set('page', String(page));
      url.searchParams.set('per_page', String(perPage));

      const { body, cost } = await http.request({ method: 'GET', url, schema: Answer, signal: request.signal });
      return {
        // The server filters by everything but size, which its contract does not take.
        records: body.businesses
          .filter((business) => withinSize(business, query))
          .map(toRecord)
          .slice(0, request.limit),
        nextCursor: page < body.total_pages ? encodeCursor({ o: offset + perPage }) : null,
        cost: { ...NO_COST, requests: cost.requests },
      };
    },
  };
}

function append(url: URL, name: string, value: string): void {
  const trimmed = value.trim();
  if (trimmed !== '') url.searchParams.append(name, trimmed);
}

function withinSize(business: Business, query: ProspectQuery): boolean {
  const employees = business.employees;
  if (employees === null || employees === undefined) return true;
  if (query.employeesMin !== null && employees < query.employeesMin) return false;
  if (query.employeesMax !== null && employees > query.employeesMax) return false;
  return true;
}

function toRecord(business: Business): ProviderRecord {
  return {
    source: 'demo',
    sourceId: `demo:${business.slug}`,
    businessName: business.businessName,
    website: business.website ?? null,
    email: business.email ?? null,
    phone: business.phone ?? null,
    industry: business.industry ?? null,
    city: business.city ?? null,
    region: regionOf(business.province),
    country: 'CA',
    employees: business.employees ?? null,
    linkedinUrl: null,
    address: null,
  };
}
