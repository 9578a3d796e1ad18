import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createGooglePlacesProvider,
  GOOGLE_TEXT_SEARCH_ENTERPRISE_USD_CENTS,
  googleTextQueries,
} from '../../../../worker/features/prospects/providers/google-places';
import { type ProspectQuery, ProviderError } from '../../../../worker/features/prospects/providers/port';
import { type FakeApi, failure, startFakeApi } from './fake-api';

const API_KEY = 'AIzaSy-test-key-3c81d2';

const QUERY: ProspectQuery = {
  industries: ['plumbing', 'toiture'],
  province: 'QC',
  cities: ['Laval'],
  radiusKm: null,
  languages: ['fr'],
  employeesMin: null,
  employeesMax: null,
  keywords: [],
};

const MAPPED_FIELDS = [
  'places.id',
  'places.displayName',
  'places.websiteUri',
  'places.nationalPhoneNumber',
  'places.internationalPhoneNumber',
  'places.formattedAddress',
  'places.addressComponents',
  'places.primaryType',
  'nextPageToken',
];

function place(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    displayName: { text: `Plomberie ${id}`, languageCode: 'fr' },
    websiteUri: `https://plomberie-${id}.ca/`,
    nationalPhoneNumber: '(450) 555-0123',
    internationalPhoneNumber: '+1 450-555-0123',
    formattedAddress: '2500 Boulevard Daniel-Johnson, Laval, QC H7T 2P6, Canada',
    addressComponents: [
      { longText: '2500', shortText: '2500', types: ['street_number'], languageCode: 'fr' },
      { longText: 'Laval', shortText: 'Laval', types: ['locality', 'political'], languageCode: 'fr' },
      { longText: 'Québec', shortText: 'QC', types: ['administrative_area_level_1', 'political'], languageCode: 'fr' },
      { longText: 'Canada', shortText: 'CA', types: ['country', 'political'], languageCode: 'fr' },
    ],
    primaryType: 'plumber',
    ...overrides,
  };
}

const places = (list: unknown[], nextPageToken?: string) => ({
  status: 200,
  body: { places: list, ...(nextPageToken ? { nextPageToken } : {}) },
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
  for (const spy of consoleSpies) {
    expect(JSON.stringify(spy.mock.calls)).not.toContain(API_KEY);
  }
});

afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
});

const provider = (timeoutMs?: number) =>
  createGooglePlacesProvider({ apiKey: API_KEY, baseUrl: api.origin, timeoutMs });

