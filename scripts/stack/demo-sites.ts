/**
 * The demo sites: a small local web of fictional Quebec and Ontario small businesses that
 * prospect discovery reads instead of the real web on `npm start` (offline) and in tests.
 * It serves a business directory (`GET /api/businesses`), each business's static site
 * under `/sites/<slug>/` (or, for a client that sends `Host: <slug>.test`, at the root),
 * and the broken behaviours some of those sites have on purpose (README in
 * scripts/demo-sites). It listens on 127.0.0.1 only. Given an inbound endpoint, the
 * businesses answer their contact forms by email as real ones do (instantly, personally,
 * later or never), and only to test domains.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OutreachAnswer } from '../demo-sites/mail/outreach-answers';
import {
  type Autoresponder,
  composeReply,
  type Inquiry,
  isLoopbackUrl,
  isTestAddress,
  readInquiry,
} from '../demo-sites/mail/replies';

export type { OutreachAnswer } from '../demo-sites/mail/outreach-answers';
export type { Autoresponder } from '../demo-sites/mail/replies';

export type DemoSiteBehaviour =
  | 'server_error'
  | 'redirect_private'
  | 'redirect_loop'
  | 'slow'
  | 'huge'
  | 'not_html'
  | 'robots_disallow'
  | 'redirect_internal';

export interface DemoBusiness {
  slug: string;
  businessName: string;
  website: string;
  industry: string;
  city: string;
  province: string;
  phone: string;
  email: string | null;
  employees: number;
  languages: string[];
  behaviour?: DemoSiteBehaviour;
  /** How the business answers its contact form by email; absent is `none`. Not in the directory's answer. */
  autoresponder?: Autoresponder;
  /** A form POST answers 303 See Other to this path, where a thank-you page is served. Not in the directory's answer. */
  formRedirect?: string;
  /** How the business answers an outreach email (demo-mailboxes.ts); absent is not at all. Not in the directory's answer. */
  outreachAnswer?: OutreachAnswer;
}

/** Where the businesses' answers to their contact forms are delivered (wrangler's local email handler). */
export interface DemoInbound {
  /** A loopback URL, e.g. http://127.0.0.1:8787/cdn-cgi/handler/email; `?from=…&to=…` is added. */
  url: string;
  /** How long a `human` business takes to answer. Default 90 000. */
  humanDelayMs?: number;
  /** How long a `personalized` business takes to answer. Default 4 000. */
  personalizedDelayMs?: number;
  /** The fetch that delivers (default the global one). */
  fetch?: typeof fetch;
}

export interface DemoSitesOptions {
  port?: number;
  siteRoot?: string;
  inbound?: DemoInbound;
}

