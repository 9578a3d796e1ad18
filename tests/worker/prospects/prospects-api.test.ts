import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CsvImportResult,
  CsvPreview,
  DiscoveryView,
  IcpView,
  ProspectDetail,
  ProspectListView,
} from '../../../schema/prospects-api';
import { startWorker } from '../../../scripts/lib/worker';
import { type ErrorBody, type SignedInClient, signedInClient, WORKER_ORIGIN } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Prospect discovery's staff API in the real runtime: only internal accounts; ICPs validated
 * with messages in the reader's language; the CSV import (multipart, Windows-1252) through
 * the same upsert as the providers, with errors per line; "run discovery now" answered at once.
 */

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let customer: SignedInClient;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false },
  );
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  customer = await signedInClient(database, worker);
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

/** A multipart upload as a browser sends it (encoded here: dispatchFetch does not encode FormData itself). */
async function upload(who: SignedInClient, path: string, form: FormData, language = 'en') {
  const encoded = new Response(form);
  return worker.dispatchFetch(`${WORKER_ORIGIN}/api/app${path}`, {
    method: 'POST',
    headers: {
      Cookie: `avenir_session=${who.token}`,
      Origin: WORKER_ORIGIN,
      'Accept-Language': language,
      'CF-Connecting-IP': '203.0.113.9',
      'Content-Type': encoded.headers.get('Content-Type')!,
    },
    body: new Uint8Array(await encoded.arrayBuffer()),
  });
}

const ICP = {
  name: 'Plombiers de Laval',
  industries: ['plumbing'],
  province: 'QC',
  cities: ['Laval'],
  radiusKm: 25,
  languages: ['fr'],
  employeesMin: 1,
  employeesMax: 20,
  keywords: [],
  dailyQuota: 16,
  providers: ['pdl', 'google_places'],
  active: true,
};

