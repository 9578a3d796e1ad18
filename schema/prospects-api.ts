/**
 * The JSON of prospect discovery's API, for internal (Avenir staff) accounts under
 * /api/app/staff: the prospect pool, one prospect with its evidence, ideal customer
 * profiles, discovery runs, the CSV import and the operator's profile. Shared by the Worker
 * (worker/features/prospects) and the dashboard. Types only.
 */
import type {
  JobStatus,
  Language,
  ProspectAnalysisStatus,
  ProspectProvider,
  Province,
  SearchProvider,
} from './vocabulary';

/** Text in both languages; the screen shows the reader's. */
export interface BilingualText {
  en: string;
  fr: string;
}

// ─── The pool ────────────────────────────────────────────────────────────────

export const PROSPECT_SORTS = ['need', 'fit', 'recent'] as const;
export type ProspectSort = (typeof PROSPECT_SORTS)[number];

/**
 * `GET /api/app/staff/prospects` query: every filter optional. `minScore`/`maxScore` bound
 * the automation-need score (45–95); `hasForm`/`contacted` are "true" or "false".
 */
export interface ProspectListQuery {
  icp?: string;
  industry?: string;
  region?: string;
  language?: Language;
  minScore?: number;
  maxScore?: number;
  hasForm?: boolean;
  contacted?: boolean;
  status?: ProspectAnalysisStatus;
  q?: string;
  sort?: ProspectSort;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface ProspectRow {
  id: string;
  businessName: string;
  website: string;
  industry: string | null;
  city: string | null;
  region: string | null;
  language: Language | null;
  /** The site serves both languages (language is its first). */
  bilingual: boolean;
  automationNeedScore: number | null;
  /** Semantic fit to the operator's profile, 0–100; null before analysis or without a profile. */
  fitScore: number | null;
  hasForm: boolean;
  /** A published address that may be written to exists. */
  contactable: boolean;
  contacted: boolean;
  analysisStatus: ProspectAnalysisStatus;
  sources: ProspectProvider[];
  createdAt: string;
}

export interface ProspectListView {
  prospects: ProspectRow[];
  /** Prospects matching the filters, all pages. */
  total: number;
  nextCursor: string | null;
  /** The values the filters offer, from the whole pool. */
  facets: { industries: string[]; regions: string[]; icps: { id: string; name: string }[] };
}

// ─── One prospect ────────────────────────────────────────────────────────────

/** One part of the automation-need score: "No online booking +10". */
export interface ScorePart {
  key: string;
  points: number;
  label: BilingualText;
  /** What on the site showed it, e.g. the page it was (not) found on. */
  detail: BilingualText | null;
}

export interface ScoreExplanation {
  /** 45–95. */
  total: number;
  base: number;
  parts: ScorePart[];
  /** One sentence of the parts, for a list: "no autoresponder, no booking link, French-only site". */
  summary: BilingualText;
}

export interface FetchedPageEvidence {
  url: string;
  status: number | null;
  /** Why the page could not be read: robots, a refused address, a timeout… */
  error: string | null;
  title: string | null;
  fetchedAt: string;
}

/** CASL evidence for one published address. */
export interface EmailEvidence {
  address: string;
  pageUrl: string;
  foundAt: string;
  /** A mailto link (conspicuous), or an address written in the page's text. */
  how: 'mailto' | 'text';
  /** A "no solicitation" notice was on that page or on every page of the site. */
  noSolicitationNotice: boolean;
  /** May be written to under implied consent: published, no notice. */
  contactable: boolean;
}

export interface FormField {
  name: string | null;
  type: string;
  label: string | null;
  required: boolean;
  /** What it asks for, as read from its name, label and type. */
  kind: 'name' | 'email' | 'phone' | 'message' | 'company' | 'service' | 'hidden' | 'honeypot' | 'other';
  /** The value the page puts in it (a hidden token, a checkbox's or radio's value); absent in older analyses. */
  value?: string | null;
  /** A select's option values, the empty placeholder left out. */
  options?: string[];
}

export interface FormEvidence {
  pageUrl: string;
  /** Where it posts. */
  action: string;
  method: 'get' | 'post';
  enctype: string;
  fields: FormField[];
  captcha: 'recaptcha' | 'hcaptcha' | 'turnstile' | null;
  /** Split into steps a script reveals one after the other ("Étape 1 de 3"); absent in older analyses. */
  multiStep?: boolean;
}

export interface SiteEvidence {
  pages: FetchedPageEvidence[];
  emails: EmailEvidence[];
  phones: string[];
  form: FormEvidence | null;
  /** Inputs without a <form>, sent by a script: not fillable. */
  javascriptOnlyForm: boolean;
  /** Where those inputs are: the contact page a form test visits, and refuses; absent in older analyses. */
  javascriptOnlyFormUrl?: string | null;
  chatWidgets: string[];
  bookingTools: string[];
  noSolicitation: { pageUrl: string; excerpt: string } | null;
  /** The newest copyright year printed on the site. */
  copyrightYear: number | null;
  viewport: boolean;
  https: boolean;
  languages: Language[];
}

export interface ProspectSource {
  provider: ProspectProvider;
  sourceId: string;
  foundAt: string;
  icpId: string | null;
}

export interface ProspectDetail extends ProspectRow {
  contactEmail: string | null;
  phone: string | null;
  formUrl: string | null;
  employees: number | null;
  lastTested: string | null;
  responseScore: number | null;
  analyzedAt: string | null;
  /** Why the analysis failed, when it did. */
  analysisError: string | null;
  score: ScoreExplanation | null;
  evidence: SiteEvidence | null;
  sourceRecords: ProspectSource[];
  icps: { id: string; name: string }[];
}

// ─── Ideal customer profiles ────────────────────────────────────────────────

/** `POST /api/app/staff/icps` and `PUT /api/app/staff/icps/:id`. */
export interface IcpInput {
  name: string;
  industries: string[];
  province: Province | null;
  cities: string[];
  radiusKm: number | null;
  languages: Language[];
  employeesMin: number | null;
  employeesMax: number | null;
  keywords: string[];
  /** 1–200, default 16: new, analysed prospects a day. */
  dailyQuota: number;
  providers: SearchProvider[];
  active: boolean;
}

export interface IcpView extends IcpInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  /** Prospects this ICP has found, all time. */
  prospects: number;
  lastRun: DiscoveryRunView | null;
}

