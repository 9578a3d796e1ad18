import { type Language, PROVINCES, type Province } from '../../../../schema/vocabulary';

/**
 * An ICP's words in each provider's vocabulary. Staff write industries as they say them, in
 * English or French ("plombier", "clinique dentaire"); each provider matches its own words:
 * PDL exact canonical industries (LinkedIn's taxonomy), Apollo English keyword tags, Google
 * the words a person would type into Maps in the request's language. Places too: PDL wants
 * "quebec", Apollo "quebec, canada", Google "Laval, QC", and all three answer with their own.
 */

export interface IndustryVocabulary {
  /** A stable name for the entry, in English. */
  key: string;
  pdl: {
    /** PDL canonical industries (lower case) the businesses file under. */
    industries: readonly string[];
    /**
     * Words a business's summary or tags must hold when the industries above are broader than
     * the trade ("construction" for a plumber): PDL bills every record, so the query is narrow.
     */
    narrow: readonly string[];
  };
  /** Apollo keyword tags, English. */
  apollo: readonly string[];
  /** What a person types into Google Maps, in each language. */
  google: Readonly<Record<Language, string>>;
}

interface Entry extends IndustryVocabulary {
  /** What staff write, in either language; matched without case, accents or punctuation. */
  names: readonly string[];
}

const CONSTRUCTION = ['construction'];

