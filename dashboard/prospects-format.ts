import {
  type CsvLineError,
  type CsvMapping,
  type DiscoveryRunView,
  type IcpInput,
  PROSPECT_FIELDS,
  PROSPECT_SORTS,
  type ProspectField,
  type ProspectListQuery,
  type ProspectSort,
  type ScoreExplanation,
  type ScorePart,
} from '../schema/prospects-api';
import {
  LANGUAGES,
  type Language,
  PROSPECT_ANALYSIS_STATUSES,
  PROVINCES,
  type Province,
  SEARCH_PROVIDERS,
  type SearchProvider,
} from '../schema/vocabulary';
import { type Lang, locale } from './i18n';
import type { ProspectsStrings } from './strings/prospects';

/**
 * The prospect screens' pure helpers: the list's filters in the address and back, the
 * need score's parts added up, costs, durations and the lists typed as commas, the ICP
 * form's draft, and the CSV mapping's checks. No DOM, no fetch: unit-tested
 * (tests/unit/dashboard/prospects-format.test.ts).
 */

// ─── The list's filters ─────────────────────────────────────────────────────

/** The automation-need score's range (ScoreExplanation.total). */
export const NEED_MIN = 45;
export const NEED_MAX = 95;
export const DEFAULT_SORT: ProspectSort = 'need';

/** The filters the list screen holds: the API's query without its cursor, the sort always set. */
export type ProspectFilters = Omit<ProspectListQuery, 'cursor' | 'sort'> & { sort: ProspectSort };
export const NO_FILTERS: ProspectFilters = { sort: DEFAULT_SORT };

/** The query's names in the order the address writes them. */
const FILTER_ORDER = [
  'icp',
  'industry',
  'region',
  'language',
  'minScore',
  'maxScore',
  'hasForm',
  'contacted',
  'status',
  'q',
  'sort',
] as const satisfies readonly (keyof ProspectFilters)[];

const oneOf = <T extends string>(value: string | null, values: readonly T[]): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function scoreOf(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isInteger(number) && number >= NEED_MIN && number <= NEED_MAX ? number : undefined;
}

const flagOf = (value: string | null): boolean | undefined =>
  value === 'true' ? true : value === 'false' ? false : undefined;

/** The filters of an address's query string; what is not a valid value is left out. */
export function filtersFromSearch(search: string): ProspectFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const candidates: ProspectFilters = {
    icp: text('icp'),
    industry: text('industry'),
    region: text('region'),
    language: oneOf(params.get('language'), LANGUAGES),
    minScore: scoreOf(params.get('minScore')),
    maxScore: scoreOf(params.get('maxScore')),
    hasForm: flagOf(params.get('hasForm')),
    contacted: flagOf(params.get('contacted')),
    status: oneOf(params.get('status'), PROSPECT_ANALYSIS_STATUSES),
    q: text('q'),
    sort: oneOf(params.get('sort'), PROSPECT_SORTS) ?? DEFAULT_SORT,
  };
  return compact(candidates);
}

/** The filters without their empty entries: one filter set, one shape (and one address). */
export function compact(filters: ProspectFilters): ProspectFilters {
  const kept: Record<string, unknown> = {};
  for (const name of FILTER_ORDER) {
    if (name === 'sort') continue;
    const value = filters[name];
    const clean = typeof value === 'string' ? value.trim() || undefined : value;
    if (clean !== undefined) kept[name] = clean;
  }
  return { ...(kept as Omit<ProspectFilters, 'sort'>), sort: filters.sort ?? DEFAULT_SORT };
}

/** The query string of the filters (no "?"), the default sort left out: for the address. */
export function filtersToSearch(filters: ProspectFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_ORDER) {
    const value = filters[name];
    if (value === undefined || value === '') continue;
    if (name === 'sort' && value === DEFAULT_SORT) continue;
    params.set(name, String(value).trim());
  }
  return params.toString();
}

/** The API's address for a page of the list: the filters, the sort always, and the cursor of the page after. */
export function prospectListPath(filters: ProspectFilters, cursor?: string | null): string {
  const params = new URLSearchParams(filtersToSearch(filters));
  params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  return `/staff/prospects?${params}`;
}

/** How many filters narrow the list (the sort does not; the search does). */
export const activeFilterCount = (filters: ProspectFilters): number =>
  FILTER_ORDER.filter((name) => name !== 'sort' && filters[name] !== undefined && filters[name] !== '').length;

// ─── The need score ─────────────────────────────────────────────────────────

export interface ScoreLine {
  part: ScorePart;
  /** The score once this part is added: the base plus every part up to this one. */
  running: number;
}

export interface ScoreSum {
  base: number;
  lines: ScoreLine[];
  /** The base plus every part, before the score is kept within 45–95. */
  sum: number;
  /** What keeping it within 45–95 changed (0 when nothing): sum + bound = total. */
  bound: number;
  total: number;
}

