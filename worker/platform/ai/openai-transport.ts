/**
 * The fetch the OpenAI SDK is given, by every OpenAI adapter (completions, embeddings): two
 * limits the SDK does not set. Its timeout stops at the response headers, so this one also
 * covers reading the body; and a retryable answer asking for a long wait is marked
 * `x-should-retry: false`, so the SDK gives up at once instead of sleeping through it.
 */

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * The SDK sleeps for whatever Retry-After asks, unbounded; past this, a Worker would sit idle
 * for minutes, so the answer is surfaced as rate_limited and the queue retries later instead.
 */
export const MAX_RETRY_WAIT_MS = 30_000;

export function guardedFetch(inner: Fetch, timeoutMs: number): Fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(Math.ceil(timeoutMs));
    const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    const response = await inner(input, { ...init, signal });
    if (response.ok || retryWaitMs(response.headers) <= MAX_RETRY_WAIT_MS) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The wait a response asks for, as the SDK reads it; 0 when it asks for none. */
function retryWaitMs(headers: Headers): number {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(milliseconds)) return milliseconds;
  const retryAfter = headers.get('retry-after');
  if (!retryAfter) return 0;
  const seconds = Number.parseFloat(retryAfter);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? 0 : date - Date.now();
}
