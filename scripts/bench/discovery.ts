import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import type { Language } from '../../schema/vocabulary';
import { type AnalysisDeps, analyzeProspect } from '../../worker/features/prospects/analysis/analyze';
import { decodeCsvBytes, mapRows, parseCsv, suggestMapping } from '../../worker/features/prospects/csv';
import { importCsv } from '../../worker/features/prospects/csv-import';
import { crawlerUserAgent } from '../../worker/features/prospects/deps';
import { createDemoProvider } from '../../worker/features/prospects/providers/demo';
import type { ProspectQuery } from '../../worker/features/prospects/providers/port';
import { upsertProspect } from '../../worker/features/prospects/upsert';
import { createOfflineEmbedder } from '../../worker/platform/ai/offline-embedding';
import type { DatabaseAccess } from '../../worker/platform/db';
import type { Env } from '../../worker/platform/env';
import { createDatabasePacer } from '../../worker/platform/fetch/host-pacing';
import { createDohResolver } from '../../worker/platform/fetch/resolver';
import { createSafeFetcher } from '../../worker/platform/fetch/safe-fetch';
import type { QueueMessage } from '../../worker/platform/jobs/message';
import { processMemory, sampleRss } from '../lib/process-memory';
import { writeSampleProspecting } from '../lib/sample-prospects';
import { seededRandom } from '../lib/seeded-random';
import { percentile } from '../lib/stats';
import { type DemoBusiness, type DemoSiteBehaviour, loadDemoCatalogue, startDemoSites } from '../stack/demo-sites';
import { type BenchDatabase, openBenchDatabase } from './database';

/**
 * The operator's prospect discovery on this machine: how many of the demo sites' 32
 * businesses the Worker's own analysis (analyzeProspect) reads a minute with politeness on,
 * what one analysis costs in memory, and how fast a 10,000-line CSV goes through the import.
 *
 * Everything is the production code path, called from Node: the fetcher is built as
 * discoveryDeps builds it (SSRF checks, the database pacer at its default one request a
 * second per host, the demo sites' `*.test` hosts mapped to the loopback server), robots.txt
 * is read first by crawlSite, the embedder is the offline one. The only network is loopback.
 */

/** Behaviours that are a site broken on purpose; `redirect_internal` is a legitimate one. */
const BROKEN: ReadonlySet<DemoSiteBehaviour> = new Set([
  'server_error',
  'redirect_private',
  'redirect_loop',
  'slow',
  'huge',
  'not_html',
  'robots_disallow',
]);

export interface DiscoveryOptions {
  /** Analyses in flight at once: a queue consumer's batch (wrangler.toml max_batch_size). */
  concurrency: number;
  csvRows: number;
  /** A PostgreSQL server to run on instead of the embedded PGlite (a fresh database, dropped after). */
  databaseUrl?: string | undefined;
}

export interface SiteRun {
  slug: string;
  behaviour: DemoSiteBehaviour | null;
  status: 'analyzed' | 'failed' | 'missing';
  reason: string | null;
  ms: number;
  /** HTTP requests the fetcher sent to this site's host: robots.txt, pages and every redirect hop. */
  requests: number;
}

export interface AnalysisPass {
  label: string;
  concurrency: number;
  wallMs: number;
  sites: SiteRun[];
}

export interface SiteMemory {
  slug: string;
  behaviour: DemoSiteBehaviour | null;
  status: SiteRun['status'];
  /** Highest sampled JS heap in use above the baseline taken after a forced GC. */
  heapPeakBytes: number;
  /** Same for memory outside the JS heap (Buffers, ArrayBuffers): response bodies, sockets. */
  externalPeakBytes: number;
  /** Resident size: its peak during the analysis above the size just before. */
  rssPeakBytes: number;
  /** JS heap still in use after the analysis and a forced GC, above the baseline. */
  heapKeptBytes: number;
  ms: number;
}

export interface CsvFigures {
  lines: number;
  bytes: number;
  planted: PlantedRows;
  parseMapMs: number;
  importMs: number;
  result: { new: number; merged: number; errors: number; warnings: number; queued: number };
  /** prospect_candidates rows the import added. */
  rowsAdded: number;
  roundTrips: number | null;
  /** Error codes and how many lines had each. */
  errorCodes: Record<string, number>;
}

