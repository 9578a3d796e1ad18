import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classifyStatus,
  createProviderHttp,
  decodeCursor,
  encodeCursor,
  endpoint,
  numberedPage,
  pageSizeFor,
  retryAfterSeconds,
} from '../../../../worker/features/prospects/providers/http';
import { ProviderError } from '../../../../worker/features/prospects/providers/port';
import { type FakeApi, failure, startFakeApi } from './fake-api';

const SECRET = 'sk-test-secret-77aa';
const Shape = v.looseObject({ ok: v.boolean() });

let api: FakeApi;

beforeAll(async () => {
  api = await startFakeApi();
});

afterAll(async () => {
  await api.close();
});

const http = (timeoutMs?: number) =>
  createProviderHttp({ provider: 'pdl', label: 'Test API', timeoutMs, secrets: [SECRET] });
const get = (client = http(), signal?: AbortSignal) =>
  client.request({ method: 'GET', url: new URL(`${api.origin}/thing`), schema: Shape, signal });

describe('the provider request helper', () => {
  it('sends JSON and returns the validated answer with one request counted', async () => {
    api.script({ status: 200, body: { ok: true, extra: 'allowed' } });
    const answer = await http().request({
      method: 'POST',
      url: new URL(`${api.origin}/search`),
      headers: { 'X-Key': SECRET },
      body: { size: 3 },
      schema: Shape,
      charge: () => ({ credits: 3, usdCents: 1.5 }),
    });
    expect(answer.body).toEqual({ ok: true, extra: 'allowed' });
    expect(answer.cost).toEqual({ requests: 1, credits: 3, usdCents: 1.5 });
    expect(api.received[0]).toMatchObject({ method: 'POST', path: '/search', json: { size: 3 } });
    expect(api.received[0]?.headers['content-type']).toBe('application/json');
    expect(api.received[0]?.headers.accept).toBe('application/json');
  });

  it('waits out a short Retry-After once before asking again', async () => {
    api.script({ status: 429, headers: { 'retry-after': '1' }, body: {} }, { status: 200, body: { ok: true } });
    const started = performance.now();
    const answer = await get();
    expect(answer.body.ok).toBe(true);
    expect(api.received).toHaveLength(2);
    // It honoured the wait rather than retrying at once.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('retries only once: a second 429 is rate_limited, with both requests counted', async () => {
    api.script({ status: 429, headers: { 'retry-after': '0' }, body: { message: 'slow down' } });
    const error = await failure(get());
    expect(api.received).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'rate_limited', options: { retryAfterSeconds: 0, cost: { requests: 2 } } });
  });

  it('reads a Retry-After date far off as rate_limited with the seconds to wait', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    api.script({ status: 429, headers: { 'retry-after': inAnHour }, body: {} });
    const error = (await failure(get())) as ProviderError;
    expect(error.kind).toBe('rate_limited');
    expect(error.options.retryAfterSeconds).toBeGreaterThan(3_500);
    expect(error.options.retryAfterSeconds).toBeLessThanOrEqual(3_600);
    expect(api.received).toHaveLength(1);
  });

  it.each([
    [401, { error: { message: 'Invalid API key' } }, 'unauthorized'],
    [403, { error: 'Forbidden' }, 'unauthorized'],
    [403, { error: { message: 'Daily quota exceeded', status: 'RESOURCE_EXHAUSTED' } }, 'out_of_credits'],
    [401, { message: 'Your account has no credits left' }, 'out_of_credits'],
    [402, { error: { type: 'payment_required' } }, 'out_of_credits'],
    [400, { error: { message: 'Bad field' } }, 'bad_request'],
    [422, { error: 'per_page is invalid' }, 'bad_request'],
    [422, { error: 'Insufficient credits' }, 'out_of_credits'],
    [404, { error: 'Not found' }, 'bad_request'],
    [408, {}, 'timeout'],
    [500, {}, 'unavailable'],
    [503, { error: { message: 'Backend unavailable' } }, 'unavailable'],
  ] as const)('maps %i %j to %s', async (status, body, kind) => {
    api.script({ status, body });
    const error = await failure(get());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ provider: 'pdl', kind, options: { status, cost: { requests: 1 } } });
  });

  it('keeps the provider’s message but never a secret in it', async () => {
    api.script({ status: 401, body: { error: { message: `The key ${SECRET} is revoked` } } });
    const error = (await failure(get())) as ProviderError;
    expect(error.message).toBe('Test API answered 401: The key [redacted] is revoked');
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('lets a provider read its own refusals first', async () => {
    api.script({ status: 400, body: { error: { message: 'Key expired' } } });
    const client = createProviderHttp({ provider: 'google_places', label: 'Test', classify: () => 'unauthorized' });
    expect(await failure(get(client))).toMatchObject({ kind: 'unauthorized' });
  });

  it('calls a non-JSON or misshapen 2xx invalid, still counting what it cost', async () => {
    const charge = () => ({ credits: 0, usdCents: 3.5 });
    api.script({ status: 200, raw: 'Service Temporarily Unavailable' });
    const garbled = await failure(
      http().request({ method: 'GET', url: new URL(`${api.origin}/x`), schema: Shape, charge }),
    );
    expect(garbled).toMatchObject({ kind: 'invalid_response', options: { cost: { requests: 1, usdCents: 3.5 } } });
    api.script({ status: 200, body: { ok: 'yes' } });
    const misshapen = await failure(
      http().request({ method: 'GET', url: new URL(`${api.origin}/x`), schema: Shape, charge }),
    );
    expect(misshapen).toMatchObject({ kind: 'invalid_response' });
    expect((misshapen as Error).message).toContain('ok');
    api.script({ status: 204 });
    expect(await failure(get())).toMatchObject({ kind: 'invalid_response' });
  });

  it('takes a status the provider means as an answer', async () => {
    api.script({ status: 404, body: { error: { type: 'not_found' } } });
    const answer = await http().request({
      method: 'GET',
      url: new URL(`${api.origin}/x`),
      schema: Shape,
      answerFor: { status: 404, value: { ok: false } },
    });
    expect(answer).toEqual({ body: { ok: false }, status: 404, cost: { requests: 1, credits: 0, usdCents: 0 } });
  });

  it('does not follow a redirect, which would carry the key elsewhere', async () => {
    api.script((request) =>
      request.path === '/moved'
        ? { status: 200, body: { ok: true } }
        : { status: 302, headers: { location: `${api.origin}/moved` } },
    );
    expect(await failure(get())).toMatchObject({ kind: 'invalid_response', options: { status: 302 } });
    expect(api.received.map((request) => request.path)).toEqual(['/thing']);
  });

  it('times out a server that never answers', async () => {
    api.script('hang');
    expect(await failure(get(http(100)))).toMatchObject({
      kind: 'timeout',
      options: { cost: { requests: 1, credits: 0, usdCents: 0 } },
    });
  });

  it('times out a server that sends its headers and stalls the body', async () => {
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"ok":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalling.address() as AddressInfo;
      const error = await failure(
        http(150).request({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), schema: Shape }),
      );
      expect(error).toMatchObject({ kind: 'timeout' });
    } finally {
      stalling.closeAllConnections();
      await new Promise<void>((resolve) => stalling.close(() => resolve()));
    }
  });

  it('reports a refused connection as unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(
      http().request({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), schema: Shape }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', options: { cost: { requests: 1 } } });
  });

  it('hands back the caller’s own cancellation, not a provider failure', async () => {
    api.script('hang');
    const controller = new AbortController();
    const pending = get(http(5_000), controller.signal);
    setTimeout(() => controller.abort(new Error('run cancelled')), 50);
    const error = await failure(pending);
    expect(error).not.toBeInstanceOf(ProviderError);
    expect((error as Error).message).toBe('run cancelled');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-05-01T12:00:00Z');
    expect(retryAfterSeconds('3', now)).toBe(3);
    expect(retryAfterSeconds(' 2.5 ', now)).toBe(3);
    expect(retryAfterSeconds('Fri, 01 May 2026 12:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe('classifyStatus', () => {
  it('calls an unexpected 3xx invalid', () => {
    expect(classifyStatus(304, { message: null, code: null, body: null })).toBe('invalid_response');
  });
});

describe('cursors and pages', () => {
  it('round-trips a cursor, including non-ASCII text, as URL-safe text', () => {
    const state = { t: 'Montréal?/+=', n: 40 };
    const cursor = encodeCursor(state);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor('pdl', cursor, v.object({ t: v.string(), n: v.number() }))).toEqual(state);
  });

  it('refuses a cursor it cannot read as bad_request', () => {
    const schema = v.object({ o: v.number() });
    for (const cursor of ['', '!!!', encodeCursor({ p: 1 }), encodeCursor('text')]) {
      expect(() => decodeCursor('apollo', cursor, schema)).toThrow(ProviderError);
    }
  });

  it('keeps numbered pages aligned with what was already read', () => {
    expect(numberedPage(0, 25)).toEqual({ page: 1, perPage: 25 });
    expect(numberedPage(50, 25)).toEqual({ page: 3, perPage: 25 });
    expect(numberedPage(30, 20)).toEqual({ page: 3, perPage: 15 });
    expect(numberedPage(7, 5)).toEqual({ page: 8, perPage: 1 });
  });

  it('caps the page size and refuses a limit below one', () => {
    expect(pageSizeFor('pdl', 7, 100)).toBe(7);
    expect(pageSizeFor('pdl', 700, 100)).toBe(100);
    expect(() => pageSizeFor('pdl', 0, 100)).toThrow(ProviderError);
    expect(() => pageSizeFor('pdl', 2.5, 100)).toThrow(ProviderError);
  });

  it('joins a base URL that has a path', () => {
    expect(endpoint('https://proxy.example/pdl/', '/v5/company/search').href).toBe(
      'https://proxy.example/pdl/v5/company/search',
    );
  });
});
