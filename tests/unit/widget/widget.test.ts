import { describe, expect, it } from 'vitest';
import type { LeadPayload } from '../../../schema/widget-api';
import { resolveLanguage } from '../../../widget/i18n';
import { embedSnippet, WIDGET_RESERVED_HEIGHT } from '../../../widget/snippet';
import { backoffMs, type SubmitDeps, submitLead } from '../../../widget/submit';

const payload: LeadPayload = {
  key: 'pk_live_abc',
  name: 'Julie Tremblay',
  email: 'julie@example.ca',
  message: 'Allo!',
  consent: true,
  language: 'fr',
  idempotencyKey: 'a1b2c3d4e5f6a7b8',
  elapsedMs: 9_000,
  website: '',
};

type Answer = Response | Error;

/** A server that gives the listed answers in turn, recording what it was sent and how long the widget waited. */
function scripted(answers: Answer[]) {
  const bodies: string[] = [];
  const waits: number[] = [];
  const retries: number[] = [];
  const deps: SubmitDeps = {
    fetch: async (_input, init) => {
      bodies.push(String(init?.body));
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    onRetry: (attempt) => retries.push(attempt),
  };
  return { deps, bodies, waits, retries };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('submitLead', () => {
  it('sends once and reports the id, and whether a copy goes by email, when the server accepts', async () => {
    const server = scripted([json(201, { id: 'lead-1', emailCopy: true })]);
    expect(await submitLead('https://api.example', payload, server.deps)).toEqual({
      kind: 'sent',
      id: 'lead-1',
      emailCopy: true,
    });
    expect(server.bodies).toHaveLength(1);
    expect(JSON.parse(server.bodies[0]!)).toEqual(payload);
  });

  it('retries network failures, timeouts and server errors with the same body, then succeeds', async () => {
    const server = scripted([
      new TypeError('Failed to fetch'),
      new DOMException('The operation timed out.', 'TimeoutError'),
      json(503, { error: { code: 'unavailable' } }),
      json(408, {}),
      json(201, { id: 'lead-2', emailCopy: false }),
    ]);
    expect(await submitLead('https://api.example', payload, server.deps)).toEqual({
      kind: 'sent',
      id: 'lead-2',
      emailCopy: false,
    });
    expect(server.bodies).toHaveLength(5);
    expect(new Set(server.bodies).size).toBe(1); // same idempotency key every time
    expect(server.waits).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(server.retries).toEqual([1, 2, 3, 4]);
  });

  it('waits as long as Retry-After says on 429', async () => {
    const server = scripted([json(429, {}, { 'Retry-After': '60' }), json(201, { id: 'lead-3' })]);
    await submitLead('https://api.example', payload, server.deps);
    expect(server.waits).toEqual([60_000]);
  });

  it('hands the server’s per-field issues to the form on 422, without retrying', async () => {
    const server = scripted([
      json(422, {
        error: { details: { fields: { email: { issue: 'invalid_email', message: 'Adresse invalide.' } } } },
      }),
    ]);
    expect(await submitLead('https://api.example', payload, server.deps)).toEqual({
      kind: 'invalid',
      fields: { email: 'invalid_email' },
    });
    expect(server.bodies).toHaveLength(1);
  });

  it.each([401, 403, 413, 415])('gives up on %i: retrying cannot help', async (status) => {
    const server = scripted([json(status, { error: { code: 'x' } })]);
    expect(await submitLead('https://api.example', payload, server.deps)).toEqual({ kind: 'refused' });
    expect(server.waits).toEqual([]);
  });
});

describe('backoff', () => {
  it('doubles from one second, stops at 30 seconds, and spreads retries by ±20 %', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffMs(attempt, () => 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(800);
    expect(backoffMs(1, () => 0.999999)).toBe(1_200);
  });
});

describe('resolveLanguage', () => {
  it('takes data-lang first, then the page, then the browser', () => {
    expect(resolveLanguage('fr', 'en-CA', 'en-US')).toBe('fr');
    expect(resolveLanguage(null, 'fr-CA', 'en-US')).toBe('fr');
    expect(resolveLanguage(undefined, '', 'fr-FR')).toBe('fr');
    expect(resolveLanguage(undefined, 'en', 'fr-CA')).toBe('en');
  });

  it('skips a language it does not speak, and falls back to English', () => {
    expect(resolveLanguage(undefined, 'es-MX', 'fr-CA')).toBe('fr');
    expect(resolveLanguage('de', '', '')).toBe('en');
  });
});

describe('embedSnippet', () => {
  it('reserves the form’s height and loads the script asynchronously', () => {
    expect(embedSnippet({ origin: 'https://avenir.example', widgetKey: 'pk_live_abc' })).toBe(
      `<div data-avenir-form style="min-height:${WIDGET_RESERVED_HEIGHT}"></div>\n` +
        '<script src="https://avenir.example/widget.js" data-key="pk_live_abc" async></script>',
    );
  });

  it('is a lone script tag in launcher mode, with the language when forced', () => {
    expect(embedSnippet({ origin: 'https://a.example', widgetKey: 'pk_x', lang: 'fr', launcher: true })).toBe(
      '<script src="https://a.example/widget.js" data-key="pk_x" data-lang="fr" data-mode="launcher" async></script>',
    );
  });

  it('cannot be broken out of by a strange key or origin', () => {
    const snippet = embedSnippet({ origin: 'https://a.example"><script>x', widgetKey: '"onload="alert(1)' });
    expect(snippet).not.toContain('"onload');
    expect(snippet).not.toContain('<script>x');
  });
});