/** The score's parts in order, each with the running total, so the list visibly adds up to the total. */
export function sumScore(score: ScoreExplanation): ScoreSum {
  let running = score.base;
  const lines = score.parts.map((part) => {
    running += part.points;
    return { part, running };
  });
  return { base: score.base, lines, sum: running, bound: score.total - running, total: score.total };
}

/** Points with their sign: "+10", "−5" (a true minus), "0". */
export function signedPoints(points: number, lang: Lang): string {
  const digits = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(Math.abs(points));
  return points > 0 ? `+${digits}` : points < 0 ? `\u2212${digits}` : digits;
}

/** A 0–100 score as the share of a bar's width, kept within the bar. */
export const barShare = (score: number | null): number => (score === null ? 0 : Math.min(100, Math.max(0, score)));

// ─── Money and time ─────────────────────────────────────────────────────────

/** US cents as dollars: "$0.34" / "0,34 $"; fractions of a cent show to four decimals. */
export function usdOfCents(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: Number.isInteger(cents) ? 2 : 4,
  }).format(cents / 100);
}

/**
 * An amount as the reader types it: "1,200.50" in English, "1 200,50" in French (spaces,
 * no-break ones included, group the thousands); a dollar sign or "US" may be written. NaN
 * for anything else.
 */
export function parseAmount(text: string, lang: Lang): number {
  const bare = text.replace(/[\s\u00a0\u202f$]|US/gi, '');
  const normal = lang === 'fr' ? bare.replace(',', '.') : bare.replace(/,(?=\d{3}(\D|$))/g, '');
  return /^\d+(\.\d{1,2})?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A run's cost: "12 credits · $0.34" / "12 crédits · 0,34 $". */
export function costText(cost: { credits: number; usdCents: number }, lang: Lang, s: ProspectsStrings): string {
  const credits = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(cost.credits);
  return s.prCostValue(cost.credits, credits, usdOfCents(cost.usdCents, lang));
}

/** A moment in a crowded table: "Dec 2, 7:12 p.m." / "2 déc., 19 h 12" (the year only when not this one). */
export function shortDate(iso: string, lang: Lang, now = Date.now()): string {
  const date = new Date(iso);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale(lang), {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** How long a run took (or has been running, against `now`); null before it started. */
export function runMillis(run: Pick<DiscoveryRunView, 'startedAt' | 'completedAt'>, now: number): number | null {
  if (!run.startedAt) return null;
  const end = run.completedAt ? Date.parse(run.completedAt) : now;
  const start = Date.parse(run.startedAt);
  return Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, end - start) : null;
}

/** A short duration: "< 1 s", "42 s", "3 min 5 s", "1 h 2 min" (the same in both languages). */
export function shortDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return '<\u00a01\u00a0s';
  if (seconds < 60) return `${seconds}\u00a0s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest ? `${minutes}\u00a0min ${rest}\u00a0s` : `${minutes}\u00a0min`;
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours}\u00a0h ${rest}\u00a0min` : `${hours}\u00a0h`;
}

/** Whether a run is still to finish: the screen polls while one is. */
export const isLive = (runs: readonly Pick<DiscoveryRunView, 'status'>[]): boolean =>
  runs.some((run) => run.status === 'pending' || run.status === 'processing');

// ─── Lists and addresses ────────────────────────────────────────────────────

/** Words typed with commas: trimmed, blanks dropped, each once (case aside). */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const word = raw.trim();
    if (!word || seen.has(word.toLocaleLowerCase())) continue;
    seen.add(word.toLocaleLowerCase());
    out.push(word);
  }
  return out;
}

export const joinList = (words: readonly string[]): string => words.join(', ');

/** A website's host as people read it: "plomberie-laval.ca" for "https://www.plomberie-laval.ca/". */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A page's address without its site: "/contact" (the site is in the header); the whole address for another site. */
export function pathOf(url: string, site: string): string {
  try {
    const page = new URL(url);
    const home = new URL(site);
    if (page.host !== home.host) return url;
    return `${page.pathname}${page.search}` || '/';
  } catch {
    return url;
  }
}

