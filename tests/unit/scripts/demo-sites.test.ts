import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteTruth } from '../../../scripts/lib/site-agreement';
import {
  DEMO_SITE_ROOT,
  type DemoBusiness,
  type DemoSites,
  PRIVATE_REDIRECT_TARGET,
  startDemoSites,
} from '../../../scripts/stack/demo-sites';

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
    expect(Object.keys(first).sort()).toEqual(
      [
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
      ].sort(),
    );

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

  it('stays under 1.5 MB', () => {
    expect(folderSize(DEMO_SITE_ROOT)).toBeLessThan(1.5 * 1024 * 1024);
  });
});
