/**
 * How far the site analyser agrees with the demo sites' truth (scripts/demo-sites/
 * expected.json, written by hand from the pages, blind to the analyser): each site crawled
 * as discovery crawls it, then field by field against what a careful reader saw. Used by
 * `npm run eval -- --sites` (the figures) and by a unit test (the floors they must keep).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteEvidence } from '../../schema/prospects-api';
import { type CrawlFailure, crawlSite } from '../../worker/features/prospects/analysis/crawl';
import { siteEvidence } from '../../worker/features/prospects/analysis/site-evidence';
import { createSafeFetcher } from '../../worker/platform/fetch/safe-fetch';
import { DEMO_SITE_ROOT, type DemoBusiness, startDemoSites } from '../stack/demo-sites';

/** One site's truth, as scripts/demo-sites/README.md defines each field. */
export interface SiteTruth {
  slug: string;
  reachable: boolean;
  outcome: string;
  language: 'fr' | 'en' | 'bilingual' | null;
  contactForm: null | {
    page: string;
    fields: { name: string | null; kind: string; required: boolean }[];
    hiddenFields: string[];
    honeypot: string | null;
    captcha: string | null;
    javascriptOnly: boolean;
    multiStep: boolean;
    thirdPartyAction: boolean;
  };
  chatWidgets: string[];
  bookingTools: string[];
  emails: { address: string; page: string; visible: boolean; obfuscated: boolean }[];
  phones: string[];
  noSolicitation: null | { pages: string[]; siteWide: boolean };
  copyrightYear: number | null;
  viewport: boolean;
  notes: string;
}