/** Whether an address may be a link of the page: http(s) only, never `javascript:` from a site's HTML. */
export function isWebAddress(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

// ─── The ICP form ───────────────────────────────────────────────────────────

/** The form's inputs as typed: lists as comma-separated text, numbers as text (blank: none). */
export interface IcpDraft {
  name: string;
  industries: string;
  province: Province | '';
  cities: string;
  radiusKm: string;
  languages: Language[];
  employeesMin: string;
  employeesMax: string;
  keywords: string;
  dailyQuota: string;
  providers: SearchProvider[];
  active: boolean;
}

export const DEFAULT_QUOTA = 16;

/** The inputs of IcpInput, in the form's order: a 422's messages go under these. */
export const ICP_FIELDS = [
  'name',
  'industries',
  'province',
  'cities',
  'radiusKm',
  'languages',
  'employeesMin',
  'employeesMax',
  'keywords',
  'dailyQuota',
  'providers',
  'active',
] as const satisfies readonly (keyof IcpInput)[];
export type IcpFieldName = (typeof ICP_FIELDS)[number];

const numberText = (value: number | null) => (value === null ? '' : String(value));

/** A new ICP's draft (its providers: those configured), or an existing one's. */
export function icpDraftOf(icp: IcpInput | null, configured: readonly SearchProvider[] = []): IcpDraft {
  if (!icp)
    return {
      name: '',
      industries: '',
      province: '',
      cities: '',
      radiusKm: '',
      languages: [],
      employeesMin: '',
      employeesMax: '',
      keywords: '',
      dailyQuota: String(DEFAULT_QUOTA),
      providers: SEARCH_PROVIDERS.filter((provider) => configured.includes(provider)),
      active: true,
    };
  return {
    name: icp.name,
    industries: joinList(icp.industries),
    province: icp.province ?? '',
    cities: joinList(icp.cities),
    radiusKm: numberText(icp.radiusKm),
    languages: [...icp.languages],
    employeesMin: numberText(icp.employeesMin),
    employeesMax: numberText(icp.employeesMax),
    keywords: joinList(icp.keywords),
    dailyQuota: String(icp.dailyQuota),
    providers: [...icp.providers],
    active: icp.active,
  };
}

/** A number typed: blank is none; anything else is sent as read, for the API to judge (NaN goes as null). */
function numberOf(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed.replace(',', '.'));
  return Number.isFinite(number) ? number : null;
}

/** The body of POST/PUT /staff/icps: the lists split, the numbers read, the vocabularies in their order. */
export function icpInputOf(draft: IcpDraft): IcpInput {
  return {
    name: draft.name.trim(),
    industries: splitList(draft.industries),
    province: PROVINCES.includes(draft.province as Province) ? (draft.province as Province) : null,
    cities: splitList(draft.cities),
    radiusKm: numberOf(draft.radiusKm),
    languages: LANGUAGES.filter((language) => draft.languages.includes(language)),
    employeesMin: numberOf(draft.employeesMin),
    employeesMax: numberOf(draft.employeesMax),
    keywords: splitList(draft.keywords),
    dailyQuota: numberOf(draft.dailyQuota) ?? DEFAULT_QUOTA,
    providers: SEARCH_PROVIDERS.filter((provider) => draft.providers.includes(provider)),
    active: draft.active,
  };
}

/**
 * A 422's messages (`details.fields`) by the form's input: `industries.2` is the industries'
 * input; what names no input (`_`, the whole body) is under `form`.
 */
export function fieldErrorsOf(fields: Record<string, readonly string[]>): {
  byField: Partial<Record<IcpFieldName, string[]>>;
  form: string[];
} {
  const byField: Partial<Record<IcpFieldName, string[]>> = {};
  const form: string[] = [];
  for (const [path, messages] of Object.entries(fields)) {
    const name = ICP_FIELDS.find((field) => field === path.split('.')[0]);
    if (!name) {
      form.push(...messages);
      continue;
    }
    byField[name] = [...new Set([...(byField[name] ?? []), ...messages])];
  }
  return { byField, form: [...new Set(form)] };
}

// ─── The CSV import ─────────────────────────────────────────────────────────

/** The import's body limit. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** The fields a line cannot be imported without: a prospect is a business with a website. */
export const REQUIRED_FIELDS: readonly ProspectField[] = ['businessName', 'website'];

/** The suggested mapping, kept to columns the file has. */
export function initialMapping(suggested: CsvMapping, columns: number): CsvMapping {
  const mapping: CsvMapping = {};
  for (const field of PROSPECT_FIELDS) {
    const column = suggested[field];
    if (column !== undefined && Number.isInteger(column) && column >= 0 && column < columns) mapping[field] = column;
  }
  return mapping;
}

/** The required fields no column is chosen for. */
export const missingRequired = (mapping: CsvMapping): ProspectField[] =>
  REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);

/** The fields whose column an earlier field already takes. */
export function duplicateFields(mapping: CsvMapping): ProspectField[] {
  const taken = new Set<number>();
  const duplicates: ProspectField[] = [];
  for (const field of PROSPECT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (taken.has(column)) duplicates.push(field);
    taken.add(column);
  }
  return duplicates;
}

/** The `mapping` part of the import: the chosen columns only, in the fields' order. */
export function mappingJson(mapping: CsvMapping): string {
  const chosen: CsvMapping = {};
  for (const field of PROSPECT_FIELDS) if (mapping[field] !== undefined) chosen[field] = mapping[field];
  return JSON.stringify(chosen);
}

/** A delimiter's name, when it has one: the screen says "Semicolon (;)" rather than ";". */
export function delimiterName(delimiter: string): 'comma' | 'semicolon' | 'tab' | 'pipe' | null {
  switch (delimiter) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return null;
  }
}

/** Whether a chosen file is a CSV by its name or type (the server reads it either way). */
export const isCsvFile = (file: { name: string; type: string }): boolean =>
  /\.csv$/i.test(file.name) || file.type === 'text/csv' || file.type === 'application/vnd.ms-excel';

/** Line errors in the order of the file, the whole file's first. */
export const byLine = (errors: readonly CsvLineError[]): CsvLineError[] =>
  [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
