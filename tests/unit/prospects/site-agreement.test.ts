import { describe, expect, it } from 'vitest';
import type { SiteEvidence } from '../../../schema/prospects-api';
import { compareSite, measureDemoSites, type SiteTruth } from '../../../scripts/lib/site-agreement';

/**
 * The analyser against the demo sites' hand-written truth, as `npm run eval -- --sites`
 * prints it. The floors are what the prospect screens rely on: a site that cannot be read
 * says why, and a no-solicitation notice is never missed (CASL).
 */

describe('the site analyser on the demo sites', () => {
  it('agrees with the truth on every site it can read, field by field', async () => {
    const report = await measureDemoSites();
    const rate = (field: keyof typeof report.fields) => report.fields[field].agreed / report.fields[field].compared;
    const misses = report.comparisons.flatMap((comparison) =>
      Object.entries(comparison.fields)
        .filter(([, verdict]) => !verdict.agrees)
        .map(([field, verdict]) => `${comparison.slug} ${field}: ${JSON.stringify(verdict.found)}`),
    );
    expect(report.sites).toBe(32);
    expect(rate('outcome'), misses.join('\n')).toBe(1);
    expect(rate('noSolicitation'), misses.join('\n')).toBe(1);
    for (const field of ['language', 'contactForm', 'chatWidgets', 'bookingTools', 'emails', 'phones'] as const) {
      expect(rate(field), `${field}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    }
    expect(report.emails.precision).toBe(1); // an address it invents could be written to
  }, 60_000);
});

describe('comparing one site', () => {
  const truth: SiteTruth = {
    slug: 'exemple',
    reachable: true,
    outcome: 'ok',
    language: 'fr',
    contactForm: null,
    chatWidgets: [],
    bookingTools: ['calendly'],
    emails: [
      { address: 'info@exemple.test', page: '/', visible: true, obfuscated: false },
      { address: 'cache@exemple.test', page: '/', visible: false, obfuscated: false },
    ],
    phones: ['+15145550142'],
    noSolicitation: null,
    copyrightYear: 2019,
    viewport: true,
    notes: '',
  };
  const evidence: SiteEvidence = {
    pages: [],
    emails: [],
    phones: ['+15145550142', '+15145550143'],
    form: null,
    javascriptOnlyForm: false,
    chatWidgets: [],
    bookingTools: ['calendly'],
    noSolicitation: null,
    copyrightYear: 2019,
    viewport: true,
    https: true,
    languages: ['fr', 'en'],
  };

  it('says which fields disagree, and counts only published addresses as expected', () => {
    const comparison = compareSite(truth, null, evidence);
    const disagreeing = Object.entries(comparison.fields).filter(([, verdict]) => !verdict.agrees);
    expect(disagreeing.map(([field]) => field)).toEqual(['language', 'emails', 'phones']);
    expect(comparison.fields.language!.found).toBe('bilingual');
    expect(comparison.emails).toEqual({ expected: 1, found: 0, matched: 0 });
    expect(comparison.phones).toEqual({ expected: 1, found: 2, matched: 1 });
  });

  it('judges a site that could not be read on its outcome alone', () => {
    const down = compareSite({ ...truth, outcome: 'server_error' }, 'http_error', null);
    expect(Object.keys(down.fields)).toEqual(['outcome']);
    expect(down.fields.outcome!.agrees).toBe(true);
    expect(compareSite({ ...truth, outcome: 'timeout' }, 'unreachable', null).fields.outcome!.agrees).toBe(false);
  });
});
