import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPdlProvider } from '../../../../worker/features/prospects/providers/pdl';
import { type ProspectQuery, ProviderError } from '../../../../worker/features/prospects/providers/port';
import { type FakeApi, failure, startFakeApi } from './fake-api';

const API_KEY = 'pdl-test-key-5f3a9c';

const QUERY: ProspectQuery = {
  industries: ['plomberie'],
  province: 'QC',
  cities: ['Laval', 'Saint-Jérôme'],
  radiusKm: null,
  languages: ['fr'],
  employeesMin: 2,
  employeesMax: 50,
  keywords: ['urgence'],
};

function company(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `plomberie ${id}`,
    display_name: `Plomberie ${id}`,
    website: `plomberie-${id}.ca`,
    industry: 'construction',
    location: {
      name: 'laval, quebec, canada',
      locality: 'laval',
      region: 'quebec',
      country: 'canada',
      street_address: '123 boulevard des laurentides',
      address_line_2: null,
      postal_code: 'h7g 2t4',
    },
    employee_count: 12,
    linkedin_url: `linkedin.com/company/plomberie-${id}`,
    size: '11-50',
    founded: 1998,
    tags: ['plumbing'],
    ...overrides,
  };
}

const page = (data: unknown[], total: number, scrollToken: string | null) => ({
  status: 200,
  body: { status: 200, data, total, scroll_token: scrollToken },
});

let api: FakeApi;
const consoleSpies: ReturnType<typeof vi.spyOn>[] = [];

beforeAll(async () => {
  api = await startFakeApi();
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(vi.spyOn(console, method));
  }
});

