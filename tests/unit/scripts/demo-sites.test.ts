import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteTruth } from '../../../scripts/lib/site-agreement';
import {
  DEMO_SITE_ROOT,
  type DemoBusiness,
  type DemoSites,
  PRIVATE_REDIRECT_TARGET,
  startDemoSites,
} from '../../../scripts/stack/demo-sites';
import { type InboundMessage, readInbound } from '../../../worker/platform/mail/inbound';

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(DEMO_SITE_ROOT, name), 'utf8')) as T;
const catalogue = readJson<DemoBusiness[]>('catalogue.json');
const truth = readJson<SiteTruth[]>('expected.json');

/** A GET with the path sent exactly as written (fetch would normalize `..` away). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { path, method: 'GET', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The file a root-relative site path maps to, as the server maps it. */
function siteFile(slug: string, page: string): string | null {
  const relative = page.replace(/^\/+/, '');
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}.html`, `${relative}/index.html`];
  for (const candidate of candidates) {
    const file = join(DEMO_SITE_ROOT, 'sites', slug, candidate);
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      // next
    }
  }
  return null;
}

function folderSize(path: string): number {
  return readdirSync(path, { withFileTypes: true }).reduce(
    (total, entry) =>
      total + (entry.isDirectory() ? folderSize(join(path, entry.name)) : statSync(join(path, entry.name)).size),
    0,
  );
}

describe('demo sites server', () => {
  let sites: DemoSites;
  beforeAll(async () => {
    sites = await startDemoSites({ port: 0 });
  });
  afterAll(async () => {
    await sites?.close();
  });

  const api = async (query: string) => {
    const response = await fetch(`${sites.origin}/api/businesses${query}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const slugs = (body: Record<string, unknown>) => (body.businesses as { slug: string }[]).map((b) => b.slug);

  it('listens on 127.0.0.1', () => {
    expect(sites.origin).toBe(`http://127.0.0.1:${sites.port}`);
    expect(sites.port).toBeGreaterThan(0);
  });

  it('lists the catalogue with paging, without the behaviour', async () => {
    const { status, body } = await api('');
    expect(status).toBe(200);
    expect(body).toMatchObject({ page: 1, per_page: 20, total: catalogue.length });
    expect(body.total_pages).toBe(Math.ceil(catalogue.length / 20));
    expect(slugs(body)).toEqual(catalogue.slice(0, 20).map((b) => b.slug));
    const first = (body.businesses as Record<string, unknown>[])[0]!;
    const publicKeys = [
      'slug',
      'businessName',
      'website',
      'industry',
      'city',
      'province',
      'phone',
      'email',
      'employees',
      'languages',
    ].sort();
    expect(Object.keys(first).sort()).toEqual(publicKeys);
    // Neither the behaviour nor how a business answers its form is the directory's to say.
    for (const business of (await api('?per_page=50')).body.businesses as Record<string, unknown>[]) {
      expect(Object.keys(business).sort()).toEqual(publicKeys);
    }

    const second = await api('?page=2&per_page=5');
    expect(slugs(second.body)).toEqual(catalogue.slice(5, 10).map((b) => b.slug));
    expect(second.body).toMatchObject({ page: 2, per_page: 5, total_pages: Math.ceil(catalogue.length / 5) });

    expect((await api('?per_page=500')).body.per_page).toBe(50);
    expect(slugs((await api('?page=99')).body)).toEqual([]);
  });

  it('answers 400 with a JSON error on a bad page or language', async () => {
    for (const query of ['?page=0', '?page=-1', '?page=abc', '?page=1.5', '?per_page=0', '?language=de']) {
      const { status, body } = await api(query);
      expect(status, query).toBe(400);
      expect(typeof body.error).toBe('string');
    }
  });

  it('filters by industry key or English/French name, repeatable', async () => {
    const plumbing = catalogue.filter((b) => b.industry === 'plumbing').map((b) => b.slug);
    expect(plumbing.length).toBeGreaterThan(1);
    for (const name of ['plumbing', 'PLOMBIER', 'plomberie', 'Plumber']) {
      expect(slugs((await api(`?industry=${encodeURIComponent(name)}`)).body), name).toEqual(plumbing);
    }
    const both = catalogue.filter((b) => b.industry === 'plumbing' || b.industry === 'dental').map((b) => b.slug);
    expect(slugs((await api('?industry=plombier&industry=dentiste&per_page=50')).body)).toEqual(both);
    expect(slugs((await api('?industry=auto%20repair')).body)).toEqual(
      catalogue.filter((b) => b.industry === 'auto_repair').map((b) => b.slug),
    );
    expect((await api('?industry=astronaut')).body.total).toBe(0);
  });

  it('filters by city, province, language and q, ignoring case and accents', async () => {
    const troisRivieres = catalogue.filter((b) => b.city === 'Trois-Rivières').map((b) => b.slug);
    expect(troisRivieres.length).toBeGreaterThan(0);
    expect(slugs((await api('?city=trois%20rivieres')).body)).toEqual(troisRivieres);
    expect(slugs((await api('?city=MONTREAL')).body)).toEqual(
      catalogue.filter((b) => b.city === 'Montréal').map((b) => b.slug),
    );

    const ontario = catalogue.filter((b) => b.province === 'ON').map((b) => b.slug);
    expect(slugs((await api('?province=on&per_page=50')).body)).toEqual(ontario);
    expect(slugs((await api('?province=Ontario&per_page=50')).body)).toEqual(ontario);

    const french = catalogue.filter((b) => b.languages.includes('fr')).map((b) => b.slug);
    const frenchAnswer = await api('?language=fr&per_page=50');
    expect(slugs(frenchAnswer.body)).toEqual(french);
    expect(french.some((slug) => catalogue.find((b) => b.slug === slug)!.languages.length === 2)).toBe(true);

    expect(slugs((await api('?q=gagnon')).body)).toEqual(['plomberie-gagnon']);
    expect(slugs((await api('?q=LUMIERE')).body)).toEqual(['salon-lumiere']);
    const combined = await api('?industry=roofing&province=QC&language=fr');
    expect(slugs(combined.body)).toEqual(
      catalogue
        .filter((b) => b.industry === 'roofing' && b.province === 'QC' && b.languages.includes('fr'))
        .map((b) => b.slug),
    );
  });

  it('serves a page with its content type, and maps /x to x.html and / to index.html', async () => {
    const contact = await fetch(`${sites.origin}/sites/renovations-pro-design/nous-joindre`);
    expect(contact.status).toBe(200);
    expect(contact.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await contact.text()).toContain('name="_wpnonce"');

    const home = await fetch(`${sites.origin}/sites/tremblay-cpa/`);
    expect(await home.text()).toContain('calendly.com/tremblay-cpa');
    const english = await fetch(`${sites.origin}/sites/salon-lumiere/en`);
    expect(await english.text()).toContain('<html lang="en">');

    const robots = await fetch(`${sites.origin}/sites/toitures-lavoie/robots.txt`);
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await robots.text()).toContain('Disallow: /wp-admin/');

    const missing = await fetch(`${sites.origin}/sites/plomberie-gagnon/nulle-part`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${sites.origin}/sites/no-such-site/`)).status).toBe(404);
  });

  it('routes on a Host: <slug>.test header too', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = request(`${sites.origin}/fr/`, { headers: { host: 'roy-avocats.test' }, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(200);
    expect(body).toContain('widget.intercom.io');
  });

  it('answers a form POST with a thank-you page', async () => {
    const response = await fetch(`${sites.origin}/sites/plomberie-gagnon/envoi.php`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'nom=Test&courriel=test%40example.com',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Merci.*Thank you/);
  });

  it('redirect_internal: a 301 with a root-relative Location', async () => {
    const response = await fetch(`${sites.origin}/sites/roy-avocats/`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/fr/');
    expect((await fetch(`${sites.origin}/sites/roy-avocats/fr/`)).status).toBe(200);
  });

  it('redirect_private: a 302 to the metadata address', async () => {
    const response = await fetch(`${sites.origin}/sites/maple-leaf-electric/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(PRIVATE_REDIRECT_TARGET);
    expect(PRIVATE_REDIRECT_TARGET).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('redirect_loop: / and /accueil send to each other, never with the /sites prefix', async () => {
    const first = await fetch(`${sites.origin}/sites/armoires-cuisines-laval/`, { redirect: 'manual' });
    expect(first.status).toBe(301);
    expect(first.headers.get('location')).toBe('/accueil');
    const second = await fetch(`${sites.origin}/sites/armoires-cuisines-laval/accueil`, { redirect: 'manual' });
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe('https://armoires-cuisines-laval.test/');
  });

  it('server_error: 500 on every path', async () => {
    for (const path of ['/', '/robots.txt', '/nous-joindre']) {
      expect((await fetch(`${sites.origin}/sites/toitures-excellence${path}`)).status, path).toBe(500);
    }
  });

  it('robots_disallow: robots.txt disallows everything', async () => {
    const response = await fetch(`${sites.origin}/sites/demenagement-rapide/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toMatch(/User-agent: \*\nDisallow: \/\n/);
  });

  it('not_html: the home page is a PDF', async () => {
    const response = await fetch(`${sites.origin}/sites/traiteur-saveurs-antan/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('huge: the home page starts streaming HTML without a length', async () => {
    const controller = new AbortController();
    const response = await fetch(`${sites.origin}/sites/rideau-landscaping/`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-length')).toBeNull();
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value!).toString('utf8')).toContain('<!DOCTYPE html>');
    controller.abort();
    await reader.cancel().catch(() => {});
  });

  it('refuses path traversal with 400, raw or percent-encoded', async () => {
    for (const path of [
      '/sites/plomberie-gagnon/../../catalogue.json',
      '/sites/plomberie-gagnon/%2e%2e/%2e%2e/catalogue.json',
      '/sites/plomberie-gagnon/%2E%2E%2F%2E%2E%2Fcatalogue.json',
      '/sites/plomberie-gagnon/%252e%252e/expected.json',
      '/sites/plomberie-gagnon/..%5c..%5cpackage.json',
      '/sites/../demo-sites/catalogue.json',
    ]) {
      const { status, body } = await rawGet(sites.origin, path);
      expect(status, path).toBe(400);
      expect(body).not.toContain('businessName');
    }
  });
});

describe('a slow site', () => {
  it('does not hold up close()', async () => {
    const sites = await startDemoSites({ port: 0 });
    const pending = rawGet(sites.origin, '/sites/deneigement-express-levis/').then(
      () => 'answered',
      () => 'cut off',
    );
    // Let the request reach the server and start its 30 s wait.
    await new Promise((done) => setTimeout(done, 100));
    await sites.close();
    expect(await pending).toBe('cut off');
  });
});

/** What the local inbound endpoint (wrangler's /cdn-cgi/handler/email) received. */
interface Delivery {
  from: string;
  to: string;
  contentType: string;
  raw: Buffer;
  at: number;
}

/** A loopback server that records every POST as wrangler's email handler would receive it. */
async function startInbound(): Promise<{ server: Server; url: string; received: Delivery[] }> {
  const received: Delivery[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://inbound.invalid');
      received.push({
        from: url.searchParams.get('from') ?? '',
        to: url.searchParams.get('to') ?? '',
        contentType: req.headers['content-type'] ?? '',
        raw: Buffer.concat(chunks),
        at: Date.now(),
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Worker successfully processed email');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/cdn-cgi/handler/email`, received };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** A reply address as the form tester hands them out. */
const replyAddress = () =>
  `test+ft.${randomBytes(16).toString('hex')}.${randomBytes(10).toString('hex')}@inbound.avenir.local`;

/** The raw message's shape: the headers every message needs, CRLF only, no In-Reply-To, at most 1 MiB. */
function expectWellFormed(delivery: Delivery) {
  const raw = delivery.raw.toString('latin1');
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  for (const name of ['Message-ID', 'Date', 'From', 'To', 'Subject']) {
    expect(head, name).toMatch(new RegExp(`^${name}: \\S`, 'm'));
  }
  expect(head).toMatch(/^Message-ID: <[^<>@\s]+@[a-z0-9-]+\.test>$/m);
  expect(head).not.toMatch(/^In-Reply-To:/im);
  expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(raw.endsWith('\r\n')).toBe(true);
  expect(delivery.raw.length).toBeLessThanOrEqual(1024 * 1024);
  expect(delivery.contentType).toBe('message/rfc822');
}

const headerOf = (delivery: Delivery, name: string) =>
  new RegExp(`^${name}: ([^\\r]*)`, 'im').exec(delivery.raw.toString('latin1'))?.[1] ?? null;

describe('demo sites answer their contact forms', () => {
  let inbound: Awaited<ReturnType<typeof startInbound>>;
  let sites: DemoSites;
  beforeAll(async () => {
    inbound = await startInbound();
    sites = await startDemoSites({
      port: 0,
      inbound: { url: inbound.url, humanDelayMs: 200, personalizedDelayMs: 50 },
    });
  });
  afterAll(async () => {
    await sites?.close();
    await new Promise((done) => inbound?.server.close(done));
  });

  const post = (slug: string, path: string, fields: Record<string, string>, multipart = false) => {
    let body: URLSearchParams | FormData;
    if (multipart) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      body = form;
    } else {
      body = new URLSearchParams(fields);
    }
    return fetch(`${sites.origin}/sites/${slug}${path}`, { method: 'POST', body, redirect: 'manual' });
  };
  /** The message delivered to an address, waiting up to `ms` for it. */
  const arrival = async (to: string, ms = 2_000): Promise<Delivery | undefined> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = inbound.received.find((delivery) => delivery.to === to);
      if (found || Date.now() > deadline) return found;
      await sleep(5);
    }
  };
  const read = (delivery: Delivery): Promise<InboundMessage> =>
    readInbound({ raw: new Uint8Array(delivery.raw), envelopeFrom: delivery.from, envelopeTo: delivery.to });

  it('robotic: an instant auto-replied template in Latin-1 that ignores what was written', async () => {
    const to = replyAddress();
    const sent = Date.now();
    const answer = await post('plomberie-gagnon', '/envoi.php', {
      nom: 'Marie Tremblay',
      courriel: to,
      tel: '514 555-0100',
      message: 'Pouvez-vous remplacer mon chauffe-eau de 60 gallons?',
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/Merci.*Thank you/);
    const delivery = (await arrival(to))!;
    expect(delivery).toBeDefined();
    expect(delivery.at - sent).toBeLessThan(180); // before any delayed kind would
    expectWellFormed(delivery);
    expect(delivery.from).toBe('info@plomberie-gagnon.test');
    expect(headerOf(delivery, 'Auto-Submitted')).toBe('auto-replied');
    expect(headerOf(delivery, 'Content-Type')).toBe('text/plain; charset=iso-8859-1');
    expect(headerOf(delivery, 'Content-Transfer-Encoding')).toBe('quoted-printable');
    const mail = await read(delivery);
    expect(mail.auto.submitted).toBe(true);
    expect(mail.messageId).toMatch(/@plomberie-gagnon\.test$/);
    expect(mail.date).not.toBeNull();
    expect(mail.inReplyTo).toBeNull();
    expect(mail.subject).toBe('Accusé de réception');
    expect(mail.text).toContain('nous vous reviendrons dans les 24 à 48 heures ouvrables');
    for (const word of ['chauffe-eau', 'gallons', 'Marie', 'Tremblay']) expect(mail.text).not.toContain(word);
  });

  it('robotic: an HTML-only English confirmation from a no-reply address (multipart post)', async () => {
    const to = replyAddress();
    await post(
      'west-island-plumbing',
      '/contact',
      { name: 'John Smith', email: to, phone: '514 555-0100', message: 'Leaky kitchen faucet, can you come Tuesday?' },
      true,
    );
    const delivery = (await arrival(to, 500))!;
    expect(delivery).toBeDefined();
    expectWellFormed(delivery);
    expect(delivery.from).toBe('no-reply@west-island-plumbing.test');
    expect(headerOf(delivery, 'Auto-Submitted')).toBe('auto-replied');
    expect(headerOf(delivery, 'Content-Type')).toBe('text/html; charset=utf-8');
    const mail = await read(delivery);
    expect(mail.replyTo).toBe('service@west-island-plumbing.test');
    expect(mail.html).toContain('<p>');
    expect(mail.text).toContain('we received your message');
    for (const word of ['faucet', 'Tuesday', 'John']) expect(mail.text).not.toContain(word);
  });

  it('personalized: names the sender and quotes the inquiry, after a few seconds (multipart, 303 to /merci)', async () => {
    const to = replyAddress();
    const sent = Date.now();
    const answer = await post(
      'centre-dentaire-st-denis',
      '/nous-joindre',
      {
        nom: 'Marie Tremblay',
        courriel: to,
        telephone: '',
        message: 'Je voudrais un rendez-vous pour un blanchiment.',
      },
      true,
    );
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/merci');
    const thanks = await fetch(`${sites.origin}/sites/centre-dentaire-st-denis/merci`);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('Merci!');
    const delivery = (await arrival(to))!;
    expect(delivery).toBeDefined();
    expect(delivery.at - sent).toBeGreaterThanOrEqual(45);
    expectWellFormed(delivery);
    expect(headerOf(delivery, 'Auto-Submitted')).toBeNull();
    expect(headerOf(delivery, 'Content-Type')).toMatch(/^multipart\/alternative; boundary=/);
    const mail = await read(delivery);
    expect(mail.from.address).toBe('reception@centre-dentaire-st-denis.test');
    expect(mail.subject).toBe('Re: Votre demande');
    expect(mail.text).toContain('Bonjour Marie Tremblay,');
    expect(mail.text).toContain('blanchiment');
    expect(mail.html).toContain('blanchiment');
  });

  it('personalized: English, by first name, with the service and the message (urlencoded, base64)', async () => {
    const to = replyAddress();
    await post('lakeshore-accounting', '/contact', {
      first_name: 'Jane',
      last_name: 'Doe',
      company: 'Doe Bakery',
      email: to,
      phone: '514 555-0100',
      service: 'Bookkeeping',
      message: 'We need monthly bookkeeping for a small bakery.',
    });
    const delivery = (await arrival(to))!;
    expectWellFormed(delivery);
    expect(delivery.raw.toString('latin1')).toContain('Content-Transfer-Encoding: base64');
    const mail = await read(delivery);
    expect(mail.text).toContain('Hi Jane,');
    expect(mail.text).toContain('bakery');
    expect(mail.text).toContain('about bookkeeping');
  });

  it('personalized: the multi-step veterinary form, its pet and reason read back', async () => {
    const to = replyAddress();
    await post('hopital-veterinaire-des-rivieres', '/nous-joindre', {
      form_id: 'rdv-2026',
      nom_animal: 'Pixel',
      espece: 'Chat',
      motif: 'Vaccination',
      precisions: 'Rappel du vaccin contre la rage',
      nom_proprietaire: 'Julie Côté',
      courriel: to,
      telephone: '819 555-0100',
    });
    const delivery = (await arrival(to))!;
    expectWellFormed(delivery);
    const mail = await read(delivery);
    expect(mail.subject).toBe('Votre demande de rendez-vous pour Pixel');
    expect(mail.text).toContain('Bonjour Julie Côté,');
    expect(mail.text).toContain('rage');
    expect(mail.text).not.toContain('Bonjour Pixel');
  });

  it('human: a short note signed by a first name, after the delay, quoting the inquiry below', async () => {
    const to = replyAddress();
    const sent = Date.now();
    const answer = await post('thermopompes-rive-sud', '/nous-joindre/envoyer', {
      nom: 'Marie Tremblay',
      courriel: to,
      telephone: '450 555-0100',
      ville: 'Longueuil',
      demande: 'Entretien annuel',
      url: '',
      message: 'Entretien de ma thermopompe murale.\nElle fait du bruit.',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/merci');
    await sleep(120);
    expect(inbound.received.some((delivery) => delivery.to === to)).toBe(false);
    const delivery = (await arrival(to))!;
    expect(delivery).toBeDefined();
    expect(delivery.at - sent).toBeGreaterThanOrEqual(195);
    expectWellFormed(delivery);
    expect(headerOf(delivery, 'Auto-Submitted')).toBeNull();
    const mail = await read(delivery);
    expect(mail.auto.submitted).toBe(false);
    expect(mail.from).toEqual({ address: 'ventes@thermopompes-rive-sud.test', name: 'Martin Girard' });
    expect(mail.text).toMatch(/\nMartin\n/);
    expect(mail.text).toMatch(/\nLe .+ a écrit :\n> Nom : Marie Tremblay\n/);
    expect(mail.text).toContain('> Elle fait du bruit.');
    expect(mail.newText).not.toContain('thermopompe murale');
  });

  it('human: English from a phone, and a bilingual site answering in its English form’s language', async () => {
    const roofer = replyAddress();
    const broker = replyAddress();
    await post(
      'capital-roofing',
      '/contact',
      { name: 'Bob Lee', email: roofer, phone: '613 555-0100', service: 'Leak repair', details: 'Leak by the chimney' },
      true,
    );
    await post('lachance-immobilier', '/nous-joindre', {
      lang: 'en',
      nom: 'Bob Lee',
      courriel: broker,
      telephone: '819 555-0100',
      projet: 'vendre',
      message: 'Selling a condo',
    });
    const [dave, stephanie] = await Promise.all([arrival(roofer), arrival(broker)]);
    for (const delivery of [dave!, stephanie!]) expectWellFormed(delivery);
    const roof = await read(dave!);
    expect(roof.text).toMatch(/\nDave\n/);
    expect(roof.text).toContain('Sent from my iPhone');
    expect(headerOf(dave!, 'Content-Transfer-Encoding')).toBe('7bit');
    const home = await read(stephanie!);
    expect(home.text).toMatch(/^Hi,/);
    expect(home.text).toMatch(/\nStéphanie\n/);
    expect(headerOf(stephanie!, 'Content-Transfer-Encoding')).toBe('8bit');
  });

  it('none: a business that never answers sends nothing', async () => {
    const lawyer = replyAddress();
    const electrician = replyAddress();
    await post('roy-avocats', '/fr/nous-joindre', {
      _token: 'x',
      langue: 'fr',
      nom: 'Marie Tremblay',
      courriel: lawyer,
      message: 'Question sur un bail commercial.',
      avis: '1',
    });
    await post('charbonneau-electrique', '/cgi-bin/formmail.pl', {
      recipient: 'soumissions@charbonneau-electrique.test',
      nom: 'Marie Tremblay',
      courriel: electrician,
      telephone: '819 555-0100',
      message: 'Ajout d’une prise extérieure.',
    });
    await sleep(450);
    const sent = inbound.received.filter((delivery) => [lawyer, electrician].includes(delivery.to));
    expect(sent).toEqual([]);
    expect(inbound.received.some((delivery) => delivery.to.includes('charbonneau-electrique'))).toBe(false);
  });

  it('never mails an address on a real domain', async () => {
    const before = inbound.received.length;
    await post('plomberie-gagnon', '/envoi.php', { nom: 'X', courriel: 'someone@gmail.com', message: 'Bonjour' });
    await post('centre-dentaire-st-denis', '/nous-joindre', {
      nom: 'X',
      courriel: 'someone@example.com',
      message: 'Hi',
    });
    await post('lakeshore-accounting', '/contact', { first_name: 'X', email: 'a@b.co\r\nBcc: c@d.test' });
    await sleep(150);
    expect(inbound.received.slice(before).map((delivery) => delivery.to)).toEqual([]);
  });
});

describe('demo sites inbound option', () => {
  afterEach(() => vi.restoreAllMocks());

  it('refuses an inbound URL that is not loopback', async () => {
    for (const url of [
      'http://example.com/cdn-cgi/handler/email',
      'http://10.0.0.5:8787/cdn-cgi/handler/email',
      'http://127.0.0.1.nip.io/',
      'file:///tmp/x',
      'not a url',
    ]) {
      await expect(startDemoSites({ inbound: { url } }), url).rejects.toThrow(/loopback/);
    }
  });

  it('close() cancels a pending human answer', async () => {
    const inbound = await startInbound();
    const sites = await startDemoSites({ inbound: { url: inbound.url, humanDelayMs: 200, personalizedDelayMs: 50 } });
    const to = replyAddress();
    const answer = await fetch(`${sites.origin}/sites/capital-roofing/contact`, {
      method: 'POST',
      body: new URLSearchParams({ name: 'Bob Lee', email: to, details: 'Leak' }),
    });
    expect(answer.status).toBe(200);
    await sites.close();
    await sleep(400);
    expect(inbound.received).toEqual([]);
    await new Promise((done) => inbound.server.close(done));
  });

  it('warns once when a delivery fails, through the given fetch', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const calls: string[] = [];
    const sites = await startDemoSites({
      inbound: {
        url: 'http://localhost:8787/cdn-cgi/handler/email',
        fetch: async (input) => {
          calls.push(String(input));
          return new Response('no worker', { status: 503 });
        },
      },
    });
    try {
      const to = replyAddress();
      await fetch(`${sites.origin}/sites/plomberie-gagnon/envoi.php`, {
        method: 'POST',
        body: new URLSearchParams({ nom: 'X', courriel: to, message: 'Bonjour' }),
      });
      for (let i = 0; i < 100 && warn.mock.calls.length === 0; i++) await sleep(5);
      expect(calls).toHaveLength(1);
      const url = new URL(calls[0]!);
      expect(url.origin + url.pathname).toBe('http://localhost:8787/cdn-cgi/handler/email');
      expect(url.searchParams.get('from')).toBe('info@plomberie-gagnon.test');
      expect(url.searchParams.get('to')).toBe(to);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('503');
    } finally {
      await sites.close();
    }
  });
});

describe('demo sites data', () => {
  const bySlug = new Map(truth.map((entry) => [entry.slug, entry]));

  it('has at least 24 businesses with unique slugs and sane fields', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(24);
    expect(new Set(catalogue.map((b) => b.slug)).size).toBe(catalogue.length);
    for (const b of catalogue) {
      expect(b.website).toBe(`https://${b.slug}.test`);
      expect(['QC', 'ON']).toContain(b.province);
      expect(b.employees).toBeGreaterThanOrEqual(1);
      expect(b.employees).toBeLessThanOrEqual(80);
      expect(b.phone).toMatch(/555-01\d\d/);
      expect([['fr'], ['en'], ['fr', 'en']]).toContainEqual(b.languages);
    }
  });

  it('has a truth entry and a site folder for every slug, and nothing else', () => {
    expect(truth.map((t) => t.slug).sort()).toEqual(catalogue.map((b) => b.slug).sort());
    const folders = readdirSync(join(DEMO_SITE_ROOT, 'sites')).sort();
    expect(folders).toEqual(catalogue.map((b) => b.slug).sort());
    for (const b of catalogue) expect(statSync(join(DEMO_SITE_ROOT, 'sites', b.slug)).isDirectory()).toBe(true);
  });

  it('has every page the truth names as a file', () => {
    for (const entry of truth) {
      const pages = [
        ...(entry.contactForm ? [entry.contactForm.page] : []),
        ...entry.emails.map((email) => email.page),
        ...(entry.noSolicitation?.pages ?? []),
      ];
      for (const page of pages) {
        expect(page.startsWith('/'), `${entry.slug} ${page}`).toBe(true);
        expect(siteFile(entry.slug, page), `${entry.slug} ${page}`).not.toBeNull();
      }
    }
  });

  it('uses only the documented values in the truth', () => {
    const outcomes = {
      server_error: 'server_error',
      redirect_private: 'private_redirect',
      redirect_loop: 'redirect_loop',
      slow: 'timeout',
      huge: 'too_large',
      not_html: 'not_html',
      robots_disallow: 'robots_disallowed',
      redirect_internal: 'ok',
    } as const;
    const kinds = ['name', 'email', 'phone', 'message', 'service', 'company', 'other'];
    const chats = ['tawk', 'intercom', 'crisp', 'tidio', 'hubspot', 'messenger'];
    const bookings = ['calendly', 'gorendezvous', 'janeapp', 'square', 'acuity', 'setmore', 'booksy'];
    for (const b of catalogue) {
      const entry = bySlug.get(b.slug)!;
      expect(entry.outcome, b.slug).toBe(b.behaviour ? outcomes[b.behaviour] : 'ok');
      if (entry.outcome !== 'ok') {
        expect(entry.language, b.slug).toBeNull();
        expect(entry.contactForm, b.slug).toBeNull();
        expect(entry.emails, b.slug).toEqual([]);
      } else {
        expect(entry.reachable, b.slug).toBe(true);
        expect(['fr', 'en', 'bilingual']).toContain(entry.language);
      }
      for (const field of entry.contactForm?.fields ?? []) expect(kinds).toContain(field.kind);
      for (const chat of entry.chatWidgets) expect(chats).toContain(chat);
      for (const tool of entry.bookingTools) expect(bookings).toContain(tool);
      for (const phone of entry.phones) expect(phone).toMatch(/^\+1\d{10}$/);
      for (const email of entry.emails) expect(email.address).toBe(email.address.toLowerCase());
      if (entry.copyrightYear !== null) {
        expect(entry.copyrightYear).toBeGreaterThanOrEqual(2009);
        expect(entry.copyrightYear).toBeLessThanOrEqual(2026);
      }
    }
    // Every vendor appears at least once.
    expect(new Set(truth.flatMap((t) => t.chatWidgets))).toEqual(new Set(chats));
    expect(new Set(truth.flatMap((t) => t.bookingTools))).toEqual(new Set(bookings));
  });

  it('gives every business an autoresponder, and only fillable forms one that answers', () => {
    const kinds = ['robotic', 'personalized', 'human', 'none'] as const;
    const fillableByKind = new Map<string, DemoBusiness[]>();
    for (const b of catalogue) {
      expect(kinds, b.slug).toContain(b.autoresponder);
      const form = bySlug.get(b.slug)!.contactForm;
      // A form a tester can fill and post to the site itself: a real <form>, a named email field, no captcha, no other host.
      const fillable =
        !!form &&
        !form.javascriptOnly &&
        !form.captcha &&
        !form.thirdPartyAction &&
        form.fields.some((field) => field.kind === 'email' && field.name);
      if (fillable) fillableByKind.set(b.autoresponder!, [...(fillableByKind.get(b.autoresponder!) ?? []), b]);
      else expect(b.autoresponder, b.slug).toBe('none');
      if (b.formRedirect) expect(b.formRedirect).toMatch(/^\/[a-z-]+$/);
    }
    // Each kind on two fillable businesses or more, answering in French and in English between them.
    for (const kind of kinds) {
      const businesses = fillableByKind.get(kind) ?? [];
      expect(businesses.length, kind).toBeGreaterThanOrEqual(2);
      expect([...new Set(businesses.flatMap((b) => b.languages))].sort(), kind).toEqual(['en', 'fr']);
    }
  });

  it('stays under 1.5 MB', () => {
    expect(folderSize(DEMO_SITE_ROOT)).toBeLessThan(1.5 * 1024 * 1024);
  });
});
