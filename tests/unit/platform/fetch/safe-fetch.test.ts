import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HostPacer } from '../../../../worker/platform/fetch/host-pacing';
import { createDohResolver, type HostResolver } from '../../../../worker/platform/fetch/resolver';
import {
  createSafeFetcher,
  FetchRefused,
  type FetchRefusedReason,
  type OutboundFetcher,
} from '../../../../worker/platform/fetch/safe-fetch';

/**
 * The fetcher against a local server, reached two ways: through the demo mapping
 * (https://<slug>.test/… → /sites/<slug>/…, the real fetch), and through a test resolver
 * that gives public-looking names public-looking addresses, with a transport that sends
 * every request it is handed, whatever its host, to the local server. So a check that
 * did not run on some hop would show as a request the server answered, not a refusal.
 */

const USER_AGENT = 'AvenirBot/1.0 (+https://avenir.example/bot)';

interface Hit {
  path: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let origin: string;
const hits: Hit[] = [];
const huge = { written: 0, closed: false };

/** Bytes of `text` in windows-1252 (the few characters above U+00FF the tests use). */
function cp1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96, œ: 0x9c };
  return Buffer.from([...text].map((ch) => high[ch] ?? ch.charCodeAt(0)));
}

function respond(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer = '') {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function streamHuge(res: ServerResponse) {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const total = 64 * 1024 * 1024;
  huge.written = 0;
  huge.closed = false;
  res.on('close', () => {
    huge.closed = true;
  });
  res.writeHead(200, { 'content-type': 'text/plain' });
  const pump = () => {
    while (huge.written < total && !res.destroyed) {
      huge.written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

function route(path: string, search: URLSearchParams, res: ServerResponse, hit: Hit) {
  const page = path.replace(/^\/sites\/[^/]+/, '');
  switch (page) {
    case '/redirect':
      return respond(res, Number(search.get('status') ?? 302), { location: search.get('to')! });
    case '/loop-a':
      return respond(res, 302, { location: '/loop-b' });
    case '/self':
      return respond(res, 307, { location: '/self' });
    case '/loop-b':
      return respond(res, 301, { location: '/loop-a' });
    case '/set-cookie':
      return respond(res, 302, { location: '/echo', 'set-cookie': 'session=stolen; Path=/' });
    case '/huge':
      return streamHuge(res);
    case '/slow-headers':
      return; // never answers
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>the start');
      return; // never ends
    case '/cp1252':
      return respond(
        res,
        200,
        { 'content-type': 'text/html; charset=windows-1252' },
        cp1252('Café – l’été coûte 5 € œuvre'),
      );
    case '/latin1-label':
      return respond(res, 200, { 'content-type': 'text/plain; charset="ISO-8859-1"' }, cp1252('l’été 5 €'));
    case '/meta-charset':
      return respond(
        res,
        200,
        { 'content-type': 'text/html' },
        cp1252('<!doctype html><html><head><meta charset="windows-1252"><title>Café’s 5 €</title></head></html>'),
      );
    case '/http-equiv':
      return respond(
        res,
        200,
        {},
        cp1252(
          '<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><title>Crème brûlée’</title>',
        ),
      );
    case '/header-wins':
      return respond(
        res,
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        Buffer.from('<meta charset="windows-1252"><p>déjà’</p>', 'utf8'),
      );
    case '/utf8':
      return respond(res, 200, { 'content-type': 'text/html' }, Buffer.from('<p>Ça coûte 5 € ’</p>', 'utf8'));
    case '/post-redirect':
      return respond(res, Number(search.get('status')), { location: '/echo' });
    default:
      if (/^\/chain\/\d+$/.test(page)) {
        const left = Number(page.split('/')[2]);
        return left === 0
          ? respond(res, 200, { 'content-type': 'text/plain' }, 'end of the chain')
          : respond(res, 302, { location: `/chain/${left - 1}` });
      }
      return respond(
        res,
        200,
        { 'content-type': 'application/json; charset=utf-8', 'x-seen-path': path },
        JSON.stringify({ path, search: search.toString(), method: hit.method, headers: hit.headers, body: hit.body }),
      );
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://local');
      const hit = {
        path: url.pathname,
        method: req.method ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      hits.push(hit);
      route(url.pathname, url.searchParams, res, hit);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchRefused) return error;
    throw error;
  }
  throw new Error('the fetch was not refused');
}

async function expectRefused(promise: Promise<unknown>, reason: FetchRefusedReason): Promise<FetchRefused> {
  const error = await refusal(promise);
  expect(error.reason, error.message).toBe(reason);
  expect(error.message).toMatch(/^\S.*\.$/);
  return error;
}

// ---- Through a resolver and a transport --------------------------------------------

const DNS: Record<string, string[]> = {
  'site.example.com': ['93.184.216.34'],
  'other.example.com': ['2606:2800:220:1:248:1893:25c8:1946', '93.184.216.34'],
  'private.example.com': ['10.0.0.5'],
  'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
  'mapped.example.com': ['::ffff:169.254.169.254'],
  'metadata-v6.example.com': ['fd00:ec2::254'],
};

let asked: string[];
let sent: string[];
let paced: string[];
let routed: OutboundFetcher;

const testResolver: HostResolver = {
  async resolve(host) {
    asked.push(host);
    const ips = DNS[host];
    if (!ips) throw new Error(`NXDOMAIN ${host}`);
    return ips;
  },
};

/** Sends every request, to whatever host, to the local server: it checks nothing. */
const anywhereTransport: typeof fetch = async (input, init) => {
  const url = new URL(String(input));
  sent.push(url.href);
  return fetch(`${origin}${url.pathname}${url.search}`, init);
};

const pacer: HostPacer = {
  async wait(host) {
    paced.push(host);
  },
};

beforeEach(() => {
  asked = [];
  sent = [];
  paced = [];
  routed = createSafeFetcher({ resolver: testResolver, userAgent: USER_AGENT, transport: anywhereTransport, pacer });
});

const redirectTo = (to: string, status = 302) =>
  `https://site.example.com/redirect?status=${status}&to=${encodeURIComponent(to)}`;

describe('the safe fetcher: what it refuses before sending anything', () => {
  it('fetches a public name, resolving it first and pacing it', async () => {
    const page = await routed.fetch('https://site.example.com/hello?x=1');
    expect(page.status).toBe(200);
    expect(page.url).toBe('https://site.example.com/hello?x=1');
    expect(JSON.parse(page.text).path).toBe('/hello');
    expect(asked).toEqual(['site.example.com']);
    expect(sent).toEqual(['https://site.example.com/hello?x=1']);
    expect(paced).toEqual(['site.example.com']);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://site.example.com/',
    'data:text/html,<b>hi</b>',
    'javascript:alert(1)',
    'gopher://site.example.com/',
  ])('refuses the scheme of %s', async (url) => {
    await expectRefused(routed.fetch(url), 'scheme');
    expect(sent).toEqual([]);
  });

  it('refuses what is not a URL', async () => {
    await expectRefused(routed.fetch('not a url'), 'scheme');
  });

  it.each([
    'https://user:s3cr3t@site.example.com/',
    'https://s3cr3t@site.example.com/',
    'https://:s3cr3t@site.example.com/',
  ])('refuses credentials in %s, without repeating them', async (url) => {
    const error = await expectRefused(routed.fetch(url), 'credentials');
    expect(error.message).not.toContain('s3cr3t');
    expect(error.url).toBe('https://site.example.com/');
    expect(sent).toEqual([]);
  });

  it.each(['https://site.example.com:8080/', 'http://site.example.com:443/', 'https://site.example.com:80/'])(
    'refuses the port of %s',
    async (url) => {
      await expectRefused(routed.fetch(url), 'port');
      expect(asked).toEqual([]);
    },
  );

  it('takes the default port written out', async () => {
    expect((await routed.fetch('https://site.example.com:443/hello')).status).toBe(200);
  });

  it.each([
    'http://localhost/',
    'http://app.localhost/',
    'http://printer.local/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://router.home.arpa/',
    'http://intranet/',
    'https://shop.test/',
  ])('refuses the host of %s', async (url) => {
    await expectRefused(routed.fetch(url), 'host');
    expect(asked).toEqual([]);
    expect(sent).toEqual([]);
  });

  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00:ec2::254]/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0177.0.0.1/',
    'http://0/',
  ])('refuses the private address %s', async (url) => {
    await expectRefused(routed.fetch(url), 'private_address');
    expect(sent).toEqual([]);
  });

  it('refuses a name whose DNS answer holds a private address, even among public ones', async () => {
    for (const host of ['private.example.com', 'mixed.example.com', 'mapped.example.com', 'metadata-v6.example.com']) {
      await expectRefused(routed.fetch(`https://${host}/`), 'private_address');
    }
    expect(asked).toEqual([
      'private.example.com',
      'mixed.example.com',
      'mapped.example.com',
      'metadata-v6.example.com',
    ]);
    expect(sent).toEqual([]);
    expect(hits).toEqual([]);
  });

  it('refuses a name DNS does not know (the resolver failed)', async () => {
    await expectRefused(routed.fetch('https://nowhere.example.com/'), 'unresolvable');
    const empty = createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: USER_AGENT,
      transport: anywhereTransport,
    });
    await expectRefused(empty.fetch('https://site.example.com/'), 'unresolvable');
    expect(sent).toEqual([]);
  });
});