// ─── Discovery runs ─────────────────────────────────────────────────────────

export interface ProviderRunResult {
  provider: SearchProvider;
  found: number;
  requests: number;
  credits: number;
  usdCents: number;
  /** The provider's failure, when it stopped early: what was found before it is kept. */
  error: { kind: string; message: string } | null;
}

/** What one run of one ICP did (the `queue_jobs` row's result). */
export interface DiscoveryResult {
  found: number;
  new: number;
  merged: number;
  analysed: number;
  failed: number;
  /** Records without a usable website. */
  skipped: number;
  quota: number;
  providers: ProviderRunResult[];
  cost: { requests: number; credits: number; usdCents: number };
}

export interface DiscoveryRunView {
  /** The queue_jobs row. */
  id: string;
  icpId: string;
  icpName: string;
  status: JobStatus;
  /** Who started it: the daily cron or a person. */
  trigger: 'daily' | 'operator';
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  result: DiscoveryResult | null;
  error: string | null;
}

export interface ProviderStatusView {
  provider: SearchProvider;
  configured: boolean;
  /** The secret (or setting) that turns it on, e.g. PDL_API_KEY. */
  setting: string;
}

/** `GET /api/app/staff/discovery`. */
export interface DiscoveryView {
  providers: ProviderStatusView[];
  icps: IcpView[];
  runs: DiscoveryRunView[];
  pool: { total: number; analysed: number; pending: number; failed: number; withForm: number; contactable: number };
}

/** `POST /api/app/staff/discovery/run` body: one ICP, or every active one. Answers 202. */
export interface DiscoveryRunRequest {
  icpId?: string;
}

export interface DiscoveryRunAccepted {
  runs: DiscoveryRunView[];
}

// ─── CSV import ─────────────────────────────────────────────────────────────

export const PROSPECT_FIELDS = [
  'businessName',
  'website',
  'email',
  'phone',
  'industry',
  'city',
  'region',
  'country',
  'employees',
  'linkedinUrl',
  'address',
] as const;
export type ProspectField = (typeof PROSPECT_FIELDS)[number];
/** Field → column index (0-based). */
export type CsvMapping = Partial<Record<ProspectField, number>>;

export interface CsvLineError {
  /** 1-based physical line of the file (the header is line 1); null: the whole file. */
  line: number | null;
  code: string;
  message: string;
}

/**
 * `POST /api/app/staff/prospects/import/preview`, multipart with `file`: what the file
 * holds, before anything is stored.
 */
export interface CsvPreview {
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
  headers: string[];
  /** The first rows, for the mapping screen. */
  sample: string[][];
  rows: number;
  suggestedMapping: CsvMapping;
  problems: CsvLineError[];
}

/**
 * `POST /api/app/staff/prospects/import`, multipart with `file` and `mapping` (JSON of a
 * CsvMapping), optional `icpId` to credit: the lines are upserted like any provider's.
 */
export interface CsvImportResult {
  lines: number;
  new: number;
  merged: number;
  /** Lines that could not be imported, each with its error; the others were. */
  errors: CsvLineError[];
  /** Lines imported with something dropped (an invalid email, say). */
  warnings: CsvLineError[];
  /** New prospects queued for site analysis. */
  queued: number;
}

// ─── The operator's profile (semantic fit) ──────────────────────────────────

/** `GET`/`PUT /api/app/staff/profile`. */
export interface OperatorProfileView {
  text: string;
  chunks: number;
  embeddingModel: string | null;
  updatedAt: string | null;
  /** Prospects whose fit score was recomputed by the last save. */
  rescored: number | null;
}

export interface OperatorProfileInput {
  text: string;
}