export interface DiscoveryFigures {
  database: string;
  userAgent: string;
  passes: AnalysisPass[];
  memory: SiteMemory[];
  /** Whether each memory figure had a forced GC before it (the gc hook could be reached). */
  gcForced: boolean;
  memorySeconds: number;
  /** The heap sampler's own garbage over 2 s of nothing (a baseline for the heap peaks). */
  samplerFloorBytes: number;
  /** DNS-over-HTTPS queries the resolver tried: the demo sites and IP literals need none. */
  dnsQueries: number;
  csv: CsvFigures;
  totalSeconds: number;
}

const ANY_BUSINESS: ProspectQuery = {
  industries: [],
  province: null,
  cities: [],
  radiusKm: null,
  languages: [],
  employeesMin: null,
  employeesMax: null,
  keywords: [],
};

/** A bench never dials a queue: what importCsv queues is counted, not run. */
function countingQueue(): { queue: Queue<QueueMessage>; sent: () => number } {
  let sent = 0;
  const queue = {
    send: async () => void sent++,
    sendBatch: async (batch: Iterable<MessageSendRequest<QueueMessage>>) => {
      for (const _ of batch) sent++;
    },
  } as unknown as Queue<QueueMessage>;
  return { queue, sent: () => sent };
}

/** Only what discovery reads from the Worker's env: the app URL (for the User-Agent) and the queue. */
function benchEnv(bench: BenchDatabase, queue: Queue<QueueMessage>): Env {
  return { APP_URL: 'http://127.0.0.1:8787', DATABASE_URL: bench.url, JOBS: queue } as unknown as Env;
}

/** Stores the demo directory's businesses through the demo provider and the upsert, as a discovery run does. */
async function upsertDemoBusinesses(db: DatabaseAccess, origin: string): Promise<Map<string, string>> {
  const provider = createDemoProvider({ origin });
  const slugById = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await provider.search(ANY_BUSINESS, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const record of page.records) {
      const outcome = await db.service((tx) => upsertProspect(tx, record, { icpId: null, foundAt: new Date() }));
      if (outcome.kind !== 'skipped') slugById.set(outcome.id, record.sourceId.replace(/^demo:/, ''));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return slugById;
}

/** The production fetcher, with a pass-through transport that counts requests per host. */
function productionFetcher(db: DatabaseAccess, origin: string, userAgent: string) {
  const requests = new Map<string, number>();
  let dnsQueries = 0;
  const fetcher = createSafeFetcher({
    // The DoH resolver production uses; offline here, so a query would fail closed (and be counted).
    resolver: createDohResolver({
      fetch: async () => {
        dnsQueries++;
        throw new Error('the bench is offline: no DNS over HTTPS');
      },
    }),
    userAgent,
    pacer: createDatabasePacer(db),
    demoSites: { origin },
    transport: (input, init) => {
      // /sites/<slug>/… on the demo server is https://<slug>.test/… to the fetcher.
      const slug = /\/sites\/([^/]+)/.exec(String(input))?.[1] ?? new URL(String(input)).hostname;
      requests.set(slug, (requests.get(slug) ?? 0) + 1);
      return fetch(input, init);
    },
  });
  return { fetcher, requests, dnsQueries: () => dnsQueries };
}

/** Runs `work` on every item with at most `concurrency` in flight, each slot taking the next item when free. */
async function inPool<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const slot = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, slot));
  return results;
}

interface Target {
  id: string;
  business: DemoBusiness;
}

async function analysisPass(
  label: string,
  targets: readonly Target[],
  concurrency: number,
  deps: AnalysisDeps,
  requests: Map<string, number>,
): Promise<AnalysisPass> {
  requests.clear();
  const started = performance.now();
  const runs = await inPool(targets, concurrency, async ({ id, business }) => {
    const siteStarted = performance.now();
    const outcome = await analyzeProspect(deps, id);
    return {
      slug: business.slug,
      behaviour: business.behaviour ?? null,
      status: outcome.status,
      reason: outcome.status === 'failed' ? outcome.reason : null,
      ms: performance.now() - siteStarted,
      requests: 0,
    } satisfies SiteRun;
  });
  const wallMs = performance.now() - started;
  for (const run of runs) run.requests = requests.get(run.slug) ?? 0;
  return { label, concurrency, wallMs, sites: runs };
}