describe('the safe fetcher: every redirect is checked again', () => {
  it('follows a redirect to another public name, resolving it first', async () => {
    const page = await routed.fetch(redirectTo('https://other.example.com/landing?from=site'));
    expect(page.url).toBe('https://other.example.com/landing?from=site');
    expect(page.redirects).toEqual([redirectTo('https://other.example.com/landing?from=site')]);
    expect(asked).toEqual(['site.example.com', 'other.example.com']);
    expect(paced).toEqual(['site.example.com', 'other.example.com']);
    expect(sent.map((url) => new URL(url).hostname)).toEqual(['site.example.com', 'other.example.com']);
  });

  it.each([
    ['http://127.0.0.1/internal-secret', 'private_address'],
    ['http://10.0.0.1/internal-secret', 'private_address'],
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'private_address'],
    ['http://[::ffff:127.0.0.1]/internal-secret', 'private_address'],
    ['http://[::ffff:a9fe:a9fe]/internal-secret', 'private_address'],
    ['http://2130706433/internal-secret', 'private_address'],
    ['https://private.example.com/internal-secret', 'private_address'],
    ['https://mixed.example.com/internal-secret', 'private_address'],
    ['https://nowhere.example.com/internal-secret', 'unresolvable'],
    ['http://metadata.google.internal/internal-secret', 'host'],
    ['http://localhost/internal-secret', 'host'],
    ['https://site.example.com:8443/internal-secret', 'port'],
    ['https://admin:hunter2@site.example.com/internal-secret', 'credentials'],
    ['file:///etc/passwd', 'scheme'],
  ] as const)('refuses a redirect to %s', async (to, reason) => {
    for (const status of [301, 307]) {
      const error = await expectRefused(routed.fetch(redirectTo(to, status)), reason);
      const target = new URL(to);
      target.username = '';
      target.password = '';
      expect(error.url).toBe(target.href);
      expect(`${error.url} ${error.message}`).not.toContain('hunter2');
    }
    // Only the first hop was sent; the server never saw the target.
    expect(sent).toEqual([redirectTo(to, 301), redirectTo(to, 307)]);
    expect(hits.map((hit) => hit.path)).toEqual(['/redirect', '/redirect']);
  });

  it('resolves a relative Location against the current URL', async () => {
    const page = await routed.fetch(redirectTo('echo?step=2'));
    expect(page.url).toBe('https://site.example.com/echo?step=2');
    expect(JSON.parse(page.text).path).toBe('/echo');
  });

  it('follows maxRedirects redirects and refuses one more', async () => {
    const five = await routed.fetch('https://site.example.com/chain/5');
    expect(five.text).toBe('end of the chain');
    expect(five.redirects).toHaveLength(5);
    expect(five.redirects[0]).toBe('https://site.example.com/chain/5');
    await expectRefused(routed.fetch('https://site.example.com/chain/6'), 'too_many_redirects');
    await expectRefused(routed.fetch('https://site.example.com/chain/3', { maxRedirects: 2 }), 'too_many_redirects');
    hits.length = 0;
    await expectRefused(routed.fetch('https://site.example.com/chain/100'), 'too_many_redirects');
    expect(hits).toHaveLength(6);
  });

  it('refuses a redirect loop', async () => {
    await expectRefused(routed.fetch('https://site.example.com/loop-a'), 'redirect_loop');
    await expectRefused(routed.fetch('https://site.example.com/self'), 'redirect_loop');
  });

  it('turns POST into GET on 303, 301 and 302, and keeps it on 307 and 308', async () => {
    for (const [status, method] of [
      [303, 'GET'],
      [301, 'GET'],
      [302, 'GET'],
      [307, 'POST'],
      [308, 'POST'],
    ] as const) {
      const page = await routed.fetch(`https://site.example.com/post-redirect?status=${status}`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'Marie' }),
      });
      const echoed = JSON.parse(page.text);
      expect(echoed.method, String(status)).toBe(method);
      expect(echoed.body, String(status)).toBe(method === 'POST' ? 'name=Marie' : '');
      expect(echoed.headers['content-type'], String(status)).toBe(
        method === 'POST' ? 'application/x-www-form-urlencoded;charset=UTF-8' : undefined,
      );
    }
  });

  it('returns a HEAD, and non-2xx statuses, without throwing', async () => {
    const head = await routed.fetch('https://site.example.com/hello', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, text: '', bytes: 0, truncated: false });
    const missing = await routed.fetch(redirectTo('/redirect?status=404&to=x'));
    expect(missing.status).toBe(404);
  });
});

