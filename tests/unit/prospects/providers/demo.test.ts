import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoProvider, isLoopbackOrigin } from '../../../../worker/features/prospects/providers/demo';
import type { ProspectQuery } from '../../../../worker/features/prospects/providers/port';
import { type FakeApi, failure, startFakeApi } from './fake-api';

const QUERY: ProspectQuery = {
  industries: ['plumbing', 'roofing'],
  province: 'QC',
  cities: ['Laval'],
  radiusKm: null,
  languages: ['fr'],
  employeesMin: null,
  employeesMax: null,
  keywords: ['urgence', 'résidentiel'],
};

function business(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    slug,
    businessName: `Plomberie ${slug}`,
    website: `https://${slug}.test`,
    industry: 'plumbing',
    city: 'Laval',
    province: 'QC',
    phone: '+1 450-555-0100',
    email: null,
    employees: 8,
    languages: ['fr'],
    ...overrides,
  };
}

const listing = (businesses: unknown[], page: number, perPage: number, total: number) => ({
  status: 200,
  body: { businesses, page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) },
});

let api: FakeApi;

beforeAll(async () => {
  api = await startFakeApi();
});

afterAll(async () => {
  await api.close();
});

const provider = (timeoutMs?: number) => createDemoProvider({ origin: api.origin, timeoutMs });

describe('the demo provider', () => {
  it.each([
    'https://127.0.0.1:8787',
    'http://example.com:8787',
    'http://10.0.0.5:8787',
    'http://127.0.0.2:8787',
    'http://user:pw@127.0.0.1:8787',
    'http://127.0.0.1:8787/api',
    'not a url',
  ])('refuses %s at construction', (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(false);
    expect(() => createDemoProvider({ origin })).toThrow(/loopback/);
  });

  it.each(['http://127.0.0.1:8787', 'http://localhost:4000', 'http://[::1]:4000', 'http://127.0.0.1:8787/'])(
    'accepts %s',
    (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(true);
      expect(createDemoProvider({ origin }).name).toBe('demo');
    },
  );

  it('asks the demo server for the ICP, one page of the limit', async () => {
    api.script(listing([], 1, 20, 0));
    await provider().search(QUERY, { limit: 20 });

    const [request] = api.received;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/api/businesses');
    expect(request?.query.getAll('industry')).toEqual(['plumbing', 'roofing']);
    expect(request?.query.getAll('city')).toEqual(['Laval']);
    expect(request?.query.get('province')).toBe('QC');
    expect(request?.query.getAll('language')).toEqual(['fr']);
    expect(request?.query.get('q')).toBe('urgence résidentiel');
    expect(request?.query.get('page')).toBe('1');
    expect(request?.query.get('per_page')).toBe('20');
  });

  it('leaves out what the ICP does not ask for', async () => {
    api.script(listing([], 1, 5, 0));
    await provider().search({ ...QUERY, province: null, cities: [], languages: [], keywords: [] }, { limit: 5 });
    expect([...(api.received[0]?.query.keys() ?? [])]).toEqual(['industry', 'industry', 'page', 'per_page']);
  });

  it('maps businesses to records, at no cost', async () => {
    api.script(listing([business('plomberie-laval', { email: 'info@plomberie-laval.test' })], 1, 20, 1));
    const result = await provider().search(QUERY, { limit: 20 });
    expect(result.records).toEqual([
      {
        source: 'demo',
        sourceId: 'demo:plomberie-laval',
        businessName: 'Plomberie plomberie-laval',
        website: 'https://plomberie-laval.test',
        email: 'info@plomberie-laval.test',
        phone: '+1 450-555-0100',
        industry: 'plumbing',
        city: 'Laval',
        region: 'QC',
        country: 'CA',
        employees: 8,
        linkedinUrl: null,
        address: null,
      },
    ]);
    expect(result.nextCursor).toBeNull();
    expect(result.cost).toEqual({ requests: 1, credits: 0, usdCents: 0 });
  });

  it('keeps to the ICP’s size, which the server does not filter', async () => {
    api.script(
      listing(
        [
          business('tiny', { employees: 1 }),
          business('mid', { employees: 20 }),
          business('unknown', { employees: null }),
        ],
        1,
        20,
        3,
      ),
    );
    const result = await provider().search({ ...QUERY, employeesMin: 5, employeesMax: 50 }, { limit: 20 });
    expect(result.records.map((record) => record.sourceId)).toEqual(['demo:mid', 'demo:unknown']);
  });

  it('pages until the last page', async () => {
    api.script(listing([business('a'), business('b')], 1, 2, 3), listing([business('c')], 2, 2, 3));
    const demo = provider();
    const first = await demo.search(QUERY, { limit: 2 });
    const second = await demo.search(QUERY, { limit: 2, cursor: first.nextCursor! });
    expect(api.received.map((request) => request.query.get('page'))).toEqual(['1', '2']);
    expect([...first.records, ...second.records].map((record) => record.sourceId)).toEqual([
      'demo:a',
      'demo:b',
      'demo:c',
    ]);
    expect(first.nextCursor).not.toBeNull();
    expect(second.nextCursor).toBeNull();
  });

  it('reports a failing server, a malformed answer and a wrong shape', async () => {
    api.script({ status: 500, raw: 'boom' });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({
      provider: 'demo',
      kind: 'unavailable',
    });
    api.script({ status: 200, raw: '<html></html>' });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'invalid_response' });
    api.script({ status: 200, body: { items: [] } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'invalid_response' });
  });

  it('times out on a server that never answers', async () => {
    api.script('hang');
    expect(await failure(provider(150).search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'timeout' });
  });
});
