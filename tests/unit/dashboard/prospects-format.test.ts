import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  costText,
  duplicateFields,
  fieldErrorsOf,
  filtersFromSearch,
  filtersToSearch,
  hostOf,
  icpDraftOf,
  icpInputOf,
  initialMapping,
  isLive,
  isWebAddress,
  mappingJson,
  missingRequired,
  NO_FILTERS,
  type ProspectFilters,
  parseAmount,
  pathOf,
  prospectListPath,
  runMillis,
  shortDuration,
  signedPoints,
  splitList,
  sumScore,
  usdOfCents,
} from '../../../dashboard/prospects-format';
import { PROSPECTS_STRINGS } from '../../../dashboard/strings/prospects';
import type { IcpInput, ScoreExplanation } from '../../../schema/prospects-api';

const NBSP = '\u00a0';
/** Intl's French spaces (no-break, or narrow no-break in newer ICU) as plain ones, to compare. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const part = (key: string, points: number) => ({
  key,
  points,
  label: { en: key, fr: key },
  detail: null,
});

describe('sumScore: the need score adds up from its base', () => {
  it('keeps a running total that ends on the total', () => {
    const score: ScoreExplanation = {
      base: 45,
      total: 70,
      parts: [part('no-booking', 10), part('no-autoresponder', 15), part('chat', -5), part('french-only', 5)],
      summary: { en: '', fr: '' },
    };
    const sum = sumScore(score);
    expect(sum.lines.map((line) => line.running)).toEqual([55, 70, 65, 70]);
    expect(sum.sum).toBe(70);
    expect(sum.bound).toBe(0);
    expect(sum.base + sum.lines.reduce((total, line) => total + line.part.points, 0) + sum.bound).toBe(sum.total);
  });

  it('says what keeping the score within 45–95 took off or added', () => {
    const capped = sumScore({
      base: 45,
      total: 95,
      parts: [part('a', 30), part('b', 30)],
      summary: { en: '', fr: '' },
    });
    expect(capped.sum).toBe(105);
    expect(capped.bound).toBe(-10);
    expect(capped.sum + capped.bound).toBe(95);
    const raised = sumScore({ base: 45, total: 45, parts: [part('a', -10)], summary: { en: '', fr: '' } });
    expect(raised.bound).toBe(10);
  });

  it('writes points with their sign, a true minus for a negative', () => {
    expect(signedPoints(10, 'en')).toBe('+10');
    expect(signedPoints(-5, 'fr')).toBe('\u22125');
    expect(signedPoints(0, 'en')).toBe('0');
    expect(signedPoints(2.5, 'fr')).toBe('+2,5');
  });
});

describe('costs in both languages', () => {
  it('writes cents as dollars the way each language does', () => {
    expect(usdOfCents(34, 'en')).toBe('$0.34');
    expect(plain(usdOfCents(34, 'fr'))).toBe('0,34 $');
    expect(usdOfCents(123456, 'en')).toBe('$1,234.56');
    expect(plain(usdOfCents(123456, 'fr'))).toBe('1 234,56 $');
    // A fraction of a cent (a cheap request) is not rounded away.
    expect(usdOfCents(0.25, 'en')).toBe('$0.0025');
  });

  it('names credits and dollars, singular and plural', () => {
    const cost = { requests: 3, credits: 12, usdCents: 34 };
    expect(costText(cost, 'en', PROSPECTS_STRINGS.en)).toBe('12 credits · $0.34');
    expect(plain(costText(cost, 'fr', PROSPECTS_STRINGS.fr))).toBe('12 crédits · 0,34 $');
    expect(costText({ ...cost, credits: 1 }, 'en', PROSPECTS_STRINGS.en)).toBe('1 credit · $0.34');
    expect(plain(costText({ ...cost, credits: 1 }, 'fr', PROSPECTS_STRINGS.fr))).toBe('1 crédit · 0,34 $');
    expect(costText({ ...cost, credits: 1 }, 'fr', PROSPECTS_STRINGS.fr)).toContain(`1${NBSP}crédit`);
    expect(plain(costText({ credits: 0, usdCents: 0 }, 'fr', PROSPECTS_STRINGS.fr))).toBe('0 crédit · 0,00 $');
  });
});

describe('the filters in the address and back', () => {
  const full: ProspectFilters = {
    icp: 'icp_1',
    industry: 'Plomberie',
    region: 'QC',
    language: 'fr',
    minScore: 60,
    maxScore: 90,
    hasForm: true,
    contacted: false,
    status: 'analyzed',
    q: 'laval & fils',
    sort: 'fit',
  };

  it('round-trips every filter', () => {
    const search = filtersToSearch(full);
    expect(filtersFromSearch(`?${search}`)).toEqual(full);
    expect(filtersToSearch(filtersFromSearch(search))).toBe(search);
  });

  it('leaves the default sort and empty filters out of the address', () => {
    expect(filtersToSearch(NO_FILTERS)).toBe('');
    expect(filtersToSearch({ sort: 'need', q: '' })).toBe('');
    expect(filtersFromSearch('')).toEqual(NO_FILTERS);
    expect(filtersToSearch({ sort: 'recent', hasForm: false })).toBe('hasForm=false&sort=recent');
  });

  it('drops what is not a valid value', () => {
    expect(
      filtersFromSearch(
        '?language=de&minScore=12&maxScore=abc&hasForm=maybe&status=done&sort=random&industry=%20%20&q=%20plomb%20',
      ),
    ).toEqual({ sort: 'need', q: 'plomb' });
  });

  it('always sends the sort to the API, with the cursor of the next page', () => {
    expect(prospectListPath(NO_FILTERS)).toBe('/staff/prospects?sort=need');
    expect(prospectListPath({ sort: 'need', minScore: 70 }, 'abc')).toBe(
      '/staff/prospects?minScore=70&sort=need&cursor=abc',
    );
  });

  it('counts the filters that narrow the list, not the sort', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount(full)).toBe(10);
  });
});

describe('runs and lists', () => {
  it('times a run, still running or done', () => {
    const start = '2026-03-01T12:00:00.000Z';
    expect(runMillis({ startedAt: null, completedAt: null }, 0)).toBeNull();
    expect(runMillis({ startedAt: start, completedAt: '2026-03-01T12:03:05.000Z' }, 0)).toBe(185_000);
    expect(runMillis({ startedAt: start, completedAt: null }, Date.parse(start) + 4000)).toBe(4000);
    expect(shortDuration(400)).toBe(`<${NBSP}1${NBSP}s`);
    expect(shortDuration(42_000)).toBe(`42${NBSP}s`);
    expect(shortDuration(185_000)).toBe(`3${NBSP}min 5${NBSP}s`);
    expect(shortDuration(3_720_000)).toBe(`1${NBSP}h 2${NBSP}min`);
  });

  it('is live while a run is pending or processing', () => {
    expect(isLive([{ status: 'completed' }, { status: 'failed' }])).toBe(false);
    expect(isLive([{ status: 'completed' }, { status: 'processing' }])).toBe(true);
    expect(isLive([{ status: 'pending' }])).toBe(true);
  });

  it('splits comma-separated words, each once', () => {
    expect(splitList(' plomberie, Chauffage ,, plomberie , PLOMBERIE,électricité ')).toEqual([
      'plomberie',
      'Chauffage',
      'électricité',
    ]);
    expect(splitList('')).toEqual([]);
  });

  it('reads a site and its pages as people do, and links only the web', () => {
    expect(hostOf('https://www.plomberie-laval.ca/')).toBe('plomberie-laval.ca');
    expect(hostOf('not a url')).toBe('not a url');
    expect(pathOf('https://plomberie-laval.ca/contact?x=1', 'https://plomberie-laval.ca/')).toBe('/contact?x=1');
    expect(pathOf('https://other.example/contact', 'https://plomberie-laval.ca/')).toBe(
      'https://other.example/contact',
    );
    expect(isWebAddress('https://a.example')).toBe(true);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
  });
});

describe('the ICP form', () => {
  const icp: IcpInput = {
    name: 'Plombiers de Laval',
    industries: ['plomberie', 'chauffage'],
    province: 'QC',
    cities: ['Laval'],
    radiusKm: 25,
    languages: ['fr'],
    employeesMin: 2,
    employeesMax: null,
    keywords: [],
    dailyQuota: 20,
    providers: ['google_places'],
    active: true,
  };

  it('round-trips an ICP through its draft', () => {
    expect(icpInputOf(icpDraftOf(icp))).toEqual(icp);
  });

  it('starts a new ICP with the default quota and the configured providers', () => {
    const draft = icpDraftOf(null, ['demo', 'pdl']);
    expect(draft.dailyQuota).toBe('16');
    expect(draft.providers).toEqual(['pdl', 'demo']);
    const input = icpInputOf({ ...draft, name: ' Test ', radiusKm: ' ', dailyQuota: '' });
    expect(input.name).toBe('Test');
    expect(input.radiusKm).toBeNull();
    expect(input.dailyQuota).toBe(16);
    expect(input.province).toBeNull();
  });

  it('puts a 422’s messages under their inputs', () => {
    const { byField, form } = fieldErrorsOf({
      name: ['Required.'],
      'industries.1': ['Too long.'],
      'industries.2': ['Too long.'],
      _: ['Something else.'],
    });
    expect(byField).toEqual({ name: ['Required.'], industries: ['Too long.'] });
    expect(form).toEqual(['Something else.']);
  });
});

describe('the CSV mapping', () => {
  it('keeps the suggested columns the file has', () => {
    expect(initialMapping({ businessName: 0, website: 3, email: 9 }, 4)).toEqual({ businessName: 0, website: 3 });
  });

  it('names the required fields left out and the columns used twice', () => {
    expect(missingRequired({ businessName: 0 })).toEqual(['website']);
    expect(missingRequired({ businessName: 0, website: 1 })).toEqual([]);
    expect(duplicateFields({ businessName: 0, website: 1, email: 1 })).toEqual(['email']);
  });

  it('sends the chosen columns only, in the fields’ order', () => {
    expect(mappingJson({ email: 2, businessName: 0, phone: undefined })).toBe('{"businessName":0,"email":2}');
  });
});

describe('an amount typed by the reader', () => {
  it('reads English and French thousands and decimals, a dollar sign and "US" allowed', () => {
    expect(parseAmount('1,200', 'en')).toBe(1200);
    expect(parseAmount('US$1,200.50', 'en')).toBe(1200.5);
    expect(parseAmount('1 200,50 $', 'fr')).toBe(1200.5);
    expect(parseAmount('1\u202f200', 'fr')).toBe(1200);
    expect(parseAmount('0', 'fr')).toBe(0);
  });

  it('refuses what is not an amount rather than guessing', () => {
    for (const [text, lang] of [
      ['', 'en'],
      ['-5', 'en'],
      ['1,2', 'en'],
      ['12.345', 'en'],
      ['douze', 'fr'],
      ['1.200,5', 'fr'],
    ] as const) {
      expect(parseAmount(text, lang)).toBeNaN();
    }
  });
});