const ENTRIES: readonly Entry[] = [
  {
    key: 'plumbing',
    names: ['plumbing', 'plumber', 'plumbers', 'plombier', 'plombiers', 'plomberie'],
    pdl: { industries: CONSTRUCTION, narrow: ['plumbing', 'plumber'] },
    apollo: ['plumbing'],
    google: { en: 'plumber', fr: 'plombier' },
  },
  {
    key: 'roofing',
    names: ['roofing', 'roofer', 'roofers', 'roof repair', 'toiture', 'toitures', 'couvreur', 'couvreurs'],
    pdl: { industries: CONSTRUCTION, narrow: ['roofing', 'roofer'] },
    apollo: ['roofing'],
    google: { en: 'roofer', fr: 'couvreur' },
  },
  {
    key: 'dental',
    names: [
      'dental',
      'dentist',
      'dentists',
      'dentistry',
      'dental clinic',
      'dental office',
      'dentiste',
      'dentistes',
      'clinique dentaire',
      'centre dentaire',
    ],
    pdl: { industries: ['medical practice', 'hospital & health care'], narrow: ['dental', 'dentist', 'dentistry'] },
    apollo: ['dental', 'dentistry'],
    google: { en: 'dentist', fr: 'dentiste' },
  },
  {
    key: 'landscaping',
    names: [
      'landscaping',
      'landscaper',
      'landscapers',
      'landscape',
      'lawn care',
      'paysagement',
      'paysagiste',
      'paysagistes',
      'amenagement paysager',
    ],
    pdl: {
      industries: ['environmental services', 'consumer services', 'construction'],
      narrow: ['landscaping', 'landscape', 'lawn care'],
    },
    apollo: ['landscaping'],
    google: { en: 'landscaper', fr: 'paysagiste' },
  },
  {
    key: 'electrical',
    names: [
      'electrical',
      'electrician',
      'electricians',
      'electrical contractor',
      'electricien',
      'electriciens',
      'electricite',
      'entrepreneur electricien',
    ],
    pdl: { industries: CONSTRUCTION, narrow: ['electrical', 'electrician'] },
    apollo: ['electrical contractor', 'electrical services'],
    google: { en: 'electrician', fr: 'électricien' },
  },
  {
    key: 'renovation',
    names: [
      'renovation',
      'renovations',
      'home renovation',
      'remodeling',
      'general contractor',
      'contractor',
      'entrepreneur general',
      'entrepreneur en renovation',
    ],
    pdl: { industries: CONSTRUCTION, narrow: ['renovation', 'renovations', 'remodeling'] },
    apollo: ['renovation', 'remodeling'],
    google: { en: 'renovation contractor', fr: 'entrepreneur en rénovation' },
  },
  {
    key: 'cleaning',
    names: [
      'cleaning',
      'cleaners',
      'cleaning services',
      'commercial cleaning',
      'janitorial',
      'entretien menager',
      'menage',
      'nettoyage',
      'conciergerie',
    ],
    pdl: { industries: ['facilities services'], narrow: ['cleaning', 'janitorial'] },
    apollo: ['cleaning services', 'janitorial'],
    google: { en: 'cleaning service', fr: 'entretien ménager' },
  },
  {
    key: 'hvac',
    names: [
      'hvac',
      'heating',
      'air conditioning',
      'heat pump',
      'heat pumps',
      'thermopompe',
      'thermopompes',
      'chauffage',
      'climatisation',
      'chauffage et climatisation',
      'ventilation',
    ],
    pdl: { industries: CONSTRUCTION, narrow: ['hvac', 'heating', 'air conditioning', 'heat pump'] },
    apollo: ['hvac'],
    google: { en: 'HVAC contractor', fr: 'chauffage et climatisation' },
  },
  {
    key: 'physiotherapy',
    names: [
      'physiotherapy',
      'physiotherapist',
      'physiotherapists',
      'physio',
      'physical therapy',
      'physiotherapie',
      'physiotherapeute',
      'physiotherapeutes',
      'clinique de physiotherapie',
    ],
    pdl: {
      industries: ['medical practice', 'health, wellness and fitness', 'hospital & health care'],
      narrow: ['physiotherapy', 'physical therapy', 'physiotherapist'],
    },
    apollo: ['physiotherapy', 'physical therapy'],
    google: { en: 'physiotherapist', fr: 'physiothérapeute' },
  },
  {
    key: 'chiropractic',
    names: ['chiropractic', 'chiropractor', 'chiropractors', 'chiropratique', 'chiropraticien', 'chiropraticienne'],
    pdl: { industries: ['medical practice', 'health, wellness and fitness'], narrow: ['chiropractic', 'chiropractor'] },
    apollo: ['chiropractic'],
    google: { en: 'chiropractor', fr: 'chiropraticien' },
  },
  {
    key: 'accounting',
    names: [
      'accounting',
      'accountant',
      'accountants',
      'bookkeeping',
      'cpa',
      'comptable',
      'comptables',
      'comptabilite',
      'cabinet comptable',
      'tenue de livres',
    ],
    pdl: { industries: ['accounting'], narrow: [] },
    apollo: ['accounting'],
    google: { en: 'accountant', fr: 'comptable' },
  },
  {
    key: 'law',
    names: [
      'law',
      'legal',
      'law firm',
      'lawyer',
      'lawyers',
      'attorney',
      'avocat',
      'avocats',
      'avocate',
      'cabinet d avocats',
    ],
    pdl: { industries: ['law practice', 'legal services'], narrow: [] },
    apollo: ['law firm', 'legal services'],
    google: { en: 'lawyer', fr: 'avocat' },
  },
  {
    key: 'real estate',
    names: [
      'real estate',
      'realtor',
      'realtors',
      'real estate agent',
      'real estate broker',
      'immobilier',
      'courtier immobilier',
      'courtiers immobiliers',
      'agence immobiliere',
    ],
    pdl: { industries: ['real estate'], narrow: [] },
    apollo: ['real estate'],
    google: { en: 'real estate agency', fr: 'courtier immobilier' },
  },
  {
    key: 'auto repair',
    names: [
      'auto repair',
      'car repair',
      'automotive repair',
      'mechanic',
      'auto mechanic',
      'garage',
      'garage automobile',
      'mecanique',
      'mecanique automobile',
      'mecanicien',
      'reparation automobile',
    ],
    pdl: { industries: ['automotive'], narrow: ['auto repair', 'car repair', 'mechanic', 'garage'] },
    apollo: ['auto repair', 'automotive repair'],
    google: { en: 'auto repair shop', fr: 'garage automobile' },
  },
  {
    key: 'restaurant',
    names: ['restaurant', 'restaurants', 'resto', 'bistro', 'restauration'],
    pdl: { industries: ['restaurants'], narrow: [] },
    apollo: ['restaurants'],
    google: { en: 'restaurant', fr: 'restaurant' },
  },
  {
    key: 'hair salon',
    names: [
      'hair salon',
      'hairdresser',
      'barber',
      'barbershop',
      'salon de coiffure',
      'coiffure',
      'coiffeur',
      'barbier',
    ],
    pdl: { industries: ['consumer services', 'cosmetics'], narrow: ['hair salon', 'hairdresser', 'barber'] },
    apollo: ['hair salon', 'barbershop'],
    google: { en: 'hair salon', fr: 'salon de coiffure' },
  },
  {
    key: 'veterinary',
    names: ['veterinary', 'veterinarian', 'vet', 'animal hospital', 'veterinaire', 'clinique veterinaire'],
    pdl: { industries: ['veterinary'], narrow: [] },
    apollo: ['veterinary'],
    google: { en: 'veterinarian', fr: 'clinique vétérinaire' },
  },
  {
    key: 'insurance',
    names: ['insurance', 'insurance broker', 'insurance agency', 'assurance', 'assurances', 'courtier d assurance'],
    pdl: { industries: ['insurance'], narrow: [] },
    apollo: ['insurance'],
    google: { en: 'insurance agency', fr: 'courtier en assurance' },
  },
  {
    key: 'pest control',
    names: ['pest control', 'exterminator', 'exterminateur', 'extermination', 'gestion parasitaire'],
    pdl: { industries: ['consumer services', 'environmental services'], narrow: ['pest control', 'exterminator'] },
    apollo: ['pest control'],
    google: { en: 'pest control service', fr: 'exterminateur' },
  },
];

