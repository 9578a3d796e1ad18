import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APOLLO_CREDITS_PER_PAGE, createApolloProvider } from '../../../../worker/features/prospects/providers/apollo';
import { type ProspectQuery, ProviderError } from '../../../../worker/features/prospects/providers/port';
import { type FakeApi, failure, startFakeApi } from './fake-api';

const API_KEY = 'apollo-test-key-91be07';

const QUERY: ProspectQuery = {
  industries: ['toiture', 'plombier'],
  province: 'QC',
  cities: ['Laval'],
  radiusKm: 25,
  languages: ['fr'],
  employeesMin: 1,
  employeesMax: 50,
  keywords: ['residential'],
};

function organization(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `Toitures ${id}`,
    website_url: `http://www.toitures-${id}.ca`,
    blog_url: null,
    linkedin_url: `http://www.linkedin.com/company/toitures-${id}`,
    primary_phone: { number: '+1 450-555-0142', source: 'Account', sanitized_number: '+14505550142' },
    phone: '+1 450-555-0142',
    primary_domain: `toitures-${id}.ca`,
    industry: 'construction',
    estimated_num_employees: 14,
    city: 'Laval',
    state: 'Quebec',
    country: 'Canada',
    street_address: '1200 Boulevard Saint-Martin O',
    raw_address: '1200 Boulevard Saint-Martin O, Laval, Quebec H7S 1M9, Canada',
    keywords: ['roofing', 'residential roofing'],
    ...overrides,
  };
}

const answer = (
  organizations: unknown[],
  pagination: { page: number; per_page: number; total_entries: number; total_pages: number },
  accounts: unknown[] = [],
) => ({ status: 200, body: { breadcrumbs: [], partial_results_only: false, accounts, organizations, pagination } });

let api: FakeApi;
const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];

beforeAll(async () => {
  api = await startFakeApi();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(vi.spyOn(console, method));
  }
});

