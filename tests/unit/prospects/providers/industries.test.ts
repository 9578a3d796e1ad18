import { describe, expect, it } from 'vitest';
import {
  apolloKeywordTags,
  countryCode,
  googleQueryTerms,
  lookupIndustry,
  normalizeTerm,
  provinceName,
  provinceOf,
  regionOf,
} from '../../../../worker/features/prospects/providers/industries';

describe('lookupIndustry', () => {
  it.each([
    ['plumbing', 'plumbing'],
    ['Plombier', 'plumbing'],
    ['plomberie', 'plumbing'],
    ['Plomberie résidentielle', 'plumbing'],
    ['roofing', 'roofing'],
    ['toiture', 'roofing'],
    ['Couvreur', 'roofing'],
    ['dental', 'dental'],
    ['dentiste', 'dental'],
    ['Clinique dentaire', 'dental'],
    ['dental clinic', 'dental'],
    ['landscaping', 'landscaping'],
    ['paysagement', 'landscaping'],
    ['electrical', 'electrical'],
    ['Électricien', 'electrical'],
    ['renovation', 'renovation'],
    ['rénovation', 'renovation'],
    ['cleaning', 'cleaning'],
    ['entretien ménager', 'cleaning'],
    ['HVAC', 'hvac'],
    ['thermopompe', 'hvac'],
    ['thermopompes', 'hvac'],
    ['physiotherapy', 'physiotherapy'],
    ['physiothérapie', 'physiotherapy'],
    ['accounting', 'accounting'],
    ['comptable', 'accounting'],
    ['law', 'law'],
    ['avocat', 'law'],
    ["cabinet d'avocats", 'law'],
    ['real estate', 'real estate'],
    ['courtier immobilier', 'real estate'],
    ['auto repair', 'auto repair'],
    ['garage', 'auto repair'],
    ['restaurant', 'restaurant'],
    ['Restaurants', 'restaurant'],
  ])('%s → %s', (name, key) => {
    expect(lookupIndustry(name)?.key).toBe(key);
  });

  it('matches whole words only', () => {
    // "law" is not in "lawn", nor "vet" in "velvet".
    expect(lookupIndustry('lawn mowing')).toBeNull();
    expect(lookupIndustry('velvet')).toBeNull();
    expect(lookupIndustry('')).toBeNull();
    expect(lookupIndustry('boulangerie')).toBeNull();
  });

  it('gives PDL canonical industries, narrowed when broader than the trade', () => {
    expect(lookupIndustry('plombier')?.pdl).toEqual({ industries: ['construction'], narrow: ['plumbing', 'plumber'] });
    expect(lookupIndustry('dentiste')?.pdl.industries).toEqual(['medical practice', 'hospital & health care']);
    expect(lookupIndustry('avocat')?.pdl).toEqual({ industries: ['law practice', 'legal services'], narrow: [] });
    expect(lookupIndustry('comptable')?.pdl.industries).toEqual(['accounting']);
    expect(lookupIndustry('entretien ménager')?.pdl.industries).toEqual(['facilities services']);
    expect(lookupIndustry('garage')?.pdl.industries).toEqual(['automotive']);
    expect(lookupIndustry('restaurant')?.pdl.industries).toEqual(['restaurants']);
    expect(lookupIndustry('courtier immobilier')?.pdl.industries).toEqual(['real estate']);
  });
});

describe('apolloKeywordTags', () => {
  it('gives English tags, once each, and passes unknown names through', () => {
    expect(apolloKeywordTags(['plombier', 'plomberie', 'Toiture', 'Boulangerie artisanale'])).toEqual([
      'plumbing',
      'roofing',
      'Boulangerie artisanale',
    ]);
    expect(apolloKeywordTags(['dentiste'])).toEqual(['dental', 'dentistry']);
    expect(apolloKeywordTags(['  '])).toEqual([]);
  });
});

describe('googleQueryTerms', () => {
  it('gives the words a person types, in the request language', () => {
    expect(googleQueryTerms(['plumbing', 'couvreur'], 'fr')).toEqual(['plombier', 'couvreur']);
    expect(googleQueryTerms(['plombier', 'toiture'], 'en')).toEqual(['plumber', 'roofer']);
    expect(googleQueryTerms(['clinique dentaire', 'dentist'], 'fr')).toEqual(['dentiste']);
    expect(googleQueryTerms(['Boulangerie'], 'en')).toEqual(['Boulangerie']);
  });
});

describe('places', () => {
  it('names provinces in each language', () => {
    expect(provinceName('QC', 'en')).toBe('Quebec');
    expect(provinceName('QC', 'fr')).toBe('Québec');
    expect(provinceName('BC', 'fr')).toBe('Colombie-Britannique');
  });

  it('reads a province from any provider’s spelling', () => {
    expect(provinceOf('quebec')).toBe('QC');
    expect(provinceOf('Québec')).toBe('QC');
    expect(provinceOf('QC')).toBe('QC');
    expect(provinceOf('british columbia')).toBe('BC');
    expect(provinceOf('Île-du-Prince-Édouard')).toBe('PE');
    expect(provinceOf('California')).toBeNull();
    expect(regionOf('ontario')).toBe('ON');
    expect(regionOf(' California ')).toBe('California');
    expect(regionOf('')).toBeNull();
    expect(regionOf(null)).toBeNull();
  });

  it('gives ISO country codes, not guesses', () => {
    expect(countryCode('canada')).toBe('CA');
    expect(countryCode('Canada')).toBe('CA');
    expect(countryCode('ca')).toBe('CA');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('Narnia')).toBeNull();
    expect(countryCode(undefined)).toBeNull();
  });

  it('normalises terms without case, accents or punctuation', () => {
    expect(normalizeTerm("  Clinique d'Électricité  ")).toBe('clinique d electricite');
    expect(normalizeTerm('Hospital & Health-Care')).toBe('hospital & health care');
  });
});