describe('the prospect pool is the operator’s', () => {
  it.each([
    ['GET', '/api/app/staff/prospects'],
    ['GET', '/api/app/staff/discovery'],
    ['POST', '/api/app/staff/icps'],
    ['POST', '/api/app/staff/discovery/run'],
    ['GET', '/api/app/staff/profile'],
  ])('refuses a client account %s %s with 403', async (method, path) => {
    const response = await customer.call(method, path, method === 'POST' ? { body: {} } : {});
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe('forbidden');
  });

  it('answers 404 for a prospect id that is not one, or that does not exist', async () => {
    for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
      const response = await staff.call('GET', `/api/app/staff/prospects/${id}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe('prospect_not_found');
    }
  });
});

describe('ideal customer profiles', () => {
  it('creates one, and says which providers are configured (none here)', async () => {
    const created = await staff.call('POST', '/api/app/staff/icps', { body: ICP });
    expect(created.status).toBe(201);
    const icp = (await created.json()) as IcpView;
    expect(icp).toMatchObject({ name: 'Plombiers de Laval', dailyQuota: 16, prospects: 0, lastRun: null });
    const view = (await (await staff.call('GET', '/api/app/staff/discovery')).json()) as DiscoveryView;
    expect(view.icps.map((entry) => entry.id)).toContain(icp.id);
    expect(view.providers.filter((provider) => provider.configured)).toEqual([]);
    expect(view.providers.find((provider) => provider.provider === 'pdl')?.setting).toBe('PDL_API_KEY');
  });

  it('refuses a bad profile field by field, in French for a French reader', async () => {
    const response = await staff.call('POST', '/api/app/staff/icps', {
      body: { ...ICP, dailyQuota: 500, providers: [], employeesMin: 50, employeesMax: 10 },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.details?.fields?.dailyQuota).toEqual(['Le quota quotidien est de 1 à 200 prospects.']);
    expect(body.error.details?.fields?.providers?.[0]).toContain('Choisissez au moins un fournisseur');
  });

  it('runs discovery now: 202 with the runs pending, shown on Discovery at once', async () => {
    const response = await staff.call('POST', '/api/app/staff/discovery/run', { body: {} });
    expect(response.status).toBe(202);
    const { runs } = (await response.json()) as { runs: { status: string; trigger: string; icpName: string }[] };
    expect(runs).toEqual([
      expect.objectContaining({ status: 'pending', trigger: 'operator', icpName: 'Plombiers de Laval' }),
    ]);
    const view = (await (await staff.call('GET', '/api/app/staff/discovery')).json()) as DiscoveryView;
    expect(view.runs[0]).toMatchObject({ status: 'pending', icpName: 'Plombiers de Laval' });
  });
});

describe('the CSV import', () => {
  // A French Excel export: semicolons, Windows-1252 (é = 0xE9, ’ = 0x92).
  const lines = [
    'Entreprise;Site Web;Courriel;Téléphone;Ville;Secteur',
    'Plomberie Côté;www.plomberie-cote.ca/contact;info@plomberie-cote.ca;514 555-0142;Montréal;plomberie',
    'Toitures l’Érable;toitures-erable.ca;pas une adresse;450-555-0101;Laval;toiture',
    'Sans site;;;;Québec;nettoyage',
    'Plomberie Côté (doublon);https://PLOMBERIE-COTE.ca;;;Montréal;plomberie',
  ];
  const windows1252 = (text: string) =>
    Uint8Array.from([...text].map((char) => (char === '’' ? 0x92 : char.charCodeAt(0))));
  const file = () => new File([windows1252(`${lines.join('\r\n')}\r\n`)], 'prospects.csv', { type: 'text/csv' });

  it('previews the columns with a suggested mapping, read as Windows-1252', async () => {
    const form = new FormData();
    form.set('file', file());
    const response = await upload(staff, '/staff/prospects/import/preview', form);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as CsvPreview;
    expect(preview).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 4 });
    expect(preview.headers[3]).toBe('Téléphone');
    expect(preview.sample[1]![0]).toBe('Toitures l’Érable');
    expect(preview.suggestedMapping).toMatchObject({
      businessName: 0,
      website: 1,
      email: 2,
      phone: 3,
      city: 4,
      industry: 5,
    });
  });

  it('imports the good lines, merges the duplicate, and reports each bad line in the reader’s language', async () => {
    const form = new FormData();
    form.set('file', file());
    form.set('mapping', JSON.stringify({ businessName: 0, website: 1, email: 2, phone: 3, city: 4, industry: 5 }));
    const response = await upload(staff, '/staff/prospects/import', form, 'fr');
    expect(response.status).toBe(200);
    const result = (await response.json()) as CsvImportResult;
    expect(result).toMatchObject({ lines: 4, new: 2, merged: 1, queued: 2 });
    expect(result.errors.map((error) => error.line)).toEqual([4]);
    expect(result.errors[0]!.message).toMatch(/site/i);
    expect(result.warnings.map((warning) => warning.line)).toContain(3);

    const list = (await (
      await staff.call('GET', '/api/app/staff/prospects?sort=recent&q=plomberie')
    ).json()) as ProspectListView;
    expect(list.prospects.map((prospect) => prospect.website)).toEqual(['https://plomberie-cote.ca']);
    const detail = (await (
      await staff.call('GET', `/api/app/staff/prospects/${list.prospects[0]!.id}`)
    ).json()) as ProspectDetail;
    expect(detail.phone).toBe('+15145550142');
    expect(detail.sourceRecords.map((source) => source.provider)).toEqual(['csv', 'csv']);
    expect(detail.analysisStatus).toBe('pending');
  });

  it('refuses a file over 5 MB with 413, and a body that is not a file with a clear 422', async () => {
    const big = new FormData();
    big.set('file', new File([new Uint8Array(5 * 1024 * 1024 + 10).fill(0x41)], 'big.csv'));
    expect((await upload(staff, '/staff/prospects/import/preview', big)).status).toBe(413);
    const none = new FormData();
    none.set('other', 'x');
    const response = await upload(staff, '/staff/prospects/import/preview', none);
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.code).toBe('invalid_csv');
  });
});

describe('the crawler’s page', () => {
  it('says who reads the sites and how to stop it', async () => {
    const response = await worker.dispatchFetch(`${WORKER_ORIGIN}/bot`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('robots.txt');
    expect(text).toContain('Disallow: /');
  });
});