export interface DemoSites {
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** scripts/demo-sites: catalogue.json, expected.json and sites/<slug>/. */
export const DEMO_SITE_ROOT = fileURLToPath(new URL('../demo-sites/', import.meta.url));
/** How long a `slow` site waits before it answers. */
export const SLOW_SITE_DELAY_MS = 30_000;
/** How much HTML a `huge` site's home page streams. */
export const HUGE_SITE_BYTES = 25 * 1024 * 1024;
/** Where a `redirect_private` site's home page sends the client (cloud metadata address). */
export const PRIVATE_REDIRECT_TARGET = 'http://169.254.169.254/latest/meta-data/';

const MAX_PER_PAGE = 50;
const DEFAULT_PER_PAGE = 20;
const MAX_POST_BYTES = 1024 * 1024;
const HUGE_CHUNK_BYTES = 64 * 1024;
export const DEFAULT_HUMAN_DELAY_MS = 90_000;
export const DEFAULT_PERSONALIZED_DELAY_MS = 4_000;
/** Answers waiting at once; past this a burst of posts goes unanswered rather than piling up timers. */
const MAX_PENDING_ANSWERS = 1_000;
/** How long the inbound endpoint has to take one message. */
const DELIVERY_TIMEOUT_MS = 30_000;
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * Industry keys and the common English/French names the directory also accepts (compared
 * without case, accents or punctuation). A name matches its key exactly; `q` matches any part.
 */
export const INDUSTRY_SYNONYMS: Record<string, string[]> = {
  plumbing: ['plumber', 'plumbers', 'plombier', 'plombiers', 'plomberie'],
  roofing: ['roofer', 'roofers', 'roof', 'couvreur', 'couvreurs', 'toiture', 'toitures'],
  electrical: ['electrician', 'electricians', 'electricien', 'electriciens', 'electricite', 'electric'],
  renovation: ['renovations', 'contractor', 'general contractor', 'entrepreneur general', 'renos'],
  hvac: ['heating', 'cooling', 'heat pump', 'chauffage', 'climatisation', 'thermopompe', 'thermopompes'],
  landscaping: ['landscaper', 'landscape', 'paysagement', 'paysagiste', 'amenagement paysager'],
  snow_removal: ['snow removal', 'deneigement', 'snow plowing'],
  cleaning: ['cleaner', 'cleaners', 'house cleaning', 'nettoyage', 'menage', 'entretien menager'],
  dental: ['dentist', 'dentists', 'dentiste', 'dentistes', 'dentaire', 'clinique dentaire'],
  physiotherapy: ['physio', 'physiotherapist', 'physiotherapie', 'physiotherapeute'],
  massage_therapy: ['massage', 'massage therapist', 'massotherapie', 'massotherapeute'],
  accounting: ['accountant', 'accountants', 'cpa', 'comptable', 'comptables', 'comptabilite'],
  law: ['lawyer', 'lawyers', 'legal', 'law firm', 'avocat', 'avocats', 'avocate', 'juridique', 'droit'],
  auto_repair: ['auto repair', 'mechanic', 'garage', 'mecanique', 'mecanicien', 'reparation automobile'],
  real_estate: ['real estate', 'realtor', 'real estate broker', 'immobilier', 'courtier immobilier', 'courtiere'],
  restaurant: ['restaurants', 'resto', 'bistro', 'casse-croute', 'cafe'],
  catering: ['caterer', 'traiteur', 'traiteurs'],
  hair_salon: ['hair salon', 'hairdresser', 'barber', 'barbershop', 'coiffure', 'coiffeur', 'coiffeuse', 'barbier'],
  veterinary: ['vet', 'veterinarian', 'veterinaire', 'clinique veterinaire', 'hopital veterinaire'],
  cabinetry: ['cabinets', 'kitchen cabinets', 'cabinetmaker', 'armoires', 'armoires de cuisine', 'ebenisterie'],
  moving: ['movers', 'moving company', 'demenagement', 'demenageur', 'demenageurs'],
};

const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'fr',
  fra: 'fr',
  french: 'fr',
  francais: 'fr',
  en: 'en',
  eng: 'en',
  english: 'en',
  anglais: 'en',
};

const PROVINCE_NAMES: Record<string, string> = {
  qc: 'QC',
  que: 'QC',
  quebec: 'QC',
  on: 'ON',
  ont: 'ON',
  ontario: 'ON',
};

const CITY_ALIASES: Record<string, string> = {
  'quebec city': 'quebec',
  'ville de quebec': 'quebec',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.pdf': 'application/pdf',
  '.ico': 'image/x-icon',
};