export const AGREEMENT_FIELDS = [
  'outcome',
  'language',
  'contactForm',
  'formFields',
  'hiddenFields',
  'honeypot',
  'captcha',
  'javascriptOnly',
  'chatWidgets',
  'bookingTools',
  'emails',
  'phones',
  'noSolicitation',
  'copyrightYear',
  'viewport',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

export interface FieldVerdict {
  agrees: boolean;
  expected: unknown;
  found: unknown;
}

export interface SiteComparison {
  slug: string;
  /** Only the fields that apply: a site that cannot be read is judged on its outcome alone. */
  fields: Partial<Record<AgreementField, FieldVerdict>>;
  /** Published addresses: expected, found, and found-and-expected. */
  emails: { expected: number; found: number; matched: number };
  phones: { expected: number; found: number; matched: number };
}

/** The truth's outcome names for the crawler's failures. */
const OUTCOME_OF: Record<CrawlFailure, string> = {
  robots_disallowed: 'robots_disallowed',
  refused_address: 'private_redirect',
  timeout: 'timeout',
  unreachable: 'unreachable',
  too_many_redirects: 'redirect_loop',
  http_error: 'server_error',
  not_html: 'not_html',
  too_large: 'too_large',
};

const sorted = (values: readonly string[]) => [...new Set(values)].sort();
const verdict = (expected: unknown, found: unknown): FieldVerdict => ({
  agrees: JSON.stringify(expected) === JSON.stringify(found),
  expected,
  found,
});
const pathOf = (url: string) => new URL(url).pathname;
const overlap = (expected: readonly string[], found: readonly string[]) => ({
  expected: new Set(expected).size,
  found: new Set(found).size,
  matched: sorted(found).filter((value) => expected.includes(value)).length,
});

function siteLanguage(evidence: SiteEvidence): SiteTruth['language'] {
  const languages = new Set(evidence.languages);
  if (languages.has('fr') && languages.has('en')) return 'bilingual';
  return evidence.languages[0] ?? null;
}

/** The fields a visitor fills, as the truth lists them: a radio or checkbox group is one field. */
function visibleFields(evidence: SiteEvidence) {
  const fields = (evidence.form?.fields ?? []).filter((field) => field.kind !== 'hidden' && field.kind !== 'honeypot');
  return fields
    .filter((field, index) => field.name === null || fields[index - 1]?.name !== field.name)
    .map((field) => ({ name: field.name, kind: field.kind, required: field.required }));
}

/** One site: what the analyser read against the truth. `evidence` is null when the crawl failed. */
export function compareSite(
  truth: SiteTruth,
  failure: CrawlFailure | null,
  evidence: SiteEvidence | null,
): SiteComparison {
  const outcome = failure ? OUTCOME_OF[failure] : 'ok';
  const published = truth.emails.filter((email) => email.visible).map((email) => email.address);
  const comparison: SiteComparison = {
    slug: truth.slug,
    fields: { outcome: verdict(truth.outcome, outcome) },
    emails: overlap(published, evidence?.emails.map((email) => email.address) ?? []),
    phones: overlap(truth.phones, evidence?.phones ?? []),
  };
  if (!evidence || truth.outcome !== 'ok') return comparison;

  const form = truth.contactForm;
  const fillable = form && !form.javascriptOnly ? form : null;
  const found = evidence.form;
  const fields = comparison.fields;
  fields.language = verdict(truth.language, siteLanguage(evidence));
  fields.contactForm = verdict(fillable?.page ?? null, found ? pathOf(found.pageUrl) : null);
  fields.javascriptOnly = verdict(form?.javascriptOnly ?? false, evidence.javascriptOnlyForm);
  if (fillable && found) {
    fields.formFields = verdict(fillable.fields, visibleFields(evidence));
    fields.hiddenFields = verdict(
      sorted(fillable.hiddenFields),
      sorted(found.fields.filter((field) => field.kind === 'hidden').flatMap((field) => field.name ?? [])),
    );
    fields.honeypot = verdict(fillable.honeypot, found.fields.find((field) => field.kind === 'honeypot')?.name ?? null);
    fields.captcha = verdict(fillable.captcha, found.captcha);
  }
  fields.chatWidgets = verdict(sorted(truth.chatWidgets), sorted(evidence.chatWidgets));
  fields.bookingTools = verdict(sorted(truth.bookingTools), sorted(evidence.bookingTools));
  fields.emails = verdict(sorted(published), sorted(evidence.emails.map((email) => email.address)));
  fields.phones = verdict(sorted(truth.phones), sorted(evidence.phones));
  fields.noSolicitation = verdict(truth.noSolicitation !== null, evidence.noSolicitation !== null);
  fields.copyrightYear = verdict(truth.copyrightYear, evidence.copyrightYear);
  fields.viewport = verdict(truth.viewport, evidence.viewport);
  return comparison;
}

export interface AgreementReport {
  sites: number;
  /** Per field: the sites it applied to and those where the analyser agreed. */
  fields: Record<AgreementField, { compared: number; agreed: number }>;
  emails: { precision: number; recall: number };
  phones: { precision: number; recall: number };
  comparisons: SiteComparison[];
}

export function summarize(comparisons: readonly SiteComparison[]): AgreementReport {
  const fields = Object.fromEntries(
    AGREEMENT_FIELDS.map((field) => {
      const judged = comparisons.flatMap((comparison) => comparison.fields[field] ?? []);
      return [field, { compared: judged.length, agreed: judged.filter((entry) => entry.agrees).length }];
    }),
  ) as AgreementReport['fields'];
  const rates = (key: 'emails' | 'phones') => {
    const total = (part: 'expected' | 'found' | 'matched') => comparisons.reduce((sum, c) => sum + c[key][part], 0);
    return { precision: total('matched') / total('found'), recall: total('matched') / total('expected') };
  };
  return {
    sites: comparisons.length,
    fields,
    emails: rates('emails'),
    phones: rates('phones'),
    comparisons: [...comparisons],
  };
}

const readJson = <T>(siteRoot: string, name: string) => JSON.parse(readFileSync(join(siteRoot, name), 'utf8')) as T;

/**
 * Crawls every site of a demo-sites folder (the demo sites, or a held-out set in the same
 * layout) through the production fetcher (SSRF rules, size and time limits, robots.txt)
 * and compares. No pacer: one site's pages are read one after the other and the sites are
 * on distinct hosts, so pacing would only add waiting.
 */
export async function measureDemoSites(siteRoot: string = DEMO_SITE_ROOT): Promise<AgreementReport> {
  const sites = await startDemoSites({ siteRoot });
  try {
    const fetcher = createSafeFetcher({
      resolver: { resolve: async () => [] },
      userAgent: 'AvenirBot/1.0 (+http://127.0.0.1/bot; agreement measure)',
      demoSites: { origin: sites.origin },
    });
    const catalogue = readJson<DemoBusiness[]>(siteRoot, 'catalogue.json');
    const truths = new Map(readJson<SiteTruth[]>(siteRoot, 'expected.json').map((truth) => [truth.slug, truth]));
    const comparisons = await Promise.all(
      catalogue.map(async (business) => {
        const now = () => new Date();
        const crawl = await crawlSite(fetcher, business.website, now);
        const evidence = crawl.failure
          ? null
          : siteEvidence({ pages: crawl.pages, fetched: crawl.fetched, website: business.website, now: now() });
        const truth = truths.get(business.slug);
        if (!truth) throw new Error(`${siteRoot}: expected.json has no entry for ${business.slug}`);
        return compareSite(truth, crawl.failure?.reason ?? null, evidence);
      }),
    );
    return summarize(comparisons);
  } finally {
    await sites.close();
  }
}
