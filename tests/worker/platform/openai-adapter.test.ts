import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INTENT_KEYS, LANGUAGES, LEAD_TONES, URGENCIES } from '../../../schema/vocabulary';
import { createOpenAiEngine, type OpenAiSettings } from '../../../worker/platform/ai/openai';
import { AiError, type InsightsBrief, type PromptVariant, type ReplyInput } from '../../../worker/platform/ai/port';
import type { TriageInput } from '../../../worker/platform/ai/triage';

// A local stand-in for api.openai.com: each test scripts the answers to
// POST /v1/chat/completions, one per request in order (the last one repeats).

interface RecordedRequest {
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: ChatRequest;
}
interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: {
    type: string;
    json_schema: { name: string; strict: boolean; schema: { properties: Record<string, { enum?: unknown[] }> } };
  };
}
type Answer = (res: ServerResponse) => void;

let server: Server;
let baseURL: string;
let requests: RecordedRequest[];
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
      requests.push({
        at: performance.now(),
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw) as ChatRequest,
      });
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

function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

function completion(content: string | null, overrides: { model?: string; refusal?: string; finish?: string } = {}) {
  return json(200, {
    id: 'chatcmpl-Bx7test',
    object: 'chat.completion',
    created: 1_751_360_000,
    model: overrides.model ?? 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: overrides.refusal ?? null, annotations: [] },
        logprobs: null,
        finish_reason: overrides.finish ?? 'stop',
      },
    ],
    usage: {
      prompt_tokens: 412,
      completion_tokens: 88,
      total_tokens: 500,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_test',
  });
}

function apiError(status: number, message: string, code: string | null, headers: Record<string, string> = {}) {
  return json(status, { error: { message, type: 'invalid_request_error', param: null, code } }, headers);
}

const never: Answer = () => {};

function engine(overrides: Partial<OpenAiSettings> = {}) {
  return createOpenAiEngine({ apiKey: 'sk-test-123', baseURL, ...overrides });
}

const prompt: PromptVariant = { id: 'p1', variantId: 'triage.en.v1', text: 'You triage leads.', language: 'en' };
const lead: TriageInput = {
  name: 'Marie Tremblay',
  message: 'Bonjour, notre toit coule depuis hier soir. Pouvez-vous venir aujourd’hui?',
  formLanguage: 'fr',
  businessName: 'Toitures Côté',
  industry: 'roofing',
};
const triage = {
  language: 'fr',
  intent: 'booking_request',
  urgency: 'High',
  tone: 'Frustrated',
  confidence: 0.86,
  summary: 'Le toit fuit depuis hier soir; la cliente demande une visite aujourd’hui.',
};

async function failure(promise: Promise<unknown>): Promise<AiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AiError);
  return error as AiError;
}

