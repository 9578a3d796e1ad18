import ipaddr from 'ipaddr.js';
import { TtlCache } from '../ttl-cache';

/**
 * Where a host name points, asked before the fetcher connects so that a name resolving to
 * a private address is refused (address-policy.ts).
 *
 * The limit of this check: a Worker cannot pin the address it checked for the connection
 * fetch() then opens, which resolves the name again. A name with a short TTL can answer
 * a public address here and a private one to the connection (DNS rebinding), so this
 * narrows the hole, it does not close it. What closes it in production is Cloudflare's
 * own egress, which does not route Worker subrequests to private ranges; under Node (the
 * CLI) nothing does, so the CLI must not run on a host with sensitive services on its
 * network.
 */
export interface HostResolver {
  /** The host's IPv4 and IPv6 addresses; throws when it has none or DNS cannot answer. */
  resolve(host: string, signal?: AbortSignal): Promise<string[]>;
}

export class ResolveFailed extends Error {
  override readonly name = 'ResolveFailed';
}

export interface DohResolverOptions {
  /** A DNS-over-HTTPS endpoint answering `application/dns-json` (Cloudflare's, Google's). */
  endpoint?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  timeoutMs?: number;
  /** How many host names are remembered; the oldest is forgotten first. */
  cacheSize?: number;
  /** The longest an answer is reused, whatever its TTL. */
  maxTtlSeconds?: number;
  now?: () => number;
}

const RECORD_A = 1;
const RECORD_AAAA = 28;
const NOERROR = 0;
const NXDOMAIN = 3;

interface DnsJsonAnswer {
  Status?: unknown;
  Answer?: Array<{ type?: unknown; TTL?: unknown; data?: unknown }>;
}

/**
 * A resolver over DNS-over-HTTPS JSON (`?name=…&type=A`), asking A and AAAA together. It
 * fails closed: a failed query, an unreadable answer, a record that is not an address, or
 * no address at all throws. CNAME chains come already followed in the answer; only the A
 * and AAAA records in it are kept. Answers are cached for their smallest TTL.
 */
export function createDohResolver(options: DohResolverOptions = {}): HostResolver {
  const endpoint = options.endpoint ?? 'https://cloudflare-dns.com/dns-query';
  // Called bare, never as a method of `options`: workerd refuses fetch with a foreign `this`.
  const doFetch = options.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxTtlSeconds = options.maxTtlSeconds ?? 300;
  const cache = new TtlCache<string, string[]>(options.cacheSize ?? 500, options.now);

  async function query(host: string, type: 'A' | 'AAAA', signal: AbortSignal): Promise<{ ips: string[]; ttl: number }> {
    const url = new URL(endpoint);
    url.searchParams.set('name', host);
    url.searchParams.set('type', type);
    const response = await doFetch(url.toString(), { headers: { accept: 'application/dns-json' }, signal });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new ResolveFailed(`DNS over HTTPS answered ${response.status} for ${host} (${type})`);
    }
    let body: DnsJsonAnswer;
    try {
      body = (await response.json()) as DnsJsonAnswer;
    } catch {
      throw new ResolveFailed(`DNS over HTTPS gave an unreadable answer for ${host} (${type})`);
    }
    if (body.Status === NXDOMAIN) return { ips: [], ttl: 0 };
    if (body.Status !== NOERROR) throw new ResolveFailed(`DNS lookup of ${host} (${type}) failed`);
    const wanted = type === 'A' ? RECORD_A : RECORD_AAAA;
    const ips: string[] = [];
    let ttl = maxTtlSeconds;
    for (const record of Array.isArray(body.Answer) ? body.Answer : []) {
      if (record.type !== wanted) continue;
      const data = typeof record.data === 'string' ? record.data : '';
      const valid = type === 'A' ? ipaddr.IPv4.isValidFourPartDecimal(data) : ipaddr.IPv6.isValid(data);
      if (!valid) throw new ResolveFailed(`DNS gave ${host} a ${type} record that is not an address`);
      ips.push(type === 'A' ? data : ipaddr.IPv6.parse(data).toString());
      ttl = Math.min(ttl, typeof record.TTL === 'number' && record.TTL >= 0 ? record.TTL : 0);
    }
    return { ips, ttl };
  }

  return {
    async resolve(hostname, signal) {
      const host = hostname.toLowerCase().replace(/\.$/, '');
      const cached = cache.get(host);
      if (cached) return [...cached];
      const deadline = AbortSignal.timeout(timeoutMs);
      const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
      let answers: Array<{ ips: string[]; ttl: number }>;
      try {
        answers = await Promise.all([query(host, 'A', combined), query(host, 'AAAA', combined)]);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof ResolveFailed) throw error;
        if (deadline.aborted) throw new ResolveFailed(`DNS lookup of ${host} took longer than ${timeoutMs} ms`);
        throw new ResolveFailed(`DNS lookup of ${host} could not be made`, { cause: error });
      }
      const ips = answers.flatMap((answer) => answer.ips);
      if (ips.length === 0) throw new ResolveFailed(`${host} has no address in DNS`);
      const ttl = Math.min(...answers.filter((answer) => answer.ips.length > 0).map((answer) => answer.ttl));
      if (ttl > 0) cache.set(host, ips, ttl * 1000);
      return [...ips];
    },
  };
}