/**
 * A forced garbage collection, for a baseline that is live memory rather than garbage
 * waiting for the collector. `npm run bench` runs tsx without --expose-gc, so the flag is
 * set at run time and the hook read from a fresh context; null when that is refused.
 */
function gcHook(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/** Samples this process's heap and external memory every 5 ms until stopped. */
function sampleHeap() {
  const at = () => process.memoryUsage();
  const before = at();
  let heap = before.heapUsed;
  let external = before.external;
  const timer = setInterval(() => {
    const now = at();
    heap = Math.max(heap, now.heapUsed);
    external = Math.max(external, now.external);
  }, 5);
  return {
    before,
    stop() {
      clearInterval(timer);
      const now = at();
      return { heap: Math.max(heap, now.heapUsed), external: Math.max(external, now.external) };
    },
  };
}

/**
 * The resident peak of a span. /proc/self/clear_refs 5 resets VmHWM to the current RSS
 * (Linux ≥ 4.0), so the kernel keeps the peak and nothing is read during the span (reading
 * /proc every few ms makes garbage of its own); else sampleRss samples it.
 */
function watchRss() {
  const before = processMemory(process.pid, 'VmRSS');
  let reset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    reset = false;
  }
  const sampler = reset ? null : sampleRss(process.pid);
  return {
    before,
    stop: () => (sampler ? sampler.stop().peakBytes : processMemory(process.pid, 'VmHWM')),
  };
}

/** What the heap sampler alone adds in `ms` with nothing else running: its own garbage, the figures' floor. */
async function samplerFloor(gc: (() => void) | null, ms: number): Promise<number> {
  gc?.();
  const heap = sampleHeap();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return heap.stop().heap - heap.before.heapUsed;
}

/** One analysis after another, each measured alone, so its memory is its own. */
async function memoryPass(targets: readonly Target[], deps: AnalysisDeps, gc: (() => void) | null) {
  const figures: SiteMemory[] = [];
  for (const { id, business } of targets) {
    gc?.();
    const heap = sampleHeap();
    const rss = watchRss();
    const started = performance.now();
    const outcome = await analyzeProspect(deps, id);
    const ms = performance.now() - started;
    const rssPeak = rss.stop();
    const peak = heap.stop();
    gc?.();
    figures.push({
      slug: business.slug,
      behaviour: business.behaviour ?? null,
      status: outcome.status,
      ms,
      heapPeakBytes: peak.heap - heap.before.heapUsed,
      externalPeakBytes: peak.external - heap.before.external,
      rssPeakBytes: rssPeak - rss.before,
      heapKeptBytes: process.memoryUsage().heapUsed - heap.before.heapUsed,
    });
  }
  return figures;
}

// ---- The CSV: deterministic Quebec businesses --------------------------------------------

type Random = ReturnType<typeof seededRandom>;
const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)]!;

const SURNAMES = [
  'Tremblay',
  'Gagnon',
  'Roy',
  'Côté',
  'Bouchard',
  'Gauthier',
  'Morin',
  'Lavoie',
  'Fortin',
  'Gagné',
  'Ouellet',
  'Pelletier',
  'Bélanger',
  'Lévesque',
  'Bergeron',
  'Leblanc',
  'Paquette',
  'Girard',
  'Simard',
  'Boucher',
  'Caron',
  'Beaulieu',
  'Cloutier',
  'Dubé',
  'Poirier',
  'Fournier',
  'Lapointe',
  'Leclerc',
  'Lefebvre',
  'Poulin',
  'Thibault',
  'St-Pierre',
  'Nadeau',
  'Martin',
  'Landry',
  'Martel',
  'Bédard',
  'Grenier',
  'Lessard',
  'Bernier',
  'Richard',
  'Michaud',
  'Hébert',
  'Desjardins',
  'Couture',
  'Turcotte',
  'Lachance',
  'Parent',
  'Blais',
  'Gosselin',
  'Savard',
  'Proulx',
  'Beaudoin',
  'Demers',
  'Perron',
  'Boudreau',
  'Lemieux',
  'Cyr',
  'Perreault',
  'Dufour',
  'Dion',
  'Mercier',
  'Bolduc',
  'Bérubé',
  'Boivin',
  'Langlois',
  'Ménard',
  'Vachon',
  'Lemay',
  'Charbonneau',
  'Marcotte',
  'Tessier',
  'Rioux',
  'Labbé',
];
const FIRST_NAMES = [
  'Ginette',
  'Réjean',
  'Sylvie',
  'Mario',
  'Nathalie',
  'Luc',
  'Chantal',
  'Stéphane',
  'Julie',
  'Benoît',
];
const PLACES = [
  'du Plateau',
  'St-Denis',
  'des Rivières',
  'Rive-Sud',
  'Laurentides',
  'Estrie',
  'du Vieux-Port',
  'Mauricie',
];

