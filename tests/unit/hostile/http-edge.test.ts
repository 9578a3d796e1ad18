import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../../worker/platform/env';
import { boundedBody } from '../../../worker/platform/http/bounded-body';
import { loggableError, notFound, onError } from '../../../worker/platform/http/error-envelope';
import { readRequestMeta, requestMeta } from '../../../worker/platform/http/request-meta';
import { jsonBody, query } from '../../../worker/platform/http/validate';

/**
 * The dashboard API's edge (platform/http), under hostile input: every string of a body or
 * query string held to the one text rule before any schema, bodies bounded before anything
 * parses them, stored headers repaired, and an error log that never copies the input.
 */

type Refusal = {
  error: { code: string; message: string; details?: { fields?: Record<string, string[]>; root?: string[] } };
};

const schema = v.object({
  note: v.optional(v.string()),
  tags: v.optional(v.array(v.string())),
  nested: v.optional(v.object({ deeper: v.array(v.object({ text: v.string() })) })),
});

function app(limitBytes?: number) {
  const routes = new Hono<AppEnv>().use(requestId(), requestMeta);
  if (limitBytes !== undefined) routes.use('*', boundedBody(limitBytes));
  routes.post('/body', jsonBody(schema), (c) => c.json({ echo: c.req.valid('json') }));
  routes.get('/search', query(v.object({ q: v.optional(v.string()), tag: v.optional(v.string()) })), (c) =>
    c.json(c.req.valid('query')),
  );
  routes.notFound(notFound);
  routes.onError(onError);
  return routes;
}

const postJson = (text: string, headers: Record<string, string> = {}) =>
  app().request('/body', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: text });

describe('jsonBody and query: the text rule before any schema', () => {
  it.each([
    ['a NUL', '{"note":"hello\\u0000world"}', 'note'],
    ['a lone surrogate', '{"note":"Julie \\ud800"}', 'note'],
    ['a control character in a list', '{"tags":["ok","bad\\u0001"]}', 'tags.1'],
    [
      'a lone low surrogate deep inside',
      '{"nested":{"deeper":[{"text":"ok"},{"text":"\\udc00"}]}}',
      'nested.deeper.1.text',
    ],
  ])('refuses %s with a 422 naming the field', async (_, body, field) => {
    const response = await postJson(body);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as Refusal;
    expect(error.code).toBe('invalid_request');
    expect(Object.keys(error.details!.fields!)).toEqual([field]);
    expect(error.details!.fields![field]![0]).toMatch(/cannot be saved/);
  });

  it('says it in French when the browser asks', async () => {
    const response = await postJson('{"note":"\\u0000"}', { 'Accept-Language': 'fr-CA' });
    const { error } = (await response.json()) as Refusal;
    expect(error.message).toMatch(/ne peut pas être enregistré/);
    expect(error.details!.fields!.note![0]).toMatch(/ne peut pas être enregistré/);
  });

  it('lets through what people write, line breaks, tabs and emoji included', async () => {
    const note = 'Rappeler lundi\r\n\t— 👩🏽‍🔧 زينب';
    const response = await postJson(JSON.stringify({ note, tags: ['Hot Lead'] }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echo: { note, tags: ['Hot Lead'] } });
  });

  it('survives a deeply nested body without exhausting the stack', async () => {
    const deep = `${'['.repeat(5_000)}"\\u0000"${']'.repeat(5_000)}`;
    const response = await postJson(`{"tags":${deep}}`);
    expect(response.status).toBe(422);
  });

  it('refuses a NUL in a query parameter, naming it', async () => {
    for (const [path, field] of [
      ['/search?q=abc%00def', 'q'],
      ['/search?tag=%00', 'tag'],
    ] as const) {
      const response = await app().request(path);
      expect(response.status, path).toBe(422);
      expect(Object.keys(((await response.json()) as Refusal).error.details!.fields!)).toEqual([field]);
    }
    expect((await app().request('/search?q=plomberie%20%C3%A9t%C3%A9')).status).toBe(200);
  });
});

describe('boundedBody: every body bounded before a validator reads it', () => {
  const limited = app(1_024);
  const send = (body: BodyInit, headers: Record<string, string> = {}) =>
    limited.request('/body', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);

  it('answers 413 past the limit, with a Content-Length', async () => {
    const body = JSON.stringify({ note: 'x'.repeat(2_000) });
    // Node's Request sets no Content-Length for a string body; browsers and workerd do.
    const response = await send(body, { 'Content-Length': String(body.length) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Refusal).error.code).toBe('body_too_large');
  });

  it('answers 413 past the limit without one (a stream)', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ note: 'x'.repeat(2_000) }));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 900));
        controller.enqueue(bytes.slice(900));
        controller.close();
      },
    });
    expect((await send(stream)).status).toBe(413);
  });

  it('hands the body it read to the validator within the limit', async () => {
    const response = await send(JSON.stringify({ note: 'Éloïse 👩🏽‍🔧' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ echo: { note: 'Éloïse 👩🏽‍🔧' } });
  });
});

describe('stored headers', () => {
  it('repairs a User-Agent the database could not store, cut where it may split a character', () => {
    const headers = (values: Record<string, string>) => ({ header: (name: string) => values[name] });
    expect(readRequestMeta(headers({ 'User-Agent': 'Bot\u0000/1.0\u0001' })).userAgent).toBe('Bot\uFFFD/1.0\uFFFD');
    const cut = readRequestMeta(headers({ 'User-Agent': `${'a'.repeat(499)}😀` })).userAgent!;
    expect(cut).toBe(`${'a'.repeat(499)}\uFFFD`);
  });
});

describe('the error log', () => {
  it("keeps an unexpected error's kind, SQLSTATE and place, never the input it quotes", () => {
    const error = Object.assign(new Error('invalid input syntax for type json: "Julie \\ud800 secret"'), {
      code: '22P02',
      detail: 'Unicode low surrogate must follow a high surrogate.',
      where: 'JSON data, line 1: {"name":"Julie secret-words',
    });
    const logged = loggableError(error);
    expect(logged).toMatch(/^Error \[SQLSTATE 22P02\]: invalid input syntax for type json/);
    expect(logged).not.toMatch(/secret|Julie/);
    expect(logged).toMatch(/\n\s+at /);
  });

  it('is what onError writes for a 500', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crashing = new Hono<AppEnv>().use(requestId(), requestMeta).get('/boom', () => {
      throw Object.assign(new Error('value "martin@example.ca said hi" is bad'), { where: 'row: hi there' });
    });
    crashing.onError(onError);
    expect((await crashing.request('/boom')).status).toBe(500);
    const written = log.mock.calls.flat().map(String).join(' ');
    log.mockRestore();
    expect(written).not.toMatch(/martin|said hi|hi there/);
    expect(written).toMatch(/value "…" is bad/);
  });
});
