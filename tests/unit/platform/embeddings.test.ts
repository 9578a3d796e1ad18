import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cosineSimilarity, EmbeddingError } from '../../../worker/platform/ai/embeddings';
import {
  createOfflineEmbedder,
  OFFLINE_EMBEDDING_MODEL,
  offlineEmbedding,
} from '../../../worker/platform/ai/offline-embedding';
import {
  createOpenAiEmbedder,
  estimateTokens,
  MAX_INPUT_CHARS,
  truncateForEmbedding,
} from '../../../worker/platform/ai/openai-embeddings';

const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));

describe('cosineSimilarity', () => {
  it('is 1 for the same direction, -1 for the opposite, 0 for orthogonal', () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 6);
    expect(cosineSimilarity([1, 0], [-3, 0])).toBeCloseTo(-1, 6);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
  });

  it('is 0, never NaN, against a zero vector', () => {
    expect(cosineSimilarity(new Float32Array(1536), new Float32Array(1536))).toBe(0);
    expect(cosineSimilarity(new Float32Array(1536), offlineEmbedding('plomberie'))).toBe(0);
  });

  it('refuses vectors of different lengths', () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('offline embedder', () => {
  const embedder = createOfflineEmbedder();

  it('names its model and gives 1536-dimension unit vectors, the same every time', async () => {
    expect(embedder.model).toBe(OFFLINE_EMBEDDING_MODEL);
    expect(embedder.dimensions).toBe(1536);
    const text = 'Plomberie Tremblay : réparation de chauffe-eau, débouchage, urgence 24/7 à Laval.';
    const [first, second] = await embedder.embed([text, text]);
    expect(first).toHaveLength(1536);
    expect(first).toBeInstanceOf(Float32Array);
    expect(norm(first!)).toBeCloseTo(1, 5);
    expect([...first!]).toEqual([...second!]);
    expect([...(await createOfflineEmbedder().embed([text]))[0]!]).toEqual([...first!]);
  });

  it('gives blank or stop-word-only text the zero vector', async () => {
    const vectors = await embedder.embed(['', '   ', 'the and of le la les de']);
    for (const vector of vectors) {
      expect(norm(vector)).toBe(0);
      expect(vector.every((x) => x === 0)).toBe(true);
      expect(Number.isNaN(cosineSimilarity(vector, offlineEmbedding('plumbing')))).toBe(false);
    }
  });

  it('ranks a French plumbing text closer to an English plumbing one than to a bakery', () => {
    const french = offlineEmbedding(
      'Plombier à Laval depuis 1998 : plomberie résidentielle, réparation de chauffe-eau et débouchage de drains. Service d’urgence.',
    );
    const english = offlineEmbedding(
      'Licensed plumber serving Montreal: residential plumbing, water heater repair, drain cleaning. Emergency service.',
    );
    const bakery = offlineEmbedding(
      'Boulangerie artisanale : pain au levain, croissants et pâtisseries fraîches tous les matins. Commandez vos gâteaux.',
    );
    expect(cosineSimilarity(french, english)).toBeGreaterThan(cosineSimilarity(french, bakery));
    expect(cosineSimilarity(french, english)).toBeGreaterThan(0.1);
  });

  it('ranks a site with a contact form and "demandez une soumission" above an unrelated one, for the operator’s profile', () => {
    const profile = offlineEmbedding(
      'We answer small businesses’ web leads instantly with AI, bilingual EN/FR, and book appointments. ' +
        'Nous répondons instantanément aux demandes Web des PME, en français et en anglais, et prenons les rendez-vous.',
    );
    const prospect = offlineEmbedding(
      'Toitures Côté — couvreur à Québec. Remplissez notre formulaire de contact et demandez une soumission gratuite; nous vous répondrons.',
    );
    const unrelated = offlineEmbedding(
      'Musée d’histoire naturelle : expositions permanentes sur les dinosaures, les minéraux et les oiseaux du Québec.',
    );
    expect(cosineSimilarity(profile, prospect)).toBeGreaterThan(cosineSimilarity(profile, unrelated));
    // The English profile alone still finds the French site, through the concept table.
    const english = offlineEmbedding(
      'We answer small businesses’ web leads instantly with AI, bilingual EN/FR, and book appointments.',
    );
    expect(cosineSimilarity(english, prospect)).toBeGreaterThan(cosineSimilarity(english, unrelated));
  });

  it('matches across the concept table in both directions', () => {
    const pairs: [string, string, string][] = [
      ['roof replacement', 'réfection de toiture', 'dental cleaning'],
      ['online booking', 'prise de rendez-vous en ligne', 'income tax'],
      ['free estimate', 'soumission gratuite', 'fresh bread'],
      ['dentist in Laval', 'clinique dentaire', 'roofing'],
      ['home renovation', 'rénovation résidentielle', 'bakery'],
      ['marketing automation', 'automatisation du marketing', 'plumbing'],
    ];
    for (const [english, french, other] of pairs) {
      const a = offlineEmbedding(english);
      expect(cosineSimilarity(a, offlineEmbedding(french)), `${english} ~ ${french}`).toBeGreaterThan(
        cosineSimilarity(a, offlineEmbedding(other)),
      );
    }
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(embedder.embed(['x'], controller.signal)).rejects.toThrow();
  });
});

// --- OpenAI adapter against a local server ----------------------------------------------

interface Received {
  authorization: string | undefined;
  body: { model: string; input: string[]; dimensions: number; encoding_format: string };
}

/** What the next requests answer: a status and body, or null for a normal answer. */
let scripted: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
let received: Received[] = [];
let server: Server;
let baseURL: string;

/** Each input "text-<n>" is answered with a vector whose first value is n; answers come back reversed. */
function vectorFor(input: string): number[] {
  const vector = new Array<number>(1536).fill(0);
  vector[0] = Number(/(\d+)/.exec(input)?.[1] ?? -1);
  vector[1] = input.length;
  return vector;
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (request.method !== 'POST' || request.url !== '/v1/embeddings') {
    response.writeHead(404).end();
    return;
  }
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
  received.push({ authorization: request.headers.authorization, body });
  const next = scripted.shift();
  if (next) {
    response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    response.end(JSON.stringify(next.body));
    return;
  }
  const data = body.input.map((input, index) => ({ object: 'embedding', index, embedding: vectorFor(input) }));
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      object: 'list',
      data: data.reverse(),
      model: body.model,
      usage: { prompt_tokens: 1, total_tokens: 1 },
    }),
  );
}