/** Cities with their area codes. */
const CITIES: readonly { name: string; areas: readonly string[] }[] = [
  { name: 'Montréal', areas: ['514', '438'] },
  { name: 'Laval', areas: ['450', '579'] },
  { name: 'Québec', areas: ['418', '581'] },
  { name: 'Gatineau', areas: ['819', '873'] },
  { name: 'Longueuil', areas: ['450'] },
  { name: 'Sherbrooke', areas: ['819'] },
  { name: 'Saguenay', areas: ['418'] },
  { name: 'Lévis', areas: ['418', '581'] },
  { name: 'Trois-Rivières', areas: ['819'] },
  { name: 'Terrebonne', areas: ['450'] },
  { name: 'Saint-Jean-sur-Richelieu', areas: ['450'] },
  { name: 'Repentigny', areas: ['450'] },
  { name: 'Brossard', areas: ['450', '579'] },
  { name: 'Drummondville', areas: ['819'] },
  { name: 'Saint-Jérôme', areas: ['450'] },
  { name: 'Granby', areas: ['450'] },
  { name: 'Blainville', areas: ['450'] },
  { name: 'Saint-Hyacinthe', areas: ['450'] },
  { name: 'Rimouski', areas: ['418'] },
  { name: 'Victoriaville', areas: ['819'] },
  { name: 'Boucherville', areas: ['450'] },
  { name: 'Joliette', areas: ['450'] },
];

/** Name patterns per industry, as such businesses name themselves ({S} surname, {F} first name, {P} place). */
const INDUSTRIES: readonly { industry: string; names: readonly string[] }[] = [
  { industry: 'Plomberie', names: ['Plomberie {S}', '{S} Plomberie inc.', 'Plombiers {S} & Fils', '{S} Plumbing'] },
  { industry: 'Toiture', names: ['Toitures {S}', 'Couvreur {S} inc.', 'Toitures {S} et Fils'] },
  { industry: 'Électricité', names: ['Électricité {S}', '{S} Électrique inc.', 'Électricien {F} {S}'] },
  { industry: 'Rénovation', names: ['Rénovations {S}', 'Construction {S} inc.', 'Rénos {S} {P}'] },
  { industry: 'Chauffage et climatisation', names: ['Thermopompes {S}', 'Climatisation {S} {P}', 'Chauffage {S}'] },
  { industry: 'Paysagement', names: ['Paysagement {S}', 'Aménagement paysager {S}', 'Paysagiste {F} {S}'] },
  { industry: 'Déneigement', names: ['Déneigement {S}', 'Déneigement {S} {P}'] },
  { industry: 'Entretien ménager', names: ['Entretien ménager {S}', 'Nettoyage {S} {P}', 'Ménage {F}'] },
  { industry: 'Clinique dentaire', names: ['Clinique dentaire {S}', 'Centre dentaire {P}', 'Dre {F} {S}, dentiste'] },
  { industry: 'Physiothérapie', names: ['Physio {P}', 'Clinique de physiothérapie {S}', 'Physio Santé {S}'] },
  { industry: 'Comptabilité', names: ['{S} CPA inc.', 'Comptabilité {S}', 'Services comptables {F} {S}'] },
  { industry: 'Services juridiques', names: ['{S} Avocats', '{S} {S2} avocats s.e.n.c.r.l.', 'Notaire {F} {S}'] },
  { industry: 'Garage', names: ['Garage {S}', 'Mécanique {S} {P}', 'Centre de l’auto {S}'] },
  { industry: 'Courtage immobilier', names: ['{F} {S}, courtier immobilier', 'Immobilier {S} {P}'] },
  { industry: 'Restaurant', names: ['Restaurant Chez {F}', 'Bistro {P}', 'Casse-croûte {F}'] },
  { industry: 'Coiffure', names: ['Salon {F}', 'Coiffure {P}', 'Barbier {S}'] },
];