afterEach(() => {
  for (const spy of consoleSpies) {
    expect(JSON.stringify(spy.mock.calls)).not.toContain(API_KEY);
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
});

const provider = (timeoutMs?: number) => createApolloProvider({ apiKey: API_KEY, baseUrl: api.origin, timeoutMs });

describe('Apollo Organization Search', () => {
  it('posts the ICP as Apollo filters, one page of exactly the limit', async () => {
    api.script(answer([], { page: 1, per_page: 25, total_entries: 0, total_pages: 0 }));
    await provider().search(QUERY, { limit: 25 });

    const [request] = api.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/api/v1/mixed_companies/search');
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers['cache-control']).toBe('no-cache');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.query.toString()).toBe('');
    expect(request?.json).toEqual({
      organization_locations: ['laval, quebec, canada'],
      organization_num_employees_ranges: ['1,50'],
      q_organization_keyword_tags: ['roofing', 'plumbing', 'residential'],
      page: 1,
      per_page: 25,
    });
  });

  it('searches the whole province without cities, and any size without bounds', async () => {
    api.script(answer([], { page: 1, per_page: 10, total_entries: 0, total_pages: 0 }));
    await provider().search(
      { ...QUERY, cities: [], employeesMin: 10, employeesMax: null, industries: [], keywords: [] },
      { limit: 10 },
    );
    expect(api.received[0]?.json).toEqual({
      organization_locations: ['quebec, canada'],
      organization_num_employees_ranges: ['10,1000000'],
      page: 1,
      per_page: 10,
    });
  });

  it('maps organizations and saved accounts to records, once each, for one credit', async () => {
    api.script(
      answer(
        [
          organization('o1'),
          organization('o2', { primary_phone: null, phone: null, website_url: null, state: 'Ontario' }),
        ],
        { page: 1, per_page: 10, total_entries: 3, total_pages: 1 },
        [
          // An account saved from o1 comes back in both lists.
          { id: 'acc-9', organization_id: 'o1', name: 'Toitures o1', website_url: 'http://www.toitures-o1.ca' },
          {
            id: 'acc-7',
            organization_id: 'o3',
            name: 'Couvreur Trois',
            domain: 'couvreur3.ca',
            sanitized_phone: '+14505550199',
          },
        ],
      ),
    );
    const result = await provider().search(QUERY, { limit: 10 });

    expect(result.records.map((record) => record.sourceId)).toEqual(['apollo:o1', 'apollo:o3', 'apollo:o2']);
    expect(result.records[2]).toEqual({
      source: 'apollo',
      sourceId: 'apollo:o2',
      businessName: 'Toitures o2',
      website: 'toitures-o2.ca',
      email: null,
      phone: null,
      industry: 'construction',
      city: 'Laval',
      region: 'ON',
      country: 'CA',
      employees: 14,
      linkedinUrl: 'http://www.linkedin.com/company/toitures-o2',
      address: '1200 Boulevard Saint-Martin O, Laval, Quebec H7S 1M9, Canada',
    });
    expect(result.records[1]).toMatchObject({ website: 'couvreur3.ca', phone: '+14505550199', region: null });
    expect(result.records[0]).toMatchObject({ phone: '+1 450-555-0142', website: 'http://www.toitures-o1.ca' });
    expect(result.nextCursor).toBeNull();
    expect(result.cost).toEqual({ requests: 1, credits: APOLLO_CREDITS_PER_PAGE, usdCents: 0 });
  });

  it('pages by number until the last page', async () => {
    api.script(
      answer([organization('1'), organization('2')], { page: 1, per_page: 2, total_entries: 5, total_pages: 3 }),
      answer([organization('3'), organization('4')], { page: 2, per_page: 2, total_entries: 5, total_pages: 3 }),
      answer([organization('5')], { page: 3, per_page: 2, total_entries: 5, total_pages: 3 }),
    );
    const apollo = provider();
    const first = await apollo.search(QUERY, { limit: 2 });
    const second = await apollo.search(QUERY, { limit: 2, cursor: first.nextCursor! });
    const third = await apollo.search(QUERY, { limit: 2, cursor: second.nextCursor! });

    expect(api.received.map((request) => (request.json as { page: number }).page)).toEqual([1, 2, 3]);
    expect(api.received.map((request) => (request.json as { per_page: number }).per_page)).toEqual([2, 2, 2]);
    expect([first, second, third].flatMap((result) => result.records.map((record) => record.sourceId))).toEqual([
      'apollo:1',
      'apollo:2',
      'apollo:3',
      'apollo:4',
      'apollo:5',
    ]);
    expect(first.nextCursor).not.toBeNull();
    expect(second.nextCursor).not.toBeNull();
    expect(third.nextCursor).toBeNull();
  });

  it('keeps its place when the caller changes its limit between pages', async () => {
    api.script(
      answer([organization('1'), organization('2'), organization('3')], {
        page: 1,
        per_page: 3,
        total_entries: 9,
        total_pages: 3,
      }),
      answer([organization('4'), organization('5'), organization('6')], {
        page: 2,
        per_page: 3,
        total_entries: 9,
        total_pages: 3,
      }),
    );
    const apollo = provider();
    const first = await apollo.search(QUERY, { limit: 3 });
    await apollo.search(QUERY, { limit: 5, cursor: first.nextCursor! });
    // Three records in, pages of 3 still line up; pages of 5 would skip records 4 and 5.
    expect(api.received[1]?.json).toMatchObject({ page: 2, per_page: 3 });
  });

  it('never asks for more than 100 per page', async () => {
    api.script(answer([], { page: 1, per_page: 100, total_entries: 0, total_pages: 0 }));
    await provider().search(QUERY, { limit: 500 });
    expect(api.received[0]?.json).toMatchObject({ per_page: 100 });
  });

  it('reports 422 for credits as out of credits, and another 422 as a bad request', async () => {
    api.script({ status: 422, body: { error: 'You have insufficient credits to perform this search.' } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'out_of_credits' });
    api.script({ status: 422, body: { error: 'Value for per_page must be at most 100' } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'bad_request' });
  });

  it('reports 401 as unauthorized: credentials are not credits', async () => {
    api.script({ status: 401, body: { error: 'Invalid access credentials.', error_code: 'INVALID_API_KEY' } });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'apollo', kind: 'unauthorized', options: { status: 401 } });
    expect((error as Error).message).not.toContain(API_KEY);
  });

  it('retries once after a short Retry-After', async () => {
    api.script(
      { status: 429, headers: { 'retry-after': '0' }, body: { message: 'The maximum number of api calls allowed' } },
      answer([organization('1')], { page: 1, per_page: 5, total_entries: 1, total_pages: 1 }),
    );
    const result = await provider().search(QUERY, { limit: 5 });
    expect(result.records).toHaveLength(1);
    expect(result.cost.requests).toBe(2);
  });

  it('gives up on a long Retry-After with when to come back', async () => {
    api.script({ status: 429, headers: { 'retry-after': '3600' }, body: { message: 'Hourly limit reached' } });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'rate_limited', options: { retryAfterSeconds: 3600 } });
    expect(api.received).toHaveLength(1);
  });

  it('reports 500, malformed JSON and a wrong shape', async () => {
    api.script({ status: 502, raw: '<html>Bad gateway</html>' });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'unavailable' });
    api.script({ status: 200, raw: 'not json' });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'invalid_response' });
    api.script({ status: 200, body: { organizations: 'none' } });
    const shape = await failure(provider().search(QUERY, { limit: 5 }));
    expect(shape).toMatchObject({ kind: 'invalid_response' });
    // Apollo billed the page it answered, even if it was garbled.
    expect((shape as ProviderError).options.cost).toEqual({ requests: 1, credits: 1, usdCents: 0 });
  });

  it('times out on a server that never answers', async () => {
    api.script('hang');
    expect(await failure(provider(150).search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'timeout' });
  });
});
