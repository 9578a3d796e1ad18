import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEngine } from '../../../worker/platform/ai/openai';
import type { OutreachLineBrief } from '../../../worker/platform/ai/outreach-line';
import { AiError } from '../../../worker/platform/ai/port';

// A local stand-in for api.openai.com, as in openai-adapter.test.ts: each test scripts the
// answer to POST /v1/chat/completions and reads back what the adapter sent.

interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
}

let server: Server;
let baseURL: string;
let requests: { url: string; body: ChatRequest }[];
let answer: (res: ServerResponse) => void;

beforeEach(async () => {
  requests = [];
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      requests.push({ url: req.url ?? '', body: JSON.parse(raw) as ChatRequest });
      answer(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function completion(content: string | null, refusal: string | null = null) {
  answer = (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-Bx7line',
        object: 'chat.completion',
        created: 1_751_360_000,
        model: 'gpt-4o-mini-2024-07-18',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal, annotations: [] },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 380, completion_tokens: 42, total_tokens: 422 },
        service_tier: 'default',
        system_fingerprint: 'fp_test',
      }),
    );
  };
}

const engine = () => createOpenAiEngine({ apiKey: 'sk-test-123', baseURL, maxRetries: 0 });

const brief: OutreachLineBrief = {
  language: 'fr',
  company: { name: 'Plomberie Gagnon', website: 'plomberie-gagnon.ca' },
  formTest: { outcome: 'answered', submittedOn: '24 novembre', answeredAfter: '26 heures', unansweredFor: null },
  site: { bookingTools: [], chatWidgets: [], hasContactForm: true },
  draft:
    'Le 24 novembre, j’ai écrit à Plomberie Gagnon par le formulaire de plomberie-gagnon.ca, comme le ferait un nouveau client.',
  summary:
    'Votre équipe a répondu en 26 heures à la demande que j’ai envoyée par le formulaire de contact de votre site le 24 novembre.',
};

const line = 'Le 24 novembre, j’ai écrit à Plomberie Gagnon par le formulaire de votre site, comme un client pressé.';

describe('OpenAI engine: an outreach email’s first line', () => {
  it('sends the facts as JSON under a strict schema and returns the line, trimmed, with its cost', async () => {
    completion(JSON.stringify({ firstLine: `  ${line}\n` }));
    const result = await engine().outreachFirstLine!(brief);
    expect(result.value).toEqual({ firstLine: line });
    expect(result.engine).toBe('openai');
    expect(result.usage).toMatchObject({ model: 'gpt-4o-mini-2024-07-18', promptTokens: 380, completionTokens: 42 });
    expect(result.usage?.costUsd).toBeCloseTo((380 * 0.15 + 42 * 0.6) / 1_000_000, 12);

    const { url, body } = requests[0]!;
    expect(url).toBe('/v1/chat/completions');
    expect(body.model).toBe('gpt-4o-mini');
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'outreach_first_line', strict: true },
    });
    expect(body.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toContain('Quebec French');
    expect(body.messages[0]!.content).toContain('quote durations and dates exactly as the facts display them');
    expect(JSON.parse(body.messages[1]!.content)).toEqual(brief);
  });

  it('reports an answer outside the schema as invalid output, not retryable', async () => {
    completion(JSON.stringify({ firstLine: line, subject: 'Bonjour' }));
    const error = await engine().outreachFirstLine!(brief).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AiError);
    expect(error).toMatchObject({ kind: 'invalid_output', retryable: false });
  });

  it('reports a refusal as refused', async () => {
    completion(null, 'I can’t help with that.');
    const error = await engine().outreachFirstLine!(brief).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'refused', retryable: false });
  });
});
