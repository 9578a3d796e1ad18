import * as v from 'valibot';
import type { SearchProvider } from '../../../../schema/vocabulary';
import { base64ToBytes, bytesToBase64Url } from '../../../platform/encoding';
import { NO_COST, type ProviderCost, ProviderError, type ProviderErrorKind } from './port';

/**
 * The one way the prospect providers talk HTTP: a deadline on every attempt, one honoured
 * short Retry-After, every failure as a ProviderError that says what it had cost, and every
 * answer checked against the shape the adapter reads before the adapter sees it.
 */

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;
/**
 * The longest Retry-After waited out in place. Longer, and a search run would sit idle holding
 * its Worker invocation; the run records rate_limited and comes back when the provider says.
 */
export const MAX_RETRY_AFTER_SECONDS = 5;
/** How much of a provider's own error text goes into a message: enough to act on, no page dumps. */
const MAX_PROVIDER_MESSAGE_CHARS = 300;

export interface ProviderHttpSettings {
  provider: SearchProvider;
  /** The provider as a person names it, in messages ("People Data Labs"). */
  label: string;
  timeoutMs?: number;
  fetch?: Fetch;
  /** Values blanked out of any text a provider echoes back: its API key, whatever it says. */
  secrets?: readonly string[];
  /**
   * A provider's own reading of a refusal, before the generic one: Google answers a bad key
   * with 400, not 401. Null falls through to the generic mapping.
   */
  classify?: (status: number, failure: ProviderFailure) => ProviderErrorKind | null;
}

/** What a refusal said, as far as it could be read. */
export interface ProviderFailure {
  /** The provider's message, secrets blanked and cut short; null when the body had none. */
  message: string | null;
  /** A machine-readable code when the provider gives one (Google's `status`, PDL's `type`). */
  code: string | null;
  /** The parsed JSON body, or null when it was not JSON. */
  body: unknown;
}

export interface JsonRequest<T> {
  method: 'GET' | 'POST';
  url: URL;
  headers?: Record<string, string>;
  /** Sent as JSON; POST only. */
  body?: unknown;
  /** The answer's shape, loosely: the fields the adapter reads, anything else allowed. */
  schema: v.GenericSchema<unknown, T>;
  signal?: AbortSignal;
  /**
   * What a 2xx answer is billed, read from the raw JSON (undefined when it was not JSON) so
   * an answer that then fails validation still reports what it cost.
   */
  charge?: (raw: unknown) => { credits: number; usdCents: number };
  /** A status that is an answer rather than a failure, and what it stands for (PDL's 404). */
  answerFor?: { status: number; value: T };
}

export interface JsonAnswer<T> {
  body: T;
  status: number;
  cost: ProviderCost;
}

export interface ProviderHttp {
  request<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>>;
}