describe('OpenAI engine: triage', () => {
  it('returns the triage with its token usage and cost', async () => {
    script(completion(JSON.stringify(triage)));
    const result = await engine().triage(lead, prompt);
    expect(result.value).toEqual(triage);
    expect(result.engine).toBe('openai');
    expect(result.usage).toEqual({
      model: 'gpt-4o-mini-2024-07-18',
      promptTokens: 412,
      completionTokens: 88,
      costUsd: expect.closeTo((412 * 0.15 + 88 * 0.6) / 1e6, 12),
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sends the prompt as the system message, the lead as JSON, and a strict schema built from the vocabulary', async () => {
    script(completion(JSON.stringify(triage)));
    await engine().triage(lead, prompt);
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-123');
    expect(request?.body.model).toBe('gpt-4o-mini');
    expect(request?.body.messages[0]).toEqual({ role: 'system', content: 'You triage leads.' });
    expect(JSON.parse(request?.body.messages[1]?.content ?? '')).toEqual({
      name: 'Marie Tremblay',
      message: lead.message,
      formLanguage: 'fr',
      businessName: 'Toitures Côté',
      industry: 'roofing',
    });
    const format = request?.body.response_format;
    expect(format?.type).toBe('json_schema');
    expect(format?.json_schema.name).toBe('lead_triage');
    expect(format?.json_schema.strict).toBe(true);
    const properties = format?.json_schema.schema.properties ?? {};
    expect(properties.intent?.enum).toEqual([...INTENT_KEYS]);
    expect(properties.language?.enum).toEqual([...LANGUAGES]);
    expect(properties.urgency?.enum).toEqual([...URGENCIES]);
    expect(properties.tone?.enum).toEqual([...LEAD_TONES]);
    expect(format?.json_schema.schema).toMatchObject({
      additionalProperties: false,
      required: ['language', 'intent', 'urgency', 'tone', 'confidence', 'summary'],
      properties: { confidence: { type: 'number', minimum: 0, maximum: 1 } },
    });
  });

  it('prices a dated snapshot by its family, and an unknown model at zero', async () => {
    script(completion(JSON.stringify(triage), { model: 'gpt-4o-2024-08-06' }));
    const priced = await engine({ model: 'gpt-4o' }).triage(lead, prompt);
    expect(priced.usage?.costUsd).toBeCloseTo((412 * 2.5 + 88 * 10) / 1e6, 12);

    script(completion(JSON.stringify(triage), { model: 'llama-3.1-8b' }));
    const unpriced = await engine({ model: 'llama-3.1-8b' }).triage(lead, prompt);
    expect(unpriced.usage).toMatchObject({ model: 'llama-3.1-8b', promptTokens: 412, costUsd: 0 });
  });

  it('rejects an intent outside the vocabulary as invalid output, not retryable', async () => {
    script(completion(JSON.stringify({ ...triage, intent: 'emergency_repair' })));
    const error = await failure(engine().triage(lead, prompt));
    expect(error.kind).toBe('invalid_output');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('intent');
  });

  it('rejects a confidence of 7 instead of clamping it', async () => {
    script(completion(JSON.stringify({ ...triage, confidence: 7 })));
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'invalid_output', retryable: false });
    expect(error.message).toContain('confidence');
  });

  it('rejects a missing field and an extra field as invalid output', async () => {
    const { summary: _, ...withoutSummary } = triage;
    script(completion(JSON.stringify(withoutSummary)));
    expect(await failure(engine().triage(lead, prompt))).toMatchObject({ kind: 'invalid_output' });
    script(completion(JSON.stringify({ ...triage, budget: 5000 })));
    expect(await failure(engine().triage(lead, prompt))).toMatchObject({ kind: 'invalid_output' });
    // Only the offline engine writes both languages; the model's other language is translated.
    script(completion(JSON.stringify({ ...triage, summaries: { en: 'A roof.', fr: triage.summary } })));
    expect(await failure(engine().triage(lead, prompt))).toMatchObject({ kind: 'invalid_output' });
  });

  it('reports content that is not JSON as malformed, not retryable', async () => {
    script(completion('{"language": "fr", "intent": '));
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
  });

  it('reports an HTTP body that is not JSON as malformed and retryable', async () => {
    script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-1", "choices": [');
    });
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'malformed', retryable: true });
    expect(error.cause).not.toBeInstanceOf(AiError);
  });

  it('reports a refusal and a truncated answer for what they are', async () => {
    script(completion(null, { refusal: 'I can’t help with that.' }));
    expect(await failure(engine().triage(lead, prompt))).toMatchObject({ kind: 'refused', retryable: false });
    script(completion('{"language": "fr"', { finish: 'length' }));
    expect(await failure(engine().triage(lead, prompt))).toMatchObject({ kind: 'malformed', retryable: false });
  });
});