describe('the safe fetcher: headers', () => {
  it('sends its User-Agent on every hop, whatever the caller says', async () => {
    await routed.fetch('https://site.example.com/chain/3', { headers: { 'User-Agent': 'curl/8' } });
    expect(hits).toHaveLength(4);
    for (const hit of hits) expect(hit.headers['user-agent']).toBe(USER_AGENT);
  });

  it('sends the Accept asked for', async () => {
    const page = await routed.fetch('https://site.example.com/echo', { accept: 'text/plain' });
    expect(JSON.parse(page.text).headers.accept).toBe('text/plain');
    const plain = await routed.fetch('https://site.example.com/echo');
    expect(JSON.parse(plain.text).headers.accept).toMatch(/^text\/html/);
  });

  it('keeps no cookie a site sets, and drops the caller’s cookie when a redirect leaves the origin', async () => {
    const page = await routed.fetch('https://site.example.com/set-cookie');
    expect(JSON.parse(page.text).headers.cookie).toBeUndefined();
    const same = await routed.fetch(redirectTo('/echo'), { headers: { Cookie: 'consent=yes' } });
    expect(JSON.parse(same.text).headers.cookie).toBe('consent=yes');
    const away = await routed.fetch(redirectTo('https://other.example.com/echo'), {
      headers: { Cookie: 'consent=yes', Authorization: 'Bearer x' },
    });
    expect(JSON.parse(away.text).headers.cookie).toBeUndefined();
    expect(JSON.parse(away.text).headers.authorization).toBeUndefined();
  });
});