/** Lower case, no accents, punctuation as spaces: "Clinique d'Électricité" → "clinique d electricite". */
export function normalizeTerm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

const BY_NAME = new Map<string, Entry>(ENTRIES.flatMap((entry) => entry.names.map((name) => [name, entry] as const)));
/** Longest first, so "clinique dentaire" wins over a shorter name inside it. */
const NAMES_BY_LENGTH = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

/**
 * The vocabulary of an industry name: the name itself, else the longest known name it holds
 * as whole words ("plomberie résidentielle" is plumbing). Null when none: a trade this table
 * does not know, which each provider then gets as written.
 */
export function lookupIndustry(name: string): IndustryVocabulary | null {
  const term = normalizeTerm(name);
  if (term === '') return null;
  const exact = BY_NAME.get(term) ?? BY_NAME.get(term.replace(/s$/, ''));
  if (exact) return exact;
  const padded = ` ${term} `;
  const held = NAMES_BY_LENGTH.find((known) => padded.includes(` ${known} `));
  return held ? BY_NAME.get(held)! : null;
}

const unique = (values: Iterable<string>): string[] => [...new Set(values)];

/** Apollo keyword tags for the names; an unknown name is its own tag. */
export function apolloKeywordTags(names: readonly string[]): string[] {
  return unique(names.flatMap((name) => lookupIndustry(name)?.apollo ?? [name.trim()]).filter(Boolean));
}

/** What to type into Google for each name, in the request's language; an unknown name as written. */
export function googleQueryTerms(names: readonly string[], language: Language): string[] {
  return unique(names.map((name) => lookupIndustry(name)?.google[language] ?? name.trim()).filter(Boolean));
}

// --- places ----------------------------------------------------------------------------

const PROVINCE_NAMES: Readonly<Record<Province, Readonly<Record<Language, string>>>> = {
  AB: { en: 'Alberta', fr: 'Alberta' },
  BC: { en: 'British Columbia', fr: 'Colombie-Britannique' },
  MB: { en: 'Manitoba', fr: 'Manitoba' },
  NB: { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
  NL: { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
  NS: { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
  NT: { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
  NU: { en: 'Nunavut', fr: 'Nunavut' },
  ON: { en: 'Ontario', fr: 'Ontario' },
  PE: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
  QC: { en: 'Quebec', fr: 'Québec' },
  SK: { en: 'Saskatchewan', fr: 'Saskatchewan' },
  YT: { en: 'Yukon', fr: 'Yukon' },
};

export const provinceName = (province: Province, language: Language): string => PROVINCE_NAMES[province][language];

const PROVINCE_BY_TERM = new Map<string, Province>(
  PROVINCES.flatMap((province) => [
    [province.toLowerCase(), province] as const,
    [normalizeTerm(PROVINCE_NAMES[province].en), province] as const,
    [normalizeTerm(PROVINCE_NAMES[province].fr), province] as const,
  ]),
);
// Older spellings providers still answer with.
PROVINCE_BY_TERM.set('yukon territory', 'YT');
PROVINCE_BY_TERM.set('newfoundland', 'NL');
PROVINCE_BY_TERM.set('pei', 'PE');

/** The province a provider's region names ("quebec", "Québec", "QC"), or null for none of ours. */
export function provinceOf(region: string | null | undefined): Province | null {
  if (!region) return null;
  return PROVINCE_BY_TERM.get(normalizeTerm(region)) ?? null;
}

/** A record's region: our abbreviation when it is a province, else as the provider wrote it. */
export function regionOf(region: string | null | undefined): string | null {
  const trimmed = region?.trim();
  if (!trimmed) return null;
  return provinceOf(trimmed) ?? trimmed;
}

const COUNTRY_CODES = new Map<string, string>([
  ['canada', 'CA'],
  ['united states', 'US'],
  ['united states of america', 'US'],
  ['usa', 'US'],
  ['etats unis', 'US'],
]);

/** An ISO code from a country's name or code; null rather than a guess for a name not listed. */
export function countryCode(country: string | null | undefined): string | null {
  const trimmed = country?.trim();
  if (!trimmed) return null;
  if (/^[a-z]{2}$/i.test(trimmed)) return trimmed.toUpperCase();
  return COUNTRY_CODES.get(normalizeTerm(trimmed)) ?? null;
}