const STREETS = ['rue Principale', 'boulevard Saint-Laurent', 'rue King Ouest', 'chemin Sainte-Foy', 'rue Notre-Dame'];

interface Business {
  name: string;
  city: string;
  industry: string;
  /** Registrable domain; the website column writes it in several ways. */
  domain: string;
  /** Ten digits; empty when the business's line has no phone. */
  phone: string;
  email: string;
  employees: string;
  address: string;
}

const HEADERS = [
  'Nom de l’entreprise',
  'Site Web',
  'Courriel',
  'Téléphone',
  'Secteur d’activité',
  'Ville',
  'Province',
  'Pays',
  'Nombre d’employés',
  'Adresse',
];

const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'et')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The ways a list writes one website: with or without scheme, www., a trailing path. */
function websiteCell(random: Random, domain: string): string {
  return pick(random, [
    `https://www.${domain}`,
    `${domain}`,
    `http://${domain}/`,
    `www.${domain}`,
    `https://${domain}/contact`,
    `WWW.${domain.toUpperCase()}`,
  ]);
}

/** The ways a list writes one phone number. */
function phoneCell(random: Random, digits: string): string {
  if (!digits) return '';
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return pick(random, [
    `(${a}) ${b}-${c}`,
    `${a}-${b}-${c}`,
    `${a}.${b}.${c}`,
    `+1 ${a} ${b} ${c}`,
    `${a} ${b}-${c} poste 22`,
  ]);
}

interface Generator {
  random: Random;
  names: Set<string>;
  domains: Set<string>;
  phones: Set<string>;
}

function uniqueName(gen: Generator) {
  for (;;) {
    const city = pick(gen.random, CITIES);
    const { industry, names } = pick(gen.random, INDUSTRIES);
    const name = pick(gen.random, names)
      .replace('{S2}', pick(gen.random, SURNAMES))
      .replace('{S}', pick(gen.random, SURNAMES))
      .replace('{F}', pick(gen.random, FIRST_NAMES))
      .replace('{P}', pick(gen.random, PLACES));
    const key = `${name.toLowerCase()}|${city.name.toLowerCase()}`;
    if (gen.names.has(key)) continue;
    gen.names.add(key);
    return { name, city, industry };
  }
}

function uniqueDomain(gen: Generator, name: string, city: string): string {
  const base = slugOf(name.replace(/\b(inc|enr|s\.e\.n\.c\.r\.l)\.?/gi, ''));
  for (const candidate of [base, `${base}-${slugOf(city)}`]) {
    for (const tld of ['.ca', '.com', '.qc.ca']) {
      if (!gen.domains.has(candidate + tld)) {
        gen.domains.add(candidate + tld);
        return candidate + tld;
      }
    }
  }
  for (let n = 2; ; n++) {
    const domain = `${base}-${n}.ca`;
    if (!gen.domains.has(domain)) {
      gen.domains.add(domain);
      return domain;
    }
  }
}

/** Ten digits in the 555 exchange of one of the city's area codes, unused so far. */
function uniquePhone(gen: Generator, areas: readonly string[]): string {
  for (;;) {
    const digits = `${pick(gen.random, areas)}555${String(Math.floor(gen.random() * 10_000)).padStart(4, '0')}`;
    if (gen.phones.has(digits)) continue;
    gen.phones.add(digits);
    return digits;
  }
}