describe('OpenAI engine: transport', () => {
  it('waits as long as a 429 asks (retry-after-ms), then succeeds', async () => {
    script(
      apiError(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after-ms': '400' }),
      completion(JSON.stringify(triage)),
    );
    const result = await engine().triage(lead, prompt);
    expect(result.value).toEqual(triage);
    expect(requests).toHaveLength(2);
    const waited = (requests[1]?.at ?? 0) - (requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(380);
    // The SDK's own back-off starts at 0.5 s less jitter; 400 ms means the header was obeyed.
    expect(waited).toBeLessThan(900);
    expect(requests[1]?.headers['x-stainless-retry-count']).toBe('1');
    expect(result.latencyMs).toBeGreaterThanOrEqual(380);
  });

  it('gives up at once with rate_limited when a 429 asks for a long wait, leaving it to the queue', async () => {
    script(apiError(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '3600' }));
    const started = performance.now();
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports rate_limited once the retries are spent', async () => {
    script(apiError(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after-ms': '10' }));
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(requests).toHaveLength(3);
  });

  it('does not treat a spent quota as a rate limit', async () => {
    script(apiError(429, 'You exceeded your current quota', 'insufficient_quota', { 'retry-after-ms': '10' }));
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'refused', retryable: false });
  });

  it('retries a 500 twice, then reports a retryable server error', async () => {
    script(apiError(500, 'The server had an error', null, { 'retry-after-ms': '10' }));
    const error = await failure(engine().triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'server', retryable: true });
    expect(requests).toHaveLength(3);
  });

  it('recovers when a retried 503 is followed by an answer', async () => {
    script(apiError(503, 'Overloaded', null, { 'retry-after-ms': '10' }), completion(JSON.stringify(triage)));
    const result = await engine().triage(lead, prompt);
    expect(result.value.intent).toBe('booking_request');
    expect(requests).toHaveLength(2);
  });

  it('reports a timeout, retryable, when the server never answers', async () => {
    script(never);
    const error = await failure(engine({ timeoutMs: 150, maxRetries: 1 }).triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(requests).toHaveLength(2);
  });

  it('reports a timeout when the body stalls after the headers', async () => {
    script((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "chatcmpl-1", ');
    });
    const error = await failure(engine({ timeoutMs: 200, maxRetries: 0 }).triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('reports 400, 401 and 403 as refused, without retrying', async () => {
    for (const status of [400, 401, 403]) {
      requests = [];
      script(apiError(status, `Error ${status}`, null));
      const error = await failure(engine().triage(lead, prompt));
      expect(error).toMatchObject({ kind: 'refused', retryable: false });
      expect(requests).toHaveLength(1);
    }
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(engine({ baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 }).triage(lead, prompt));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('goes through an injected fetch', async () => {
    script(completion(JSON.stringify(triage)));
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await engine({ fetch: recordingFetch }).triage(lead, prompt);
    expect(seen).toEqual([`${baseURL}/chat/completions`]);
  });
});

describe('OpenAI engine: replies', () => {
  const replyPrompt: PromptVariant = { id: 'p2', variantId: 'reply.fr.v1', text: 'You write replies.', language: 'fr' };
  const input: ReplyInput = {
    lead: { name: 'Marie Tremblay', message: lead.message },
    triage: { ...triage, language: 'fr', intent: 'booking_request', urgency: 'High', tone: 'Frustrated' },
    business: { name: 'Toitures Côté', tone: 'Friendly', bookingLink: 'https://cal.example.ca/cote' },
  };

  it('writes a subject and body from the lead, its triage and the business', async () => {
    script(
      completion(
        JSON.stringify({
          subject: '  Votre toit — on s’en occupe ',
          body: 'Bonjour Marie,\n\nNous passons aujourd’hui.',
        }),
      ),
    );
    const result = await engine().writeReply(input, replyPrompt);
    expect(result.value).toEqual({
      subject: 'Votre toit — on s’en occupe',
      body: 'Bonjour Marie,\n\nNous passons aujourd’hui.',
    });
    expect(result.usage?.promptTokens).toBe(412);
    const request = requests[0]?.body;
    expect(request?.messages[0]).toEqual({ role: 'system', content: 'You write replies.' });
    expect(JSON.parse(request?.messages[1]?.content ?? '')).toEqual({
      lead: { name: 'Marie Tremblay', message: lead.message },
      triage: { language: 'fr', intent: 'booking_request', urgency: 'High', summary: triage.summary },
      business: { name: 'Toitures Côté', tone: 'Friendly', bookingLink: 'https://cal.example.ca/cote' },
    });
    expect(request?.response_format?.json_schema).toMatchObject({
      name: 'lead_reply',
      strict: true,
      schema: { required: ['subject', 'body'], additionalProperties: false },
    });
  });

  it.each([
    ['an empty subject', { subject: '  ', body: 'Bonjour' }],
    ['a subject over 200 characters', { subject: 'x'.repeat(201), body: 'Bonjour' }],
    ['a subject on two lines', { subject: 'Bonjour\r\nBcc: x@example.com', body: 'Bonjour' }],
    ['a body over 4000 characters', { subject: 'Bonjour', body: 'x'.repeat(4001) }],
    ['an empty body', { subject: 'Bonjour', body: '' }],
  ])('rejects %s as invalid output', async (_, draft) => {
    script(completion(JSON.stringify(draft)));
    expect(await failure(engine().writeReply(input, replyPrompt))).toMatchObject({
      kind: 'invalid_output',
      retryable: false,
    });
  });
});

describe('OpenAI engine: translation', () => {
  it('translates to Canadian French as plain text, trimmed', async () => {
    script(completion('  La cliente demande une soumission pour sa cuisine.\n'));
    const result = await engine().translate('The customer wants a quote for her kitchen.', 'en', 'fr', 'lead_summary');
    expect(result?.value).toBe('La cliente demande une soumission pour sa cuisine.');
    const request = requests[0]?.body;
    expect(request?.response_format).toBeUndefined();
    expect(request?.messages[0]?.role).toBe('system');
    expect(request?.messages[0]?.content).toContain('from English to Canadian French');
    expect(request?.messages[0]?.content).toContain('only the translation');
    expect(request?.messages[1]).toEqual({ role: 'user', content: 'The customer wants a quote for her kitchen.' });
  });

  it('reports an empty translation as invalid output', async () => {
    script(completion('   '));
    expect(await failure(engine().translate('Hello', 'en', 'fr', 'ui_text'))).toMatchObject({
      kind: 'invalid_output',
      retryable: false,
    });
  });

  it('returns the text unchanged, without a call, when both languages are the same', async () => {
    const result = await engine().translate('Bonjour', 'fr', 'fr', 'ui_text');
    expect(result?.value).toBe('Bonjour');
    expect(requests).toHaveLength(0);
  });
});

describe('OpenAI engine: growth insights', () => {
  const brief: InsightsBrief = {
    business: { name: 'Toitures Côté', industry: 'roofing' },
    advice: [
      {
        id: 'waiting_high',
        facts: [
          { label: { en: 'Urgent leads waiting', fr: 'Demandes urgentes en attente' }, display: { en: '2', fr: '2' } },
        ],
        draft: {
          en: { title: '2 urgent leads are still waiting for you', body: 'Call back today.' },
          fr: { title: '2 demandes urgentes attendent encore votre suivi', body: 'Rappelez aujourd’hui.' },
        },
      },
    ],
  };
  const words = {
    recommendations: [
      {
        id: 'waiting_high',
        en: { title: 'Two customers need you today: 2 urgent leads', body: 'Call them back this morning.' },
        fr: { title: '2 demandes urgentes vous attendent', body: 'Rappelez-les ce matin.' },
      },
    ],
  };

  it('sends the figures as JSON under a strict schema and returns the words with their cost', async () => {
    script(completion(JSON.stringify(words)));
    const result = await engine().writeInsights!(brief);
    expect(result.value).toEqual(words);
    expect(result.usage?.promptTokens).toBe(412);
    const request = requests[0]!.body;
    expect(request.response_format?.json_schema.name).toBe('growth_recommendations');
    expect(request.response_format?.json_schema.strict).toBe(true);
    expect(request.messages[0]?.content).toContain('Quote numbers only as the facts display them');
    expect(JSON.parse(request.messages[1]!.content)).toEqual(brief);
  });

  it('rejects an answer that does not fit the schema', async () => {
    script(completion(JSON.stringify({ recommendations: [{ id: 'waiting_high', en: { title: 'x' } }] })));
    expect(await failure(engine().writeInsights!(brief))).toMatchObject({ kind: 'invalid_output', retryable: false });
  });
});

describe('OpenAI engine: the client’s corrections', () => {
  const corrected = {
    message: 'Pouvez-vous venir voir la moisissure au sous-sol?',
    predicted: { intent: 'support_request', urgency: 'Medium', tone: 'Friendly', language: 'fr' },
    actual: { intent: 'quote_request', urgency: 'High', tone: 'Friendly', language: 'fr' },
  } as const;

  it('gives them to the model as examples in a second system message, never in the lead', async () => {
    script(completion(JSON.stringify(triage)));
    await engine().triage({ ...lead, corrections: [corrected] }, prompt);
    const { messages } = requests[0]!.body;
    expect(messages.map((message) => message.role)).toEqual(['system', 'system', 'user']);
    expect(messages[1]!.content).toContain('moisissure au sous-sol');
    expect(messages[1]!.content).toContain('The business says: intent quote_request, urgency High');
    expect(JSON.parse(messages[2]!.content)).not.toHaveProperty('corrections');
  });

  it('sends no examples message without corrections', async () => {
    script(completion(JSON.stringify(triage)));
    await engine().triage({ ...lead, corrections: [] }, prompt);
    expect(requests[0]!.body.messages.map((message) => message.role)).toEqual(['system', 'user']);
  });
});

describe('OpenAI engine: prompt evolution', () => {
  const brief = {
    type: 'mutation' as const,
    promptName: 'triage',
    language: 'fr' as const,
    parent: 'Vous triez les demandes des clients.',
    other: null,
    mistakes: [
      {
        message: 'Un reçu pour mes assurances svp',
        predicted: { intent: 'general_question' },
        actual: { intent: 'billing' },
      },
    ],
  };

  it('writes a child prompt and its rationale under a strict schema', async () => {
    const child = {
      text: 'Vous triez les demandes des clients. Une demande de reçu pour les assurances est une question de facturation.',
      rationale: 'Les reçus d’assurance étaient classés comme questions générales.',
    };
    script(completion(JSON.stringify(child)));
    const result = await engine().evolvePrompt!(brief);
    expect(result.value).toEqual(child);
    const request = requests[0]!.body;
    expect(request.response_format?.json_schema.name).toBe('prompt_variant');
    expect(JSON.parse(request.messages[1]!.content)).toEqual(brief);
  });

  it('refuses a child too short to be a prompt', async () => {
    script(completion(JSON.stringify({ text: 'Triez.', rationale: 'Plus court.' })));
    expect(await failure(engine().evolvePrompt!(brief))).toMatchObject({ kind: 'invalid_output' });
  });
});
