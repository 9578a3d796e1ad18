import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTORESPONDER_TONES } from '../../../schema/vocabulary';
import { classifyToneOffline, type ToneInput } from '../../../worker/features/form-testing/tone';
import { createOpenAiToneClassifier, type OpenAiToneSettings } from '../../../worker/features/form-testing/tone-openai';
import type { AiError } from '../../../worker/platform/ai/port';

// A local stand-in for api.openai.com: each test scripts the answers to
// POST /v1/chat/completions, one per request in order (the last one repeats).

interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: {
    type: string;
    json_schema: {
      name: string;
      strict: boolean;
      schema: { type: string; required: string[]; properties: Record<string, { enum?: unknown[] }> };
    };
  };
}
interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: ChatRequest;
}
type Answer = (res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let requests: Recorded[];
let answers: Answer[];

beforeEach(async () => {
  requests = [];
  answers = [];
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: JSON.parse(raw) });
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (!answer) throw new Error('No answer scripted for this request');
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

function script(...scripted: Answer[]): void {
  answers = scripted;
}

function json(status: number, body: unknown): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

function completion(content: string | null, overrides: { refusal?: string; finish?: string } = {}): Answer {
  return json(200, {
    id: 'chatcmpl-tone1',
    object: 'chat.completion',
    created: 1_751_360_000,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: overrides.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: overrides.finish ?? 'stop',
      },
    ],
    usage: { prompt_tokens: 612, completion_tokens: 95, total_tokens: 707 },
  });
}

const never: Answer = () => {};

const input: ToneInput = {
  inquiry: {
    message: 'Bonjour, notre chauffe-eau coule depuis ce matin. Pouvez-vous venir cette semaine?',
    senderName: 'Marie Tremblay',
    businessName: 'Plomberie Lachance',
    language: 'fr',
  },
  reply: {
    subject: 'RE: Chauffe-eau',
    newText: 'Bonjour Marie, pour le chauffe-eau qui coule, je peux passer jeudi matin. Ça vous va?\n\nStéphane',
    fromAddress: 'stephane@plomberielachance.ca',
    minutesAfter: 140,
    autoSubmitted: false,
    autoReasons: [],
  },
};

const answer = {
  tone: 'personalized',
  confidence: 0.93,
  personalization: 0.8,
  cues: [
    { key: 'names-sender', en: 'names the sender', fr: 'nomme l’expéditrice' },
    { key: 'refers-to', en: "refers to 'chauffe-eau'", fr: 'mentionne « chauffe-eau »' },
  ],
};

function classifier(overrides: Partial<OpenAiToneSettings> = {}) {
  return createOpenAiToneClassifier({ apiKey: 'sk-test-123', baseURL, maxRetries: 0, ...overrides });
}