/** Lower case, no accents, any run of other characters one space: "Trois-Rivières" → "trois rivieres". */
export function normalizeTerm(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export async function loadDemoCatalogue(siteRoot: string = DEMO_SITE_ROOT): Promise<DemoBusiness[]> {
  const parsed: unknown = JSON.parse(await readFile(join(siteRoot, 'catalogue.json'), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${siteRoot}/catalogue.json is not an array`);
  for (const entry of parsed as DemoBusiness[]) {
    if (typeof entry?.slug !== 'string' || !/^[a-z0-9-]+$/.test(entry.slug)) {
      throw new Error(`catalogue.json: bad slug ${JSON.stringify(entry?.slug)}`);
    }
  }
  return parsed as DemoBusiness[];
}

class BadRequest extends Error {}

function positiveInteger(raw: string | null, name: string, fallback: number): number {
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new BadRequest(`${name} must be a positive integer`);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < 1) throw new BadRequest(`${name} must be a positive integer`);
  return value;
}

function industryMatches(key: string, wanted: string): boolean {
  if (normalizeTerm(key) === wanted) return true;
  return (INDUSTRY_SYNONYMS[key] ?? []).some((name) => normalizeTerm(name) === wanted);
}

function queryMatches(business: DemoBusiness, q: string): boolean {
  const haystack = [business.businessName, business.industry, ...(INDUSTRY_SYNONYMS[business.industry] ?? [])];
  return haystack.some((text) => normalizeTerm(text).includes(q));
}

/** The directory's answer to `GET /api/businesses?…`; throws BadRequest on a bad parameter. */
export function searchBusinesses(catalogue: DemoBusiness[], params: URLSearchParams) {
  const page = positiveInteger(params.get('page'), 'page', 1);
  const perPage = Math.min(positiveInteger(params.get('per_page'), 'per_page', DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const industries = params
    .getAll('industry')
    .flatMap((value) => value.split(','))
    .map(normalizeTerm)
    .filter(Boolean);
  const cityParam = normalizeTerm(params.get('city') ?? '');
  const city = CITY_ALIASES[cityParam] ?? cityParam;
  const provinceParam = normalizeTerm(params.get('province') ?? '');
  const province = provinceParam ? (PROVINCE_NAMES[provinceParam] ?? provinceParam.toUpperCase()) : '';
  const languageParam = normalizeTerm(params.get('language') ?? '');
  const language = languageParam ? LANGUAGE_NAMES[languageParam] : '';
  if (language === undefined) throw new BadRequest('language must be fr or en');
  const q = normalizeTerm(params.get('q') ?? '');

  const matches = catalogue.filter(
    (business) =>
      (industries.length === 0 || industries.some((wanted) => industryMatches(business.industry, wanted))) &&
      (!city || normalizeTerm(business.city) === city) &&
      (!province || business.province.toUpperCase() === province) &&
      (!language || business.languages.includes(language)) &&
      (!q || queryMatches(business, q)),
  );
  const start = (page - 1) * perPage;
  return {
    businesses: matches.slice(start, start + perPage).map((business) => ({
      slug: business.slug,
      businessName: business.businessName,
      website: business.website,
      industry: business.industry,
      city: business.city,
      province: business.province,
      phone: business.phone,
      email: business.email,
      employees: business.employees,
      languages: business.languages,
    })),
    page,
    per_page: perPage,
    total: matches.length,
    total_pages: Math.ceil(matches.length / perPage),
  };
}

/** True when a request path, raw or decoded (up to three times), has a `..` segment, a backslash or a NUL. */
export function isTraversal(rawPath: string): boolean {
  let current = rawPath;
  for (let round = 0; round < 4; round++) {
    if (current.includes('\\') || current.includes('\0')) return true;
    if (current.split('/').some((segment) => segment === '..' || segment === '.')) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return true;
    }
    if (decoded === current) return false;
    current = decoded;
  }
  return true;
}

function minimalPdf(title: string): Buffer {
  const text = `BT /F1 18 Tf 72 720 Td (${title}) Tj ET`;
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    `4 0 obj << /Length ${text.length} >> stream`,
    text,
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function simplePage(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

const NOT_FOUND_PAGE = simplePage(
  'fr',
  'Page introuvable / Page not found',
  '<h1>Page introuvable</h1>\n<p>La page demandée n’existe pas. / The page you asked for does not exist.</p>\n<p><a href="/">Accueil / Home</a></p>',
);
const SERVER_ERROR_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>500 Internal Server Error</title>\n</head><body>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error or misconfiguration and was unable to complete your request.</p>\n</body></html>\n';
const THANK_YOU_PAGE = simplePage(
  'fr',
  'Merci! / Thank you!',
  '<h1>Merci! / Thank you!</h1>\n<p>Votre message a bien été envoyé. Nous vous répondrons sous peu.</p>\n<p lang="en">Your message has been sent. We will get back to you shortly.</p>\n<p><a href="/">Retour à l’accueil / Back to home</a></p>',
);

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = '',
) {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(buffer.length), 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : buffer);
}

const sendJson = (req: IncomingMessage, res: ServerResponse, status: number, value: unknown) =>
  send(
    req,
    res,
    status,
    { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' },
    JSON.stringify(value),
  );

const sendHtml = (req: IncomingMessage, res: ServerResponse, status: number, html: string) =>
  send(req, res, status, { 'Content-Type': 'text/html; charset=utf-8' }, html);

function redirect(req: IncomingMessage, res: ServerResponse, status: 301 | 302, location: string) {
  send(
    req,
    res,
    status,
    { Location: location, 'Content-Type': 'text/html; charset=utf-8' },
    simplePage(
      'en',
      `${status} Moved`,
      `<p>Moved to <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</p>`,
    ),
  );
}

/** Reads a request body; null (and a 413 sent) when it is over the limit. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_POST_BYTES) {
      sendHtml(req, res, 413, simplePage('en', 'Too large', '<h1>413 Payload Too Large</h1>'));
      req.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A form body's text fields in order (files left out), read by the platform's own parser; [] when it is not a form. */
export async function formFields(contentType: string | undefined, body: Buffer): Promise<[string, string][]> {
  if (!contentType || !FORM_TYPES.test(contentType)) return [];
  try {
    const form = await new Request('http://demo-sites.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(body),
    }).formData();
    const fields: [string, string][] = [];
    form.forEach((value, name) => {
      if (typeof value === 'string') fields.push([name, value]);
    });
    return fields;
  } catch {
    return [];
  }
}

/** The page a `formRedirect` site serves at its thank-you path, in the site's language(s). */
function thankYouPage(business: DemoBusiness): string {
  const name = escapeHtml(business.businessName);
  const fr = `<h1>Merci!</h1>\n<p>Votre message a bien été envoyé à ${name}. Nous vous répondrons sous peu.</p>\n<p><a href="/">Retour à l’accueil</a></p>`;
  const en = `<h1>Thank you!</h1>\n<p>Your message has been sent to ${name}. We will get back to you shortly.</p>\n<p><a href="/">Back to home</a></p>`;
  const languages = business.languages;
  const body = languages.length > 1 ? `${fr}\n<div lang="en">\n${en}\n</div>` : languages[0] === 'en' ? en : fr;
  const english = languages[0] === 'en';
  return simplePage(english ? 'en' : 'fr', `${english ? 'Thank you!' : 'Merci!'} | ${name}`, body);
}

/** Streams `HUGE_SITE_BYTES` of HTML in chunks, with backpressure; stops when the client goes. */
async function streamHuge(req: IncomingMessage, res: ServerResponse, business: DemoBusiness) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  if (req.method === 'HEAD') return void res.end();
  const name = escapeHtml(business.businessName);
  const paragraph = `<p class="item">${name}: lawn care, sod, interlock, retaining walls, hedges and spring clean-ups across Ottawa. Call ${escapeHtml(business.phone)}.</p>\n`;
  const chunk = paragraph.repeat(Math.ceil(HUGE_CHUNK_BYTES / paragraph.length));
  const head = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${name}</title>\n</head>\n<body>\n`;
  const tail = '</body>\n</html>\n';
  let sent = 0;
  const write = async (text: string) => {
    sent += Buffer.byteLength(text);
    if (res.write(text)) return;
    await new Promise<void>((done) => {
      const finish = () => {
        res.off('drain', finish);
        res.off('close', finish);
        done();
      };
      res.on('drain', finish);
      res.on('close', finish);
    });
  };
  await write(head);
  while (sent + tail.length < HUGE_SITE_BYTES && !res.destroyed && !res.writableEnded) {
    await write(chunk.slice(0, Math.min(chunk.length, HUGE_SITE_BYTES - tail.length - sent)));
  }
  if (!res.destroyed) res.end(tail);
}

async function findFile(siteDir: string, path: string): Promise<string | null> {
  const relative = path.replace(/^\/+/, '');
  const candidates =
    relative === '' || relative.endsWith('/')
      ? [`${relative}index.html`]
      : [relative, `${relative}.html`, `${relative}/index.html`];
  for (const candidate of candidates) {
    const file = resolve(siteDir, candidate);
    if (file !== siteDir && !file.startsWith(siteDir + sep)) return null;
    try {
      if ((await stat(file)).isFile()) return file;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

export async function startDemoSites(options: DemoSitesOptions = {}): Promise<DemoSites> {
  const inbound = options.inbound;
  if (inbound && !isLoopbackUrl(inbound.url)) {
    throw new Error(`demo sites: inbound.url must be a loopback http(s) URL, not ${JSON.stringify(inbound.url)}`);
  }
  const siteRoot = resolve(options.siteRoot ?? DEMO_SITE_ROOT);
  const catalogue = await loadDemoCatalogue(siteRoot);
  const bySlug = new Map(catalogue.map((business) => [business.slug, business]));
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const deliveries = new Set<AbortController>();
  let closing = false;

  /** Posts one answer to the inbound endpoint; one warning when it fails, nothing when it works. */
  async function deliver(business: DemoBusiness, kind: Autoresponder, inquiry: Inquiry) {
    if (!inbound || closing) return;
    const reply = composeReply(business, kind, inquiry, new Date());
    if (!reply) return;
    const url = new URL(inbound.url);
    url.searchParams.set('from', reply.envelopeFrom);
    url.searchParams.set('to', reply.to);
    const controller = new AbortController();
    deliveries.add(controller);
    const deadline = setTimeout(() => controller.abort(new Error('no answer in 30 s')), DELIVERY_TIMEOUT_MS).unref();
    try {
      const answer = await (inbound.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { 'content-type': 'message/rfc822' },
        body: new Uint8Array(reply.raw),
        signal: controller.signal,
      });
      await answer.arrayBuffer().catch(() => undefined);
      if (!answer.ok && !closing) {
        console.warn(`demo sites: ${business.slug}'s answer to ${reply.to} was refused: HTTP ${answer.status}`);
      }
    } catch (error) {
      if (!closing) {
        console.warn(
          `demo sites: ${business.slug}'s answer to ${reply.to} was not delivered: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    } finally {
      clearTimeout(deadline);
      deliveries.delete(controller);
    }
  }

  /** Schedules the business's answer to a submitted form, per its autoresponder; nothing for `none` or a real address. */
  function answerForm(business: DemoBusiness, fields: [string, string][], path: string) {
    const kind = business.autoresponder ?? 'none';
    if (!inbound || closing || kind === 'none' || timers.size >= MAX_PENDING_ANSWERS) return;
    const inquiry = readInquiry(fields, business, path);
    if (!inquiry || !isTestAddress(inquiry.replyTo)) return;
    const delay =
      kind === 'human'
        ? (inbound.humanDelayMs ?? DEFAULT_HUMAN_DELAY_MS)
        : kind === 'personalized'
          ? (inbound.personalizedDelayMs ?? DEFAULT_PERSONALIZED_DELAY_MS)
          : 0;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void deliver(business, kind, inquiry);
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  /** Waits `ms`; false when the client went away or the server is closing (whose sockets close too). */
  const wait = (ms: number, req: IncomingMessage) =>
    new Promise<boolean>((done) => {
      const socket = req.socket;
      const gone = () => {
        clearTimeout(timer);
        timers.delete(timer);
        done(false);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        socket.off('close', gone);
        done(!closing && !socket.destroyed);
      }, ms);
      timers.add(timer);
      socket.once('close', gone);
    });

  async function serveSite(req: IncomingMessage, res: ServerResponse, business: DemoBusiness, rawPath: string) {
    const path = decodeURIComponent(rawPath) || '/';
    const home = path === '/' || path === '/index.html';
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') {
      return send(req, res, 405, { Allow: 'GET, HEAD, POST', 'Content-Type': 'text/plain; charset=utf-8' }, '405');
    }
    switch (business.behaviour) {
      case 'server_error':
        return sendHtml(req, res, 500, SERVER_ERROR_PAGE);
      case 'slow':
        if (!(await wait(SLOW_SITE_DELAY_MS, req))) return;
        break;
      case 'redirect_private':
        if (home) return redirect(req, res, 302, PRIVATE_REDIRECT_TARGET);
        break;
      case 'redirect_loop':
        if (home) return redirect(req, res, 301, '/accueil');
        if (path === '/accueil') return redirect(req, res, 302, `${business.website}/`);
        break;
      case 'redirect_internal':
        if (path === '/') return redirect(req, res, 301, '/fr/');
        break;
      case 'huge':
        if (home && method !== 'POST') return streamHuge(req, res, business);
        break;
      case 'not_html':
        if (home && method !== 'POST') {
          return send(
            req,
            res,
            200,
            { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="menu.pdf"' },
            minimalPdf(`${business.businessName.replace(/[^A-Za-z0-9 ]/g, ' ')} - Menu`),
          );
        }
        break;
      case 'robots_disallow':
        if (path === '/robots.txt') {
          return send(req, res, 200, { 'Content-Type': 'text/plain; charset=utf-8' }, 'User-agent: *\nDisallow: /\n');
        }
        break;
    }
    if (method === 'POST') {
      const body = await readBody(req, res);
      if (!body) return;
      if (business.formRedirect) {
        send(
          req,
          res,
          303,
          { Location: business.formRedirect, 'Content-Type': 'text/html; charset=utf-8' },
          simplePage(
            'en',
            '303 See Other',
            `<p>See <a href="${escapeHtml(business.formRedirect)}">${escapeHtml(business.formRedirect)}</a>.</p>`,
          ),
        );
      } else {
        sendHtml(req, res, 200, THANK_YOU_PAGE);
      }
      if (inbound) answerForm(business, await formFields(req.headers['content-type'], body), path);
      return;
    }
    const file = await findFile(join(siteRoot, 'sites', business.slug), path);
    if (!file && business.formRedirect && path === business.formRedirect) {
      return sendHtml(req, res, 200, thankYouPage(business));
    }
    if (!file) return sendHtml(req, res, 404, NOT_FOUND_PAGE);
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return send(req, res, 200, { 'Content-Type': type }, await readFile(file));
  }

  function directoryPage(): string {
    const items = catalogue
      .map(
        (b) =>
          `<li><a href="/sites/${b.slug}/">${escapeHtml(b.businessName)}</a> · ${escapeHtml(b.industry)} · ${escapeHtml(b.city)}${b.behaviour ? ` · <em>${b.behaviour}</em>` : ''}</li>`,
      )
      .join('\n');
    return simplePage(
      'en',
      'Demo sites',
      `<h1>Demo sites</h1>\n<p>API: <a href="/api/businesses">/api/businesses</a></p>\n<ul>\n${items}\n</ul>`,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const rawUrl = req.url ?? '/';
    const rawPath = rawUrl.split('?')[0] ?? '/';
    if (!rawPath.startsWith('/') || isTraversal(rawPath)) {
      return send(req, res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request: path not allowed\n');
    }
    const url = new URL(rawUrl, 'http://demo-sites.invalid');

    const hostSlug = /^([a-z0-9-]+)\.test(?::\d+)?$/i.exec(req.headers.host ?? '')?.[1]?.toLowerCase();
    const hostBusiness = hostSlug ? bySlug.get(hostSlug) : undefined;
    if (hostBusiness) return serveSite(req, res, hostBusiness, rawPath);

    if (rawPath === '/api/businesses' || rawPath === '/api/businesses/') {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(req, res, 405, { error: 'method not allowed' });
      try {
        return sendJson(req, res, 200, searchBusinesses(catalogue, url.searchParams));
      } catch (error) {
        if (error instanceof BadRequest) return sendJson(req, res, 400, { error: error.message });
        throw error;
      }
    }

    const site = /^\/sites\/([^/]+)(\/.*)?$/.exec(rawPath);
    if (site) {
      const business = bySlug.get(decodeURIComponent(site[1]!));
      if (!business) return sendHtml(req, res, 404, NOT_FOUND_PAGE);
      return serveSite(req, res, business, site[2] ?? '/');
    }
    if (rawPath === '/') return sendHtml(req, res, 200, directoryPage());
    return sendHtml(req, res, 404, NOT_FOUND_PAGE);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(req, res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done, fail) => {
        closing = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const delivery of deliveries) delivery.abort();
        deliveries.clear();
        server.close((error) => (error ? fail(error) : done()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