describe('the safe fetcher: limits', () => {
  it('stops reading a huge body at maxBytes and cancels the rest', async () => {
    const page = await routed.fetch('https://site.example.com/huge', { maxBytes: 100_000 });
    expect(page).toMatchObject({ status: 200, bytes: 100_000, truncated: true });
    expect(page.text).toHaveLength(100_000);
    for (let waited = 0; !huge.closed && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(huge.closed).toBe(true);
    // The server stopped long before its 64 MiB: only what the socket buffers held was sent.
    expect(huge.written).toBeLessThan(16 * 1024 * 1024);
  });

  it('does not call a body of exactly maxBytes truncated when Content-Length says it is whole', async () => {
    const page = await routed.fetch('https://site.example.com/utf8', { maxBytes: 10_000 });
    expect(page.truncated).toBe(false);
    const exact = await routed.fetch('https://site.example.com/utf8', { maxBytes: page.bytes });
    expect(exact).toMatchObject({ truncated: false, text: page.text });
  });

  it('drops a character cut in half by maxBytes instead of garbling it', async () => {
    const bytes = Buffer.from('<p>Ça coû', 'utf8');
    const page = await routed.fetch('https://site.example.com/utf8', { maxBytes: bytes.length - 1 });
    expect(page.truncated).toBe(true);
    expect(page.text).toBe('<p>Ça co');
  });

  it('times out on a server that never answers', async () => {
    await expectRefused(routed.fetch('https://site.example.com/slow-headers', { timeoutMs: 200 }), 'timeout');
  });

  it('times out on a body that never ends: the deadline covers the body too', async () => {
    await expectRefused(routed.fetch('https://site.example.com/slow-body', { timeoutMs: 200 }), 'timeout');
  });

  it('stops when the caller’s signal aborts, as a timeout', async () => {
    const controller = new AbortController();
    const pending = routed.fetch('https://site.example.com/slow-headers', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await expectRefused(pending, 'timeout');
    expect(error.message).toMatch(/cancelled/);
    await expectRefused(routed.fetch('https://site.example.com/hello', { signal: AbortSignal.abort() }), 'timeout');
  });

  it('does not count the pacer’s wait against the deadline', async () => {
    const patient = createSafeFetcher({
      resolver: testResolver,
      userAgent: USER_AGENT,
      transport: anywhereTransport,
      pacer: { wait: () => new Promise((resolve) => setTimeout(resolve, 300)) },
    });
    expect((await patient.fetch('https://site.example.com/hello', { timeoutMs: 250 })).status).toBe(200);
  });
});

describe('the safe fetcher: decoding', () => {
  it('decodes a windows-1252 page, the bytes 0x80–0x9F included', async () => {
    const page = await routed.fetch('https://site.example.com/cp1252');
    expect(page.text).toBe('Café – l’été coûte 5 € œuvre');
  });

  it('reads the iso-8859-1 label as windows-1252, as browsers do', async () => {
    expect((await routed.fetch('https://site.example.com/latin1-label')).text).toBe('l’été 5 €');
  });

  it('sniffs <meta charset> and http-equiv when the header names no charset', async () => {
    expect((await routed.fetch('https://site.example.com/meta-charset')).text).toContain('<title>Café’s 5 €</title>');
    expect((await routed.fetch('https://site.example.com/http-equiv')).text).toContain('<title>Crème brûlée’</title>');
  });

  it('prefers the header’s charset, and falls back to UTF-8', async () => {
    expect((await routed.fetch('https://site.example.com/header-wins')).text).toBe(
      '<meta charset="windows-1252"><p>déjà’</p>',
    );
    expect((await routed.fetch('https://site.example.com/utf8')).text).toBe('<p>Ça coûte 5 € ’</p>');
  });
});

// ---- Through the demo mapping (the real fetch) ----------------------------------------

describe('the safe fetcher: demo sites', () => {
  const failingResolver: HostResolver = {
    resolve: async (host) => {
      throw new Error(`no DNS in this test: ${host}`);
    },
  };
  let demo: OutboundFetcher;
  let demoPaced: string[];
  beforeEach(() => {
    demoPaced = [];
    demo = createSafeFetcher({
      resolver: failingResolver,
      userAgent: USER_AGENT,
      demoSites: { origin },
      pacer: { wait: async (host) => void demoPaced.push(host) },
    });
  });

  it('fetches https://<slug>.test/<path>?<query> from /sites/<slug>/<path>?<query>', async () => {
    const page = await demo.fetch('https://plomberie-tremblay.test/nous-joindre?lang=fr#form');
    const echoed = JSON.parse(page.text);
    expect(echoed.path).toBe('/sites/plomberie-tremblay/nous-joindre');
    expect(echoed.search).toBe('lang=fr');
    expect(echoed.headers['user-agent']).toBe(USER_AGENT);
    expect(page.url).toBe('https://plomberie-tremblay.test/nous-joindre?lang=fr#form');
    expect(demoPaced).toEqual(['plomberie-tremblay.test']);
    expect(JSON.parse((await demo.fetch('https://plomberie-tremblay.test')).text).path).toBe(
      '/sites/plomberie-tremblay/',
    );
  });

  it('resolves root-relative and absolute redirects against the logical URL', async () => {
    const relative = await demo.fetch(
      `https://plomberie-tremblay.test/redirect?to=${encodeURIComponent('/accueil?from=old')}`,
    );
    expect(relative.url).toBe('https://plomberie-tremblay.test/accueil?from=old');
    expect(JSON.parse(relative.text).path).toBe('/sites/plomberie-tremblay/accueil');

    const absolute = await demo.fetch(
      `https://plomberie-tremblay.test/redirect?status=301&to=${encodeURIComponent('https://toitures-laval.test/contact?x=1')}`,
    );
    expect(absolute.url).toBe('https://toitures-laval.test/contact?x=1');
    expect(absolute.redirects).toHaveLength(1);
    expect(JSON.parse(absolute.text)).toMatchObject({ path: '/sites/toitures-laval/contact', search: 'x=1' });
    expect(demoPaced).toEqual([
      'plomberie-tremblay.test',
      'plomberie-tremblay.test',
      'plomberie-tremblay.test',
      'toitures-laval.test',
    ]);
  });

  it('checks a demo site’s redirects like any other', async () => {
    const to = (target: string) => `https://plomberie-tremblay.test/redirect?to=${encodeURIComponent(target)}`;
    await expectRefused(demo.fetch(to('http://169.254.169.254/latest/meta-data/')), 'private_address');
    await expectRefused(demo.fetch(to('http://127.0.0.1/')), 'private_address');
    // Its real, local address is not a demo URL: the port alone refuses it.
    await expectRefused(demo.fetch(to(`${origin}/sites/plomberie-tremblay/`)), 'port');
    await expectRefused(demo.fetch(to('https://example.org/')), 'unresolvable');
    expect(hits.map((hit) => hit.path)).toEqual(Array(4).fill('/sites/plomberie-tremblay/redirect'));
  });

  it('reads a huge demo body only up to maxBytes, with the real fetch', async () => {
    const page = await demo.fetch('https://big.test/huge', { maxBytes: 50_000 });
    expect(page).toMatchObject({ bytes: 50_000, truncated: true });
    for (let waited = 0; !huge.closed && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(huge.closed).toBe(true);
    expect(huge.written).toBeLessThan(16 * 1024 * 1024);
  });

  it('times out with the real fetch too', async () => {
    await expectRefused(demo.fetch('https://slow.test/slow-body', { timeoutMs: 200 }), 'timeout');
  });

  it('reports a server that is not there as a network failure', async () => {
    const closed = createSafeFetcher({
      resolver: failingResolver,
      userAgent: USER_AGENT,
      demoSites: { origin: 'http://127.0.0.1:1' },
    });
    await expectRefused(closed.fetch('https://gone.test/'), 'network');
  });

  it('accepts only a plain-http loopback origin', () => {
    for (const ok of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://127.0.0.1']) {
      expect(() =>
        createSafeFetcher({ resolver: failingResolver, userAgent: USER_AGENT, demoSites: { origin: ok } }),
      ).not.toThrow();
    }
    for (const bad of [
      'https://127.0.0.1:8787',
      'http://10.0.0.1:8787',
      'http://192.168.1.10',
      'http://demo.example.com',
      'http://127.0.0.2',
      'http://user:pw@127.0.0.1',
      'file:///sites',
      'not a url',
    ]) {
      expect(
        () => createSafeFetcher({ resolver: failingResolver, userAgent: USER_AGENT, demoSites: { origin: bad } }),
        bad,
      ).toThrow(/demoSites\.origin/);
    }
  });
});

// ---- The DNS-over-HTTPS resolver --------------------------------------------------------

describe('createDohResolver', () => {
  type Answer = { Status: number; Answer?: Array<{ name: string; type: number; TTL: number; data: string }> };
  function dohFetch(answers: Record<string, Answer | number>) {
    const requests: Array<{ url: string; accept: string | null }> = [];
    const doFetch = async (input: string, init?: RequestInit) => {
      const url = new URL(input);
      requests.push({ url: input, accept: new Headers(init?.headers).get('accept') });
      const answer = answers[`${url.searchParams.get('name')} ${url.searchParams.get('type')}`] ?? { Status: 3 };
      return typeof answer === 'number'
        ? new Response('nope', { status: answer })
        : Response.json(answer, { headers: { 'content-type': 'application/dns-json' } });
    };
    return { requests, doFetch };
  }
  const a = (data: string, TTL = 300) => ({ name: 'x', type: 1, TTL, data });
  const aaaa = (data: string, TTL = 300) => ({ name: 'x', type: 28, TTL, data });
  const cname = (data: string) => ({ name: 'x', type: 5, TTL: 300, data });

  it('asks A and AAAA as dns-json and keeps only the address records of the answer', async () => {
    const { requests, doFetch } = dohFetch({
      'www.example.com A': { Status: 0, Answer: [cname('edge.example.net.'), a('93.184.216.34')] },
      'www.example.com AAAA': { Status: 0, Answer: [cname('edge.example.net.'), aaaa('2606:2800:0220:0001::1')] },
    });
    const resolver = createDohResolver({ fetch: doFetch, endpoint: 'https://dns.example/dns-query' });
    expect(await resolver.resolve('WWW.example.com.')).toEqual(['93.184.216.34', '2606:2800:220:1::1']);
    expect(requests.map((request) => request.url).sort()).toEqual([
      'https://dns.example/dns-query?name=www.example.com&type=A',
      'https://dns.example/dns-query?name=www.example.com&type=AAAA',
    ]);
    expect(requests.every((request) => request.accept === 'application/dns-json')).toBe(true);
  });

  it('caches an answer for its smallest TTL', async () => {
    let now = 1_000_000;
    const { requests, doFetch } = dohFetch({
      'site.example.com A': { Status: 0, Answer: [a('93.184.216.34', 60), a('93.184.216.35', 30)] },
    });
    const resolver = createDohResolver({ fetch: doFetch, now: () => now });
    await resolver.resolve('site.example.com');
    now += 29_000;
    await resolver.resolve('site.example.com');
    expect(requests).toHaveLength(2);
    now += 2_000;
    await resolver.resolve('site.example.com');
    expect(requests).toHaveLength(4);
  });

  it('fails closed: no address, a failed query, a bad record or a bad answer throws', async () => {
    const cases: Record<string, Answer | number>[] = [
      {}, // NXDOMAIN for both
      { 'x.example.com A': { Status: 0, Answer: [cname('elsewhere.example.net.')] } },
      { 'x.example.com A': { Status: 2 } }, // SERVFAIL
      { 'x.example.com A': { Status: 0, Answer: [a('93.184.216.34')] }, 'x.example.com AAAA': 503 },
      { 'x.example.com A': { Status: 0, Answer: [a('2130706433')] } },
      {
        'x.example.com A': { Status: 0, Answer: [a('93.184.216.34')] },
        'x.example.com AAAA': { Status: 0, Answer: [aaaa('nope')] },
      },
    ];
    for (const answers of cases) {
      const resolver = createDohResolver({ fetch: dohFetch(answers).doFetch });
      await expect(resolver.resolve('x.example.com'), JSON.stringify(answers)).rejects.toThrow();
    }
    const unreadable = createDohResolver({ fetch: async () => new Response('<html>', { status: 200 }) });
    await expect(unreadable.resolve('x.example.com')).rejects.toThrow(/unreadable/);
    const hanging = createDohResolver({
      timeoutMs: 50,
      fetch: (_, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    await expect(hanging.resolve('x.example.com')).rejects.toThrow(/longer than 50 ms/);
  });

  it('lets the fetcher refuse a name that DNS points at a private address', async () => {
    const { doFetch } = dohFetch({ 'rebind.example.com A': { Status: 0, Answer: [a('169.254.169.254', 0)] } });
    const fetcher = createSafeFetcher({
      resolver: createDohResolver({ fetch: doFetch }),
      userAgent: USER_AGENT,
      transport: anywhereTransport,
    });
    await expectRefused(fetcher.fetch('https://rebind.example.com/'), 'private_address');
    await expectRefused(fetcher.fetch('https://unknown.example.com/'), 'unresolvable');
    expect(sent).toEqual([]);
  });
});
