import { checkHost, isPublicAddress } from './address-policy';
import type { HostPacer } from './host-pacing';
import type { HostResolver } from './resolver';

/**
 * The one way the Worker and the CLI fetch a website Avenir does not control (a prospect's
 * pages, its robots.txt, its contact form). Every hop of a request, redirects included, is
 * checked before it is sent: http(s) on the default port, no credentials in the URL, a
 * public host name whose every DNS address is public (resolver.ts says what that check
 * cannot do). Bodies are read within a byte budget and one deadline.
 */

export type FetchRefusedReason =
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'host'
  | 'private_address'
  | 'unresolvable'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'timeout'
  | 'network';

/** Why a URL was not fetched, or stopped being. The message names the host, never a header or body. */
export class FetchRefused extends Error {
  override readonly name = 'FetchRefused';
  constructor(
    readonly reason: FetchRefusedReason,
    readonly url: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface FetchOptions {
  method?: 'GET' | 'HEAD' | 'POST';
  /** Sent on the first hop; Cookie and Authorization are dropped when a redirect leaves the origin. */
  headers?: Record<string, string>;
  body?: string | FormData | URLSearchParams;
  /** One budget for DNS, connecting, headers and body over all hops; pacing waits are not counted. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  accept?: string;
  /** A robots.txt Crawl-delay for this host, passed to the pacer. */
  crawlDelayMs?: number;
  signal?: AbortSignal;
}

export interface FetchedPage {
  /** The URL that answered last, as the caller would write it (a demo site's .test URL, not its local address). */
  url: string;
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** Bytes of body read (at most maxBytes). */
  bytes: number;
  /** The body was longer than maxBytes; the rest was not read. */
  truncated: boolean;
  /** Every URL that answered with a redirect, in order, starting with the one asked for. */
  redirects: string[];
}

export interface OutboundFetcher {
  /** HEAD and every status are returned, not thrown; a refusal or a failure to get an answer throws FetchRefused. */
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
}

export interface SafeFetcherConfig {
  resolver: HostResolver;
  userAgent: string;
  transport?: typeof fetch;
  pacer?: HostPacer;
  /**
   * Development only: `https://<slug>.test/<path>` (RFC 2606, never on the Internet) is
   * fetched from `${origin}/sites/<slug>/<path>`. The origin must be plain http on the
   * loopback interface.
   */
  demoSites?: { origin: string };
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 2_000_000;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Headers this module sets itself, or that fetch() must compute. */
const CONTROLLED_HEADERS = new Set(['host', 'user-agent', 'content-length', 'transfer-encoding', 'connection']);
/** Headers that must not follow a redirect to another origin (the Fetch standard drops Authorization). */
const ORIGIN_BOUND_HEADERS = ['cookie', 'authorization', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

export function createSafeFetcher(config: SafeFetcherConfig): OutboundFetcher {
  const resolver = config.resolver;
  const pacer = config.pacer;
  // Called bare, never as a method of `config`: workerd refuses fetch with a foreign `this`.
  const transport: typeof fetch = config.transport ?? ((input, init) => fetch(input, init));
  const demoOrigin = config.demoSites ? loopbackOrigin(config.demoSites.origin) : null;
  if (!config.userAgent.trim()) throw new TypeError('the outbound fetcher needs a User-Agent');

  /** Checks one hop; returns the URL to request (the logical one, or a demo site's local address). */
  async function admit(logical: URL, signal: AbortSignal): Promise<URL> {
    const shown = displayed(logical);
    if (logical.protocol !== 'http:' && logical.protocol !== 'https:') {
      throw new FetchRefused('scheme', shown, `Only http and https addresses are fetched, not ${logical.protocol}.`);
    }
    if (logical.username || logical.password) {
      throw new FetchRefused('credentials', shown, 'Addresses with a user name or password are not fetched.');
    }
    // The URL parser leaves `port` empty for the scheme's default (80 for http, 443 for https).
    if (logical.port !== '') {
      throw new FetchRefused('port', shown, `Only the default ports are fetched, not port ${logical.port}.`);
    }
    const request = new URL(logical.href);
    request.hash = '';
    if (demoOrigin && logical.hostname.endsWith('.test')) {
      const slug = logical.hostname.split('.')[0]!;
      if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) {
        throw new FetchRefused('host', shown, `${logical.hostname} is not a demo site name.`);
      }
      return new URL(`/sites/${slug}${logical.pathname}${logical.search}`, demoOrigin);
    }
    const host = checkHost(logical.hostname);
    if (!host.allowed) throw new FetchRefused('host', shown, `${host.host} ${host.problem}.`);
    if (host.isIpLiteral) {
      if (!isPublicAddress(host.host)) {
        throw new FetchRefused('private_address', shown, `${host.host} is not a public Internet address.`);
      }
      return request;
    }
    let addresses: string[];
    try {
      addresses = await resolver.resolve(host.host, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      throw new FetchRefused('unresolvable', shown, `${host.host} could not be found in DNS.`, { cause: error });
    }
    if (addresses.length === 0) {
      throw new FetchRefused('unresolvable', shown, `${host.host} could not be found in DNS.`);
    }
    if (!addresses.every(isPublicAddress)) {
      throw new FetchRefused('private_address', shown, `${host.host} points to an address that is not public.`);
    }
    return request;
  }

  return {
    async fetch(url, options = {}) {
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
      const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
      let current: URL;
      try {
        current = new URL(url);
      } catch {
        throw new FetchRefused('scheme', url, 'This is not a valid web address.');
      }
      const deadline = new Deadline(timeoutMs, options.signal);
      let method = options.method ?? 'GET';
      let body = method === 'GET' || method === 'HEAD' ? undefined : options.body;
      const headers = new Headers();
      headers.set('accept', DEFAULT_ACCEPT);
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        if (!CONTROLLED_HEADERS.has(name.toLowerCase())) headers.set(name, value);
      }
      if (options.accept) headers.set('accept', options.accept);
      headers.set('user-agent', config.userAgent);
      const redirects: string[] = [];
      const visited = new Set<string>();
      try {
        for (;;) {
          visited.add(`${method} ${withoutHash(current)}`);
          deadline.start();
          const target = await admit(current, deadline.signal);
          if (pacer) {
            // The wait for a slot is not the site's slowness: it is kept out of the deadline.
            deadline.pause();
            await pacer.wait(current.hostname, deadline.signal, options.crawlDelayMs);
            deadline.start();
          }
          const host = current.hostname;
          const response = await deadline
            .race(transport(target.href, { method, headers, body, redirect: 'manual', signal: deadline.signal }))
            .catch((error: unknown) => {
              throw new FetchRefused('network', current.href, `${host} could not be reached.`, { cause: error });
            });
          const location = response.headers.get('location');
          if (!REDIRECT_STATUSES.has(response.status) || location === null) {
            const read =
              method === 'HEAD'
                ? discard(response)
                : await readBody(response, maxBytes, deadline).catch((error: unknown) => {
                    throw new FetchRefused('network', current.href, `The connection to ${host} broke.`, {
                      cause: error,
                    });
                  });
            return {
              url: current.href,
              status: response.status,
              headers: response.headers,
              contentType: response.headers.get('content-type'),
              text:
                read.bytes.length > 0
                  ? decodeBody(read.bytes, response.headers.get('content-type'), read.truncated)
                  : '',
              bytes: read.bytes.length,
              truncated: read.truncated,
              redirects,
            };
          }
          discard(response);
          redirects.push(current.href);
          if (redirects.length > maxRedirects) {
            throw new FetchRefused(
              'too_many_redirects',
              current.href,
              `${current.hostname} redirected more than ${maxRedirects} times.`,
            );
          }
          let next: URL;
          try {
            // Resolved against the logical URL, so a demo site's "/next" stays on its .test host.
            next = new URL(location, current);
          } catch {
            throw new FetchRefused('scheme', current.href, `${current.hostname} redirected to an invalid address.`);
          }
          if (!next.hash && current.hash) next.hash = current.hash;
          if (
            response.status === 303
              ? method !== 'GET' && method !== 'HEAD'
              : response.status <= 302 && method === 'POST'
          ) {
            method = 'GET';
            body = undefined;
            for (const name of BODY_HEADERS) headers.delete(name);
          }
          if (next.origin !== current.origin) for (const name of ORIGIN_BOUND_HEADERS) headers.delete(name);
          if (visited.has(`${method} ${withoutHash(next)}`)) {
            throw new FetchRefused('redirect_loop', displayed(next), `${current.hostname} redirects in a loop.`);
          }
          current = next;
        }
      } catch (error) {
        throw deadline.explain(error, displayed(current));
      } finally {
        deadline.dispose();
      }
    },
  };
}

/** A URL as errors show it: without the user name and password it may carry. */
function displayed(url: URL): string {
  if (!url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** The demo sites' origin, which must be plain http on the loopback interface. */
function loopbackOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`demoSites.origin is not a URL: ${origin}`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) {
    throw new TypeError(`demoSites.origin must be http on 127.0.0.1, localhost or [::1], not ${origin}`);
  }
  return url.origin;
}

/**
 * One time budget over a whole fetch, with pauses (the pacer's wait), and the caller's
 * signal folded in. Anything that stops for it is reported as a 'timeout'.
 */
class Deadline {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);
  readonly #aborted: Promise<never>;
  #remainingMs: number;
  #startedAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #expired = false;

  constructor(
    readonly timeoutMs: number,
    caller: AbortSignal | undefined,
  ) {
    this.#remainingMs = timeoutMs;
    this.#caller = caller;
    if (caller?.aborted) this.#controller.abort(caller.reason);
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#aborted = new Promise<never>((_, reject) => {
      const signal = this.#controller.signal;
      if (signal.aborted) reject(signal.reason);
      else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    this.#aborted.catch(() => {});
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  start(): void {
    this.#controller.signal.throwIfAborted();
    if (this.#timer !== undefined) return;
    this.#startedAt = Date.now();
    this.#timer = setTimeout(
      () => {
        this.#expired = true;
        this.#controller.abort(new DOMException('The outbound request timed out.', 'TimeoutError'));
      },
      Math.max(0, this.#remainingMs),
    );
  }

  pause(): void {
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#remainingMs -= Date.now() - this.#startedAt;
  }

  /** `promise`, or a rejection as soon as the deadline passes, whether or not `promise` listens to the signal. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#aborted]);
  }

  /** The error a caller sees: whatever failed once the deadline passed or the caller cancelled is a 'timeout'. */
  explain(error: unknown, url: string): unknown {
    if (this.#controller.signal.aborted) {
      const message = this.#expired
        ? `The site took longer than ${this.timeoutMs} ms to answer.`
        : 'The request was cancelled.';
      return new FetchRefused('timeout', url, message, { cause: error });
    }
    // A FetchRefused, or a failure of the pacer's database, which is ours and not the site's.
    return error;
  }

  dispose(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}

/** Cancels a body that is not read (a HEAD's, a redirect's), without waiting on the server. */
function discard(response: Response): { bytes: Uint8Array; truncated: boolean } {
  response.body?.cancel().catch(() => {});
  return { bytes: new Uint8Array(0), truncated: false };
}

/** Reads at most `maxBytes` of the body, then cancels the stream so the rest is never downloaded. */
async function readBody(
  response: Response,
  maxBytes: number,
  deadline: Deadline,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) break;
      if (total + value.byteLength >= maxBytes) {
        const wanted = maxBytes - total;
        if (wanted > 0) chunks.push(value.subarray(0, wanted));
        total = maxBytes;
        // A body of exactly maxBytes is whole only if Content-Length says so: reading on
        // to find out could wait on a server that is slow to end the stream.
        truncated = value.byteLength > wanted || Number(response.headers.get('content-length')) !== maxBytes;
        break;
      }
      chunks.push(value);
      total += value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

// ---- Decoding ------------------------------------------------------------------------

/**
 * windows-1252's 0x80–0x9F (the WHATWG table; its five holes map to the C1 controls).
 * Decoded by hand: Node 20's TextDecoder accepts 'windows-1252' but decodes it as
 * ISO-8859-1, turning ’ and € into control characters. (workerd's decodes it correctly.)
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const slice = bytes.subarray(start, start + CHUNK);
    const codes = new Array<number>(slice.length);
    for (let i = 0; i < slice.length; i++) {
      const byte = slice[i]!;
      codes[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** A decoder for a charset label, by the WHATWG Encoding standard's names; null if unknown. */
function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}

function charsetOfContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType);
  return (match?.[1] ?? match?.[2] ?? null) || null;
}

/** The charset an HTML page declares in its first 1024 bytes (`<meta charset>` or `http-equiv`). */
function sniffMetaCharset(bytes: Uint8Array): string | null {
  // The declaration itself is ASCII in every charset a page can declare it in.
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const attributes = content ? tag.replace(content[0], ' ') : tag;
    const charset = /[\s/]charset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(attributes);
    if (charset) return charset[1]!;
    if (content && /\shttp-equiv\s*=\s*["']?\s*content-type/i.test(attributes)) {
      const declared = /charset\s*=\s*["']?\s*([^\s"';]+)/i.exec(content[1] ?? content[2] ?? content[3] ?? '');
      if (declared) return declared[1]!;
    }
  }
  return null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * The body as text: a byte order mark, else the Content-Type charset, else a charset
 * declared in the page's first 1024 bytes, else UTF-8. Never throws: bytes that do not
 * decode become U+FFFD. A truncated body drops a character cut in half at the end.
 */
function decodeBody(bytes: Uint8Array, contentType: string | null, truncated: boolean): string {
  let decoder = decoderFor(bomEncoding(bytes) ?? charsetOfContentType(contentType) ?? '');
  if (!decoder && (!contentType || /html|xml/i.test(contentType))) {
    decoder = decoderFor(sniffMetaCharset(bytes) ?? '');
    // A page cannot be UTF-16 and declare it in ASCII: HTML reads that as UTF-8.
    if (decoder?.encoding.startsWith('utf-16')) decoder = null;
  }
  if (decoder?.encoding === 'windows-1252') return decodeWindows1252(bytes);
  return (decoder ?? new TextDecoder('utf-8')).decode(bytes, { stream: truncated });
}