function newBusiness(gen: Generator): Business {
  const { random } = gen;
  const { name, city, industry } = uniqueName(gen);
  const domain = uniqueDomain(gen, name, city.name);
  const roll = random();
  const email =
    roll < 0.6
      ? `${pick(random, ['info', 'contact', 'soumission', 'reception'])}@${domain}`
      : roll < 0.72
        ? `${slugOf(name).slice(0, 20)}@${pick(random, ['gmail.com', 'videotron.ca', 'hotmail.com'])}`
        : roll < 0.95
          ? ''
          : pick(random, ['n/a', 'info@', 'aucun']);
  return {
    name,
    city: city.name,
    industry,
    domain,
    phone: random() < 0.9 ? uniquePhone(gen, city.areas) : '',
    email,
    employees: random() < 0.85 ? String(1 + Math.floor(random() ** 2 * 80)) : '',
    address: random() < 0.7 ? `${1 + Math.floor(random() * 9000)}, ${pick(random, STREETS)}` : '',
  };
}

/** How many lines of each kind the generated file holds. */
export interface PlantedRows {
  businesses: number;
  sameDomain: number;
  samePhone: number;
  sameNameCity: number;
  noWebsite: number;
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function csvLine(random: Random, business: Business, website: string): string {
  return [
    business.name,
    website,
    business.email,
    phoneCell(random, business.phone),
    business.industry,
    business.city,
    pick(random, ['QC', 'Québec', 'Qc']),
    random() < 0.5 ? 'Canada' : '',
    business.employees,
    business.address,
  ]
    .map(csvCell)
    .join(',');
}

/**
 * A staff member's export of `rows` Quebec businesses, French headers, quoted addresses, with
 * the duplicates real lists carry: the same site written another way (merged on the domain),
 * the same business under a second site (merged on the phone, or on the name in the same
 * city), and lines with no usable website (refused, line by line).
 */
export function quebecBusinessesCsv(rows: number, seed = 2026): { text: string; planted: PlantedRows } {
  const gen: Generator = { random: seededRandom(seed), names: new Set(), domains: new Set(), phones: new Set() };
  const { random } = gen;
  const known: Business[] = [];
  const planted: PlantedRows = { businesses: 0, sameDomain: 0, samePhone: 0, sameNameCity: 0, noWebsite: 0 };
  const lines = [HEADERS.map(csvCell).join(',')];
  for (let line = 0; line < rows; line++) {
    const roll = known.length < 100 ? 1 : random();
    const earlier = known[Math.floor(random() * known.length)];
    if (earlier && roll < 0.05) {
      planted.sameDomain++;
      // Another list's copy: the site written differently, an email the first line lacked.
      const copy = { ...earlier, email: earlier.email || `info@${earlier.domain}` };
      lines.push(csvLine(random, copy, websiteCell(random, earlier.domain)));
    } else if (earlier?.phone && roll < 0.08) {
      planted.samePhone++;
      const site = uniqueDomain(gen, `${earlier.name} ${pick(random, ['services', 'pro', 'groupe'])}`, earlier.city);
      lines.push(csvLine(random, { ...earlier, domain: site }, websiteCell(random, site)));
    } else if (earlier && roll < 0.09) {
      planted.sameNameCity++;
      const site = uniqueDomain(gen, `${earlier.name} ${pick(random, ['web', 'en-ligne', 'qc'])}`, earlier.city);
      lines.push(csvLine(random, { ...earlier, domain: site, phone: '' }, websiteCell(random, site)));
    } else if (roll < 0.097) {
      planted.noWebsite++;
      const business = newBusiness(gen);
      const website = pick(random, ['', 'n/a', `https://www.facebook.com/${slugOf(business.name)}`, business.email]);
      lines.push(csvLine(random, business, website));
    } else {
      planted.businesses++;
      const business = newBusiness(gen);
      known.push(business);
      lines.push(csvLine(random, business, websiteCell(random, business.domain)));
    }
  }
  return { text: `${lines.join('\r\n')}\r\n`, planted };
}

const countProspects = async (db: DatabaseAccess) => {
  const { rows } = await db.service((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from prospect_candidates`),
  );
  return rows[0]!.n;
};

async function benchCsv(bench: BenchDatabase, rows: number, language: Language): Promise<CsvFigures> {
  const { text, planted } = quebecBusinessesCsv(rows);
  const bytes = new TextEncoder().encode(text);
  // The parse and mapping alone, as importCsv does them first, to see what the upserts cost.
  const parseStarted = performance.now();
  const parsed = parseCsv(decodeCsvBytes(bytes).text);
  const mapping = suggestMapping(parsed.headers);
  mapRows(parsed.rows, mapping);
  const parseMapMs = performance.now() - parseStarted;

  const { queue, sent } = countingQueue();
  const env = benchEnv(bench, queue);
  const before = await countProspects(bench.connection.access);
  const tripsBefore = bench.connection.proxyStats()?.roundTrips;
  const started = performance.now();
  const result = await importCsv(bench.connection.access, env, { bytes, mapping, icpId: null }, language);
  const importMs = performance.now() - started;
  const tripsAfter = bench.connection.proxyStats()?.roundTrips;
  const errorCodes: Record<string, number> = {};
  for (const error of result.errors) errorCodes[error.code] = (errorCodes[error.code] ?? 0) + 1;
  if (sent() !== result.queued) throw new Error(`importCsv said ${result.queued} queued, the queue got ${sent()}`);
  return {
    lines: result.lines,
    bytes: bytes.byteLength,
    planted,
    parseMapMs,
    importMs,
    result: {
      new: result.new,
      merged: result.merged,
      errors: result.errors.length,
      warnings: result.warnings.length,
      queued: result.queued,
    },
    rowsAdded: (await countProspects(bench.connection.access)) - before,
    roundTrips: tripsBefore === undefined || tripsAfter === undefined ? null : tripsAfter - tripsBefore,
    errorCodes,
  };
}

export async function benchDiscovery(options: DiscoveryOptions): Promise<DiscoveryFigures> {
  const started = performance.now();
  const analysis = await benchAnalysis(options);
  // Its own fresh database: on the first one, a generated line that happens to share a demo
  // business's name and city (or 555 number) would merge into it and blur the count.
  const bench = await openBenchDatabase(options.databaseUrl, 'bench_discovery_csv');
  try {
    const csv = await benchCsv(bench, options.csvRows, 'fr');
    return { ...analysis, csv, totalSeconds: (performance.now() - started) / 1000 };
  } finally {
    await bench.close();
  }
}

/** The demo sites stored in a fresh database, analysed concurrently twice, then one at a time for memory. */
async function benchAnalysis(options: DiscoveryOptions): Promise<Omit<DiscoveryFigures, 'csv' | 'totalSeconds'>> {
  const [bench, sites, catalogue] = await Promise.all([
    openBenchDatabase(options.databaseUrl, 'bench_discovery'),
    startDemoSites(),
    loadDemoCatalogue(),
  ]);
  try {
    const db = bench.connection.access;
    const embedder = createOfflineEmbedder();
    // The profile npm start seeds, so the fit score is computed as it is for an operator.
    await writeSampleProspecting(db, embedder);
    const slugById = await upsertDemoBusinesses(db, sites.origin);
    const bySlug = new Map(catalogue.map((business) => [business.slug, business]));
    const targets: Target[] = [...slugById].map(([id, slug]) => ({ id, business: bySlug.get(slug)! }));
    const healthy = targets.filter(({ business }) => !business.behaviour || !BROKEN.has(business.behaviour));

    const { queue } = countingQueue();
    const userAgent = crawlerUserAgent(benchEnv(bench, queue));
    const { fetcher, requests, dnsQueries } = productionFetcher(db, sites.origin, userAgent);
    const deps: AnalysisDeps = { db, fetcher, embedder };
    const passes = [
      await analysisPass(`all ${targets.length} demo sites`, targets, options.concurrency, deps, requests),
      await analysisPass(`the ${healthy.length} healthy ones only`, healthy, options.concurrency, deps, requests),
    ];

    const gc = gcHook();
    const samplerFloorBytes = await samplerFloor(gc, 2_000);
    const memoryStarted = performance.now();
    const memory = await memoryPass(targets, deps, gc);
    return {
      database: bench.database,
      userAgent,
      passes,
      memory,
      gcForced: gc !== null,
      memorySeconds: (performance.now() - memoryStarted) / 1000,
      samplerFloorBytes,
      dnsQueries: dnsQueries(),
    };
  } finally {
    await sites.close();
    await bench.close();
  }
}

/** p50, p95 and max of a list, with the percentile helper the other sections use. */
export function spread(values: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}