afterEach(() => {
  // Whatever a test did, the key never reached the console.
  for (const spy of consoleSpies) {
    expect(JSON.stringify(spy.mock.calls)).not.toContain(API_KEY);
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
});

const provider = (timeoutMs?: number) => createPdlProvider({ apiKey: API_KEY, baseUrl: api.origin, timeoutMs });

describe('PDL Company Search', () => {
  it('posts an Elasticsearch query for the ICP, asking for exactly the limit', async () => {
    api.script(page([], 0, null));
    await provider().search(QUERY, { limit: 7 });

    expect(api.received).toHaveLength(1);
    const [request] = api.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v5/company/search');
    expect(request?.headers['x-api-key']).toBe(API_KEY);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = request?.json as { size: number; scroll_token?: string; query: { bool: { must: unknown[] } } };
    expect(body.size).toBe(7);
    expect(body).not.toHaveProperty('scroll_token');
    expect(body).not.toHaveProperty('sql');
    const must = body.query.bool.must;
    expect(must).toContainEqual({ term: { 'location.country': 'canada' } });
    expect(must).toContainEqual({ term: { 'location.region': 'quebec' } });
    expect(must).toContainEqual({ terms: { 'location.locality': ['laval', 'saint-jérôme', 'saint-jerome'] } });
    expect(must).toContainEqual({ range: { employee_count: { gte: 2, lte: 50 } } });
    expect(must).toContainEqual({ exists: { field: 'website' } });
    // Plumbing files under construction at PDL, narrowed to businesses that say plumbing.
    const serialized = JSON.stringify(must);
    expect(serialized).toContain('{"terms":{"industry":["construction"]}}');
    expect(serialized).toContain('{"match_phrase":{"summary":"plumbing"}}');
    expect(serialized).toContain('{"match_phrase":{"summary":"urgence"}}');
    expect(serialized).toContain('{"term":{"tags":"urgence"}}');
  });

  it('sends an unknown industry as a lower-case canonical name, and leaves out absent criteria', async () => {
    api.script(page([], 0, null));
    await provider().search(
      {
        ...QUERY,
        industries: ['Wine & Spirits'],
        province: null,
        cities: [],
        employeesMin: null,
        employeesMax: null,
        keywords: [],
      },
      { limit: 3 },
    );
    const must = (api.received[0]!.json as { query: { bool: { must: unknown[] } } }).query.bool.must;
    expect(must).toEqual([
      { term: { 'location.country': 'canada' } },
      { exists: { field: 'website' } },
      { bool: { should: [{ term: { industry: 'wine & spirits' } }], minimum_should_match: 1 } },
    ]);
  });

  it('maps companies to records and counts one credit per record', async () => {
    api.script(
      page([company('a1'), company('b2', { display_name: null, phone: '+1 450-555-0100', location: null })], 2, null),
    );
    const result = await provider().search(QUERY, { limit: 10 });

    expect(result.records).toEqual([
      {
        source: 'pdl',
        sourceId: 'pdl:a1',
        businessName: 'Plomberie a1',
        website: 'plomberie-a1.ca',
        email: null,
        phone: null,
        industry: 'construction',
        city: 'laval',
        region: 'QC',
        country: 'CA',
        employees: 12,
        linkedinUrl: 'linkedin.com/company/plomberie-a1',
        address: '123 boulevard des laurentides, laval, quebec, h7g 2t4',
      },
      {
        source: 'pdl',
        sourceId: 'pdl:b2',
        businessName: 'plomberie b2',
        website: 'plomberie-b2.ca',
        email: null,
        phone: '+1 450-555-0100',
        industry: 'construction',
        city: null,
        region: null,
        country: null,
        employees: 12,
        linkedinUrl: 'linkedin.com/company/plomberie-b2',
        address: null,
      },
    ]);
    expect(result.nextCursor).toBeNull();
    expect(result.cost).toEqual({ requests: 1, credits: 2, usdCents: 0 });
  });

  it('pages with the scroll token until the total is reached', async () => {
    api.script(
      page([company('1'), company('2')], 5, 'scroll-1'),
      page([company('3'), company('4')], 5, 'scroll-2'),
      page([company('5')], 5, 'scroll-3'),
    );
    const pdl = provider();
    const first = await pdl.search(QUERY, { limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const second = await pdl.search(QUERY, { limit: 2, cursor: first.nextCursor! });
    expect(second.nextCursor).not.toBeNull();
    const third = await pdl.search(QUERY, { limit: 2, cursor: second.nextCursor! });

    expect([...first.records, ...second.records, ...third.records].map((record) => record.sourceId)).toEqual([
      'pdl:1',
      'pdl:2',
      'pdl:3',
      'pdl:4',
      'pdl:5',
    ]);
    expect(third.nextCursor).toBeNull();
    const bodies = api.received.map((request) => request.json as { scroll_token?: string; size: number });
    expect(bodies.map((body) => body.scroll_token)).toEqual([undefined, 'scroll-1', 'scroll-2']);
    expect(bodies.map((body) => body.size)).toEqual([2, 2, 2]);
    expect([first.cost.credits, second.cost.credits, third.cost.credits]).toEqual([2, 2, 1]);
  });

  it('ends when a full page exactly reaches the total, without asking for an empty one', async () => {
    api.script(page([company('1'), company('2')], 2, 'scroll-1'));
    const result = await provider().search(QUERY, { limit: 2 });
    expect(result.nextCursor).toBeNull();
  });

  it('reads 404 as no match: an empty last page, billed nothing', async () => {
    api.script({
      status: 404,
      body: { status: 404, error: { type: 'not_found', message: 'No records were found matching your search' } },
    });
    const result = await provider().search(QUERY, { limit: 5 });
    expect(result).toEqual({ records: [], nextCursor: null, cost: { requests: 1, credits: 0, usdCents: 0 } });
  });

  it('reports 402 as out of credits', async () => {
    api.script({
      status: 402,
      body: { status: 402, error: { type: 'payment_required', message: 'You have hit your account maximum' } },
    });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'pdl', kind: 'out_of_credits', options: { status: 402 } });
    expect((error as ProviderError).options.cost).toEqual({ requests: 1, credits: 0, usdCents: 0 });
  });

  it('reports 401 as unauthorized, without the key even when PDL echoes it', async () => {
    api.script({
      status: 401,
      body: { status: 401, error: { type: 'authentication_error', message: `Invalid API key ${API_KEY}` } },
    });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'unauthorized', options: { status: 401 } });
    expect((error as Error).message).toContain('Invalid API key');
    expect((error as Error).message).not.toContain(API_KEY);
    expect(JSON.stringify(error)).not.toContain(API_KEY);
  });

  it('retries once after a short Retry-After and returns the page', async () => {
    api.script(
      { status: 429, headers: { 'retry-after': '0' }, body: { status: 429, error: { type: 'rate_limit_error' } } },
      page([company('1')], 1, null),
    );
    const result = await provider().search(QUERY, { limit: 5 });
    expect(api.received).toHaveLength(2);
    expect(result.records).toHaveLength(1);
    expect(result.cost).toEqual({ requests: 2, credits: 1, usdCents: 0 });
  });

  it('gives up at once on a long Retry-After, saying when to come back', async () => {
    api.script({
      status: 429,
      headers: { 'retry-after': '60' },
      body: { status: 429, error: { type: 'rate_limit_error' } },
    });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(api.received).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'rate_limited', options: { retryAfterSeconds: 60, status: 429 } });
  });

  it('reports 500 as unavailable', async () => {
    api.script({ status: 500, body: { status: 500, error: { type: 'error', message: 'Internal error' } } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'unavailable' });
  });

  it('reports malformed JSON as an invalid response', async () => {
    api.script({ status: 200, raw: '{"status":200,"data":[' });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'invalid_response' });
  });

  it('reports a wrong shape as an invalid response, with the credits the records still cost', async () => {
    api.script({ status: 200, body: { status: 200, data: [{ name: 'no id' }, { id: 7 }], total: 2 } });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'invalid_response' });
    expect((error as ProviderError).options.cost).toEqual({ requests: 1, credits: 2, usdCents: 0 });
  });

  it('times out on a server that never answers', async () => {
    api.script('hang');
    const error = await failure(provider(150).search(QUERY, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'timeout', options: { cost: { requests: 1, credits: 0, usdCents: 0 } } });
  });

  it('refuses a cursor it did not write, without a request', async () => {
    api.script(page([], 0, null));
    const error = await failure(provider().search(QUERY, { limit: 5, cursor: 'not-a-cursor' }));
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(api.received).toHaveLength(0);
  });

  it('asks for at most 100, PDL’s largest page', async () => {
    api.script(page([], 0, null));
    await provider().search(QUERY, { limit: 250 });
    expect((api.received[0]!.json as { size: number }).size).toBe(100);
  });
});