describe('Google Places Text Search', () => {
  it('posts one text query, asking only for the mapped fields', async () => {
    api.script(places([]));
    await provider().search(QUERY, { limit: 15 });

    const [request] = api.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/places:searchText');
    expect(request?.headers['x-goog-api-key']).toBe(API_KEY);
    expect(String(request?.headers['x-goog-fieldmask']).split(',')).toEqual(MAPPED_FIELDS);
    expect(request?.json).toEqual({
      textQuery: 'plombier Laval, QC',
      pageSize: 15,
      languageCode: 'fr',
      regionCode: 'CA',
      includePureServiceAreaBusinesses: true,
    });
  });

  it('searches in English unless the businesses work only in French', async () => {
    api.script(places([]));
    await provider().search({ ...QUERY, languages: ['fr', 'en'] }, { limit: 5 });
    await provider().search({ ...QUERY, languages: [] }, { limit: 5 });
    expect(api.received.map((request) => request.json as { textQuery: string; languageCode: string })).toMatchObject([
      { textQuery: 'plumber Laval, QC', languageCode: 'en' },
      { textQuery: 'plumber Laval, QC', languageCode: 'en' },
    ]);
  });

  it('builds one query per industry and place', () => {
    expect(googleTextQueries({ ...QUERY, cities: ['Laval', 'Terrebonne'], keywords: ['urgence'] }, 'fr')).toEqual([
      'plombier urgence Laval, QC',
      'plombier urgence Terrebonne, QC',
      'couvreur urgence Laval, QC',
      'couvreur urgence Terrebonne, QC',
    ]);
    expect(googleTextQueries({ ...QUERY, cities: [] }, 'fr')).toEqual(['plombier Québec', 'couvreur Québec']);
    expect(googleTextQueries({ ...QUERY, cities: [], province: null, industries: ['boulangerie'] }, 'en')).toEqual([
      'boulangerie Canada',
    ]);
  });

  it('maps places to records, priced per request', async () => {
    api.script(
      places([
        place('p1'),
        place('p2', {
          websiteUri: undefined,
          internationalPhoneNumber: undefined,
          addressComponents: undefined,
          formattedAddress: undefined,
          primaryType: undefined,
        }),
        place('p3', { displayName: undefined }),
      ]),
    );
    const result = await provider().search(QUERY, { limit: 20 });
    expect(result.records).toEqual([
      {
        source: 'google_places',
        sourceId: 'google_places:p1',
        businessName: 'Plomberie p1',
        website: 'https://plomberie-p1.ca/',
        email: null,
        phone: '+1 450-555-0123',
        industry: 'plumber',
        city: 'Laval',
        region: 'QC',
        country: 'CA',
        employees: null,
        linkedinUrl: null,
        address: '2500 Boulevard Daniel-Johnson, Laval, QC H7T 2P6, Canada',
      },
      {
        source: 'google_places',
        sourceId: 'google_places:p2',
        businessName: 'Plomberie p2',
        website: null,
        email: null,
        phone: '(450) 555-0123',
        industry: null,
        city: null,
        region: null,
        country: null,
        employees: null,
        linkedinUrl: null,
        address: null,
      },
    ]);
    expect(result.cost).toEqual({ requests: 1, credits: 0, usdCents: GOOGLE_TEXT_SEARCH_ENTERPRISE_USD_CENTS });
    expect(GOOGLE_TEXT_SEARCH_ENTERPRISE_USD_CENTS).toBe(3.5);
  });

  it('walks each query’s pages, then the next query, then stops', async () => {
    api.script((request) => {
      const body = request.json as { textQuery: string; pageToken?: string };
      if (body.textQuery === 'plombier Laval, QC' && !body.pageToken) return places([place('a')], 'token-a2');
      if (body.textQuery === 'plombier Laval, QC' && body.pageToken === 'token-a2') return places([place('b')]);
      if (body.textQuery === 'couvreur Laval, QC' && !body.pageToken) return places([place('c')]);
      return { status: 400, body: { error: { code: 400, message: 'unexpected', status: 'INVALID_ARGUMENT' } } };
    });
    const google = provider();
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await google.search(QUERY, { limit: 20, cursor });
      ids.push(...result.records.map((record) => record.sourceId));
      cursor = result.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    expect(ids).toEqual(['google_places:a', 'google_places:b', 'google_places:c']);
    expect(pages).toBe(3);
    expect(api.received.map((request) => request.json)).toMatchObject([
      { textQuery: 'plombier Laval, QC' },
      { textQuery: 'plombier Laval, QC', pageToken: 'token-a2' },
      { textQuery: 'couvreur Laval, QC' },
    ]);
    expect(api.received[0]?.json).not.toHaveProperty('pageToken');
  });

  it('reads an empty answer as no places', async () => {
    api.script({ status: 200, body: {} });
    const result = await provider().search({ ...QUERY, industries: ['plumbing'] }, { limit: 5 });
    expect(result).toMatchObject({ records: [], nextCursor: null });
  });

  it('refuses an ICP with neither industry nor keyword, without a request', async () => {
    api.script(places([]));
    const error = await failure(provider().search({ ...QUERY, industries: [], keywords: [] }, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'bad_request' });
    expect(api.received).toHaveLength(0);
  });

  it('reads Google’s 400 for a bad key as unauthorized', async () => {
    api.script({
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
        },
      },
    });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'google_places', kind: 'unauthorized', options: { status: 400 } });
    // Google bills no failed request.
    expect((error as ProviderError).options.cost).toEqual({ requests: 1, credits: 0, usdCents: 0 });
  });

  it('tells a disabled API from a spent quota on 403', async () => {
    api.script({
      status: 403,
      body: {
        error: { code: 403, message: 'Places API (New) has not been used in project 123', status: 'PERMISSION_DENIED' },
      },
    });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'unauthorized' });
    api.script({
      status: 403,
      body: { error: { code: 403, message: 'Quota exceeded for quota metric', status: 'RESOURCE_EXHAUSTED' } },
    });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'out_of_credits' });
  });

  it('other 400s are bad requests', async () => {
    api.script({
      status: 400,
      body: { error: { code: 400, message: 'Invalid pageToken', status: 'INVALID_ARGUMENT' } },
    });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'bad_request' });
  });

  it('retries a 429 with a short Retry-After once, and reports one without as rate limited', async () => {
    const limited = { error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' } };
    api.script({ status: 429, headers: { 'retry-after': '0' }, body: limited }, places([place('x')]));
    const result = await provider().search(QUERY, { limit: 5 });
    expect(result.records).toHaveLength(1);
    expect(result.cost).toEqual({ requests: 2, credits: 0, usdCents: 3.5 });

    api.script({ status: 429, body: limited });
    const error = await failure(provider().search(QUERY, { limit: 5 }));
    expect(error).toMatchObject({ kind: 'rate_limited' });
    expect((error as ProviderError).options.retryAfterSeconds).toBeUndefined();
    expect(api.received).toHaveLength(1);
  });

  it('gives up on a long Retry-After', async () => {
    api.script({ status: 429, headers: { 'retry-after': '30' }, body: {} });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({
      kind: 'rate_limited',
      options: { retryAfterSeconds: 30 },
    });
  });

  it('reports 500, malformed JSON and a wrong shape', async () => {
    api.script({ status: 503, body: { error: { code: 503, message: 'The service is currently unavailable.' } } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'unavailable' });
    api.script({ status: 200, raw: '{"places": [' });
    const garbled = await failure(provider().search(QUERY, { limit: 5 }));
    expect(garbled).toMatchObject({ kind: 'invalid_response' });
    // The request was answered, so it was billed.
    expect((garbled as ProviderError).options.cost?.usdCents).toBe(3.5);
    api.script({ status: 200, body: { places: [{ displayName: { text: 'No id' } }] } });
    expect(await failure(provider().search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'invalid_response' });
  });

  it('times out on a server that never answers', async () => {
    api.script('hang');
    expect(await failure(provider(150).search(QUERY, { limit: 5 }))).toMatchObject({ kind: 'timeout' });
  });

  it('refuses a cursor past the ICP’s queries', async () => {
    api.script(places([]));
    const first = await provider().search({ ...QUERY, industries: ['plumbing', 'roofing'] }, { limit: 5 });
    const error = await failure(
      provider().search({ ...QUERY, industries: ['plumbing'] }, { limit: 5, cursor: first.nextCursor! }),
    );
    expect(error).toMatchObject({ kind: 'bad_request' });
  });
});