export function createProviderHttp(settings: ProviderHttpSettings): ProviderHttp {
  const timeoutMs = settings.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS;
  const doFetch: Fetch = settings.fetch ?? ((input, init) => fetch(input, init));
  const secrets = (settings.secrets ?? []).filter((secret) => secret.length > 0);
  const { provider, label } = settings;

  const redact = (text: string): string =>
    secrets.reduce((clean, secret) => clean.replaceAll(secret, '[redacted]'), text);

  const fail = (kind: ProviderErrorKind, message: string, cost: ProviderCost, extra: ErrorExtra = {}) =>
    new ProviderError(provider, kind, redact(message), { ...extra, cost });

  async function attempt(request: JsonRequest<unknown>, requests: number): Promise<Attempt> {
    const cost: ProviderCost = { requests, credits: 0, usdCents: 0 };
    const deadline = AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs)));
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        // A redirect would carry the key header to wherever it points: providers never redirect an API call.
        redirect: 'manual',
      });
      // Read under the same deadline: a server can send its headers and then stall the body.
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, cost };
    } catch (error) {
      // The caller gave up (a cancelled run): its reason, not a provider failure.
      if (request.signal?.aborted) throw request.signal.reason;
      if (deadline.aborted) {
        throw fail('timeout', `${label} did not answer within ${timeoutMs} ms`, cost);
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw fail('unavailable', `Could not reach ${label}: ${reason}`, cost);
    }
  }

  return {
    async request<T>(request: JsonRequest<T>): Promise<JsonAnswer<T>> {
      if (request.signal?.aborted) throw request.signal.reason;
      let answer = await attempt(request, 1);
      if (answer.status === 429) {
        const wait = retryAfterSeconds(answer.headers.get('retry-after'));
        if (wait !== null && wait <= MAX_RETRY_AFTER_SECONDS) {
          await sleep(wait * 1000, request.signal);
          answer = await attempt(request, 2);
        }
      }
      const { status, text, cost } = answer;

      if (request.answerFor && status === request.answerFor.status) {
        return { body: request.answerFor.value, status, cost };
      }

      if (status >= 200 && status < 300) {
        const raw = parseJson(text);
        const billed = request.charge?.(raw) ?? { credits: 0, usdCents: 0 };
        const paid: ProviderCost = { requests: cost.requests, ...billed };
        if (raw === undefined) {
          throw fail('invalid_response', `${label} answered ${status} with something that is not JSON`, paid, {
            status,
          });
        }
        const parsed = v.safeParse(request.schema, raw);
        if (!parsed.success) {
          const issues = parsed.issues
            .slice(0, 3)
            .map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`)
            .join('; ');
          throw fail('invalid_response', `${label} answered with an unexpected shape: ${issues}`, paid, { status });
        }
        return { body: parsed.output, status, cost: paid };
      }

      const failure = readFailure(text, redact);
      const said = failure.message ? `: ${failure.message}` : '';
      if (status === 429) {
        const wait = retryAfterSeconds(answer.headers.get('retry-after'));
        throw fail('rate_limited', `${label} rate limit reached${said}`, cost, {
          status,
          ...(wait === null ? {} : { retryAfterSeconds: wait }),
        });
      }
      const kind = settings.classify?.(status, failure) ?? classifyStatus(status, failure);
      throw fail(kind, `${label} answered ${status}${said}`, cost, { status });
    },
  };
}

interface Attempt {
  status: number;
  headers: Headers;
  text: string;
  cost: ProviderCost;
}

type ErrorExtra = { status?: number; retryAfterSeconds?: number };

/** A spent plan reads the same at every provider, whatever status it comes with. */
const OUT_OF_CREDITS = /\bcredits?\b|\bquota\b|\bbilling\b|insufficient|payment required|RESOURCE_EXHAUSTED/i;

/** The generic reading of a refusal, after the provider's own. */
export function classifyStatus(status: number, failure: ProviderFailure): ProviderErrorKind {
  const spent = OUT_OF_CREDITS.test(`${failure.code ?? ''} ${failure.message ?? ''}`);
  if (status === 402) return 'out_of_credits';
  if (status === 401 || status === 403) return spent ? 'out_of_credits' : 'unauthorized';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'unavailable';
  if (status >= 400) return spent ? 'out_of_credits' : 'bad_request';
  // 1xx/3xx: with redirects not followed, a 3xx is a proxy or a wrong base URL, not an API answer.
  return 'invalid_response';
}

/**
 * The message and code of an error body in any of the shapes the providers use:
 * `{error: {message, status|type}}` (Google, PDL), `{error: "…"}` or `{message: "…"}` (Apollo).
 */
function readFailure(text: string, redact: (text: string) => string): ProviderFailure {
  const body = parseJson(text) ?? null;
  const record = isRecord(body) ? body : {};
  const nested = isRecord(record.error) ? record.error : {};
  const message = firstString(nested.message, record.error, record.message, record.error_message);
  const code = firstString(nested.status, nested.type, record.error_code, record.code);
  return {
    message: message === null ? null : redact(message).slice(0, MAX_PROVIDER_MESSAGE_CHARS),
    code,
    body,
  };
}

/**
 * Seconds to wait, from Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3);
 * null when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function firstString(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

// --- cursors and page sizes ------------------------------------------------------------

/** A cursor the caller stores and hands back without reading: base64url of JSON. */
export function encodeCursor(state: unknown): string {
  return bytesToBase64Url(new TextEncoder().encode(JSON.stringify(state)));
}

/** A cursor back into its state; a cursor this adapter did not write is a bad request. */
export function decodeCursor<T>(provider: SearchProvider, cursor: string, schema: v.GenericSchema<unknown, T>): T {
  let raw: unknown;
  try {
    const base64 = cursor.replaceAll('-', '+').replaceAll('_', '/');
    raw = JSON.parse(new TextDecoder().decode(base64ToBytes(base64)));
  } catch {
    raw = undefined;
  }
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) {
    throw new ProviderError(provider, 'bad_request', 'The cursor was not written by this provider', { cost: NO_COST });
  }
  return parsed.output;
}

/** The page size to ask for: the request's limit, within what the provider allows. */
export function pageSizeFor(provider: SearchProvider, limit: number, max: number): number {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new ProviderError(provider, 'bad_request', `A page limit must be a whole number ≥ 1, not ${limit}`, {
      cost: NO_COST,
    });
  }
  return Math.min(limit, max);
}

/**
 * Page number and size for providers that page by number, starting `offset` records in, with
 * pages of at most `size`: the largest size that divides the offset, so a caller that changes
 * its limit between pages neither skips records nor gets more than it asked for.
 */
export function numberedPage(offset: number, size: number): { page: number; perPage: number } {
  let perPage = size;
  while (offset % perPage !== 0) perPage -= 1;
  return { page: offset / perPage + 1, perPage };
}

/** A path under a base URL that may itself carry a path (a proxy's /pdl): URL resolution would drop it. */
export function endpoint(baseUrl: string, path: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}${path}`);
}