describe('OpenAI tone classifier', () => {
  it('asks chat completions for a strict JSON-schema answer and returns its verdict', async () => {
    script(completion(JSON.stringify(answer)));
    const verdict = await classifier({ model: 'gpt-4.1-mini' }).classify(input);

    expect(verdict).toMatchObject({ tone: 'personalized', confidence: 0.93, personalization: 0.8, engine: 'openai' });
    expect(verdict.cues.slice(0, 2)).toEqual([
      { key: 'names-sender', label: { en: 'names the sender', fr: 'nomme l’expéditrice' } },
      { key: 'refers-to', label: { en: "refers to 'chauffe-eau'", fr: 'mentionne « chauffe-eau »' } },
    ]);
    // The offline facts the model did not mention are kept beside its cues.
    expect(verdict.cues.map((c) => c.key)).toContain('delay');

    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('/v1/chat/completions');
    expect(request!.headers.authorization).toBe('Bearer sk-test-123');
    const body = request!.body;
    expect(body.model).toBe('gpt-4.1-mini');
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0]!.content).toMatch(/robotic.*human.*personalized.*none/s);
    const user = JSON.parse(body.messages[1]!.content);
    expect(user).toEqual({
      inquiry: {
        language: 'fr',
        senderName: 'Marie Tremblay',
        businessName: 'Plomberie Lachance',
        message: input.inquiry.message,
      },
      reply: {
        subject: 'RE: Chauffe-eau',
        fromAddress: 'stephane@plomberielachance.ca',
        minutesAfter: 140,
        autoSubmitted: false,
        autoReasons: [],
        text: input.reply.newText,
      },
    });
    expect(body.response_format?.type).toBe('json_schema');
    const format = body.response_format!.json_schema;
    expect(format.name).toBe('autoresponder_tone');
    expect(format.strict).toBe(true);
    expect(format.schema.required).toEqual(['tone', 'confidence', 'personalization', 'cues']);
    expect(format.schema.properties.tone!.enum).toEqual([...AUTORESPONDER_TONES]);
  });

  it('uses gpt-4o-mini unless told otherwise', async () => {
    script(completion(JSON.stringify(answer)));
    await classifier().classify(input);
    expect(requests[0]!.body.model).toBe('gpt-4o-mini');
  });

  it('falls back to the offline verdict on a timeout, and says so', async () => {
    script(never);
    const failures: AiError[] = [];
    const started = performance.now();
    const verdict = await classifier({ timeoutMs: 300, onFallback: (error) => failures.push(error) }).classify(input);

    expect(performance.now() - started).toBeLessThan(5_000);
    const offline = classifyToneOffline(input);
    expect(verdict.engine).toBe('offline');
    expect(verdict.tone).toBe(offline.tone);
    expect(verdict.confidence).toBe(offline.confidence);
    expect(verdict.cues[0]).toEqual({
      key: 'openai-fallback',
      label: {
        en: 'OpenAI unavailable (timed out): offline rules used',
        fr: 'OpenAI indisponible (délai dépassé) : règles hors ligne utilisées',
      },
    });
    expect(verdict.cues.slice(1)).toEqual(offline.cues);
    expect(failures.map((f) => f.kind)).toEqual(['timeout']);
  }, 10_000);

  it('falls back when the answer is not JSON', async () => {
    script(completion('{"tone": "personalized", "confidence": 0.9'));
    const failures: AiError[] = [];
    const verdict = await classifier({ onFallback: (error) => failures.push(error) }).classify(input);
    expect(verdict.engine).toBe('offline');
    expect(verdict.cues[0]!.key).toBe('openai-fallback');
    expect(verdict.cues[0]!.label.en).toContain('unusable answer');
    expect(failures.map((f) => f.kind)).toEqual(['malformed']);
  });

  it('falls back when the answer does not fit the schema', async () => {
    for (const bad of [
      { ...answer, tone: 'friendly' },
      { ...answer, confidence: 1.4 },
      { ...answer, cues: [{ key: 'Names Sender!', en: 'x', fr: 'x' }] },
      { ...answer, extra: true },
    ]) {
      script(completion(JSON.stringify(bad)));
      const verdict = await classifier().classify(input);
      expect(verdict.engine).toBe('offline');
      expect(verdict.cues[0]!.label.en).toContain('answer outside the schema');
    }
  });

  it('falls back on a refusal, a cut-off answer and a body that is no chat completion', async () => {
    script(completion(null, { refusal: 'I cannot help with that.' }));
    expect((await classifier().classify(input)).cues[0]!.label.en).toContain('(refused)');
    script(completion('{"tone":', { finish: 'length' }));
    expect((await classifier().classify(input)).cues[0]!.label.en).toContain('unusable answer');
    script(json(200, { object: 'list', data: [] }));
    expect((await classifier().classify(input)).cues[0]!.label.en).toContain('unusable answer');
  });

  it('falls back on a server error', async () => {
    script(json(500, { error: { message: 'The server had an error', type: 'server_error', param: null, code: null } }));
    const verdict = await classifier().classify(input);
    expect(verdict.engine).toBe('offline');
    expect(verdict.cues[0]!.label).toEqual({
      en: 'OpenAI unavailable (server error): offline rules used',
      fr: 'OpenAI indisponible (erreur du serveur) : règles hors ligne utilisées',
    });
  });

  it('retries once by default before falling back', async () => {
    script(
      json(500, { error: { message: 'busy', type: 'server_error', param: null, code: null } }),
      completion(JSON.stringify(answer)),
    );
    const verdict = await createOpenAiToneClassifier({ apiKey: 'sk-test-123', baseURL }).classify(input);
    expect(verdict.engine).toBe('openai');
    expect(requests).toHaveLength(2);
  });
});