beforeAll(async () => {
  server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  scripted = [];
  received = [];
});

const openai = (options: { maxRetries?: number; model?: string } = {}) =>
  createOpenAiEmbedder({ apiKey: 'sk-test', baseURL, timeoutMs: 5_000, maxRetries: 0, ...options });

describe('OpenAI embedder', () => {
  it('asks for 1536 float dimensions of the model, with the key', async () => {
    const embedder = openai();
    expect(embedder.model).toBe('text-embedding-3-small');
    expect(embedder.dimensions).toBe(1536);
    const [vector] = await embedder.embed(['text-7']);
    expect(received).toHaveLength(1);
    expect(received[0]!.authorization).toBe('Bearer sk-test');
    expect(received[0]!.body).toEqual({
      model: 'text-embedding-3-small',
      input: ['text-7'],
      dimensions: 1536,
      encoding_format: 'float',
    });
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(1536);
    expect(vector![0]).toBe(7);
  });

  it('uses the model it is given', async () => {
    await openai({ model: 'text-embedding-3-large' }).embed(['text-1']);
    expect(received[0]!.body.model).toBe('text-embedding-3-large');
  });

  it('sends at most 256 inputs a request and restores the input order by index', async () => {
    const texts = Array.from({ length: 600 }, (_, i) => `text-${i}`);
    const vectors = await openai().embed(texts);
    expect(received.map((r) => r.body.input.length)).toEqual([256, 256, 88]);
    expect(received.flatMap((r) => r.body.input)).toEqual(texts);
    expect(vectors.map((v) => v[0])).toEqual(texts.map((_, i) => i));
  });

  it('never sends a blank text: it gets the zero vector, in its place', async () => {
    const vectors = await openai().embed(['text-1', '', '  \n ', 'text-3']);
    expect(received.map((r) => r.body.input)).toEqual([['text-1', 'text-3']]);
    expect(vectors.map((v) => v[0])).toEqual([1, 0, 0, 3]);
    expect(cosineSimilarity(vectors[1]!, vectors[0]!)).toBe(0);
    expect(await openai().embed(['', ''])).toHaveLength(2);
    expect(received).toHaveLength(1);
  });

  it('cuts an input to about 8,000 tokens of characters', async () => {
    const [vector] = await openai().embed([`text-5 ${'a'.repeat(100_000)}`]);
    expect(received[0]!.body.input[0]!.length).toBe(MAX_INPUT_CHARS);
    expect(vector![1]).toBe(MAX_INPUT_CHARS);
  });

  it('keeps a batch under the per-request token cap', async () => {
    const long = (i: number) => `text-${i} ${'mot '.repeat(6_000)}`;
    await openai().embed(Array.from({ length: 40 }, (_, i) => long(i)));
    for (const request of received) {
      const tokens = request.body.input.reduce((sum, input) => sum + estimateTokens(input), 0);
      expect(tokens).toBeLessThanOrEqual(240_000);
    }
    expect(received.flatMap((r) => r.body.input)).toHaveLength(40);
  });

  it.each([
    [429, 'rate_limited', true],
    [500, 'server', true],
    [400, 'refused', false],
    [401, 'refused', false],
  ])('surfaces a %d as an EmbeddingError with its status', async (status, kind, retryable) => {
    scripted = [{ status, body: { error: { message: `status ${status}`, type: 'test', code: null } } }];
    const error = await openai()
      .embed(['text-1'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect(error).toMatchObject({ status, kind, retryable });
  });

  it('tells a spent quota from a rate limit', async () => {
    scripted = [
      { status: 429, body: { error: { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' } } },
    ];
    await expect(openai().embed(['text-1'])).rejects.toMatchObject({ status: 429, kind: 'refused', retryable: false });
  });

  it('retries a transient error when allowed to', async () => {
    scripted = [{ status: 500, body: { error: { message: 'boom' } }, headers: { 'retry-after-ms': '1' } }];
    const [vector] = await openai({ maxRetries: 1 }).embed(['text-9']);
    expect(received).toHaveLength(2);
    expect(vector![0]).toBe(9);
  });

  it('retries once with shorter inputs when OpenAI says one is too long', async () => {
    scripted = [
      {
        status: 400,
        body: {
          error: { message: "This model's maximum context length is 8192 tokens", type: 'invalid_request_error' },
        },
      },
    ];
    await openai().embed([`text-2 ${'字'.repeat(10_000)}`]);
    expect(received).toHaveLength(2);
    expect(estimateTokens(received[1]!.body.input[0]!)).toBeLessThanOrEqual(2_000);
  });

  it('refuses an answer with the wrong dimensions or a missing index', async () => {
    scripted = [{ status: 200, body: { data: [{ index: 0, embedding: [1, 2, 3] }] } }];
    await expect(openai().embed(['text-1'])).rejects.toMatchObject({ kind: 'invalid_output' });
    scripted = [{ status: 200, body: { data: [{ index: 1, embedding: vectorFor('text-1') }] } }];
    await expect(openai().embed(['text-1', 'text-2'])).rejects.toMatchObject({ kind: 'malformed' });
    scripted = [{ status: 200, body: { nothing: true } }];
    await expect(openai().embed(['text-1'])).rejects.toBeInstanceOf(EmbeddingError);
  });

  it('surfaces an unreachable server as a network EmbeddingError', async () => {
    const embedder = createOpenAiEmbedder({ apiKey: 'k', baseURL: 'http://127.0.0.1:1/v1', maxRetries: 0 });
    await expect(embedder.embed(['text-1'])).rejects.toMatchObject({ name: 'EmbeddingError', status: null });
  });
});

describe('truncateForEmbedding', () => {
  it('keeps a short text whole and never splits a surrogate pair', () => {
    expect(truncateForEmbedding('Plomberie')).toBe('Plomberie');
    const cut = truncateForEmbedding('😀'.repeat(10), 7, 100);
    expect(cut).toBe('😀'.repeat(3));
  });

  it('budgets dense scripts by tokens, not characters', () => {
    expect(truncateForEmbedding('字'.repeat(20_000)).length).toBe(8_000);
  });
});
