import { type CsvMapping, PROSPECT_FIELDS, type ProspectField } from '../../../../schema/prospects-api';
import type { Province } from '../../../../schema/vocabulary';
import { AppError, bilingual, type LocalizedText } from '../../../platform/errors';
import type { ProviderRecord } from '../providers/port';
import { isDirectoryDomain, normalizePhone, normalizeWebsite, registrableDomain } from '../website';
import type { CsvProblem, CsvRow } from './parse';

/**
 * From a CSV's columns to prospect records. Staff map each column to a field (the screen
 * starts from `suggestMapping`); `mapRows` turns every line into a ProviderRecord with source
 * 'csv' or says, in both languages, why it cannot.
 *
 * The rules:
 * - A line is imported only with a business name and a usable website: the pool is keyed by
 *   website, so a line without one (empty, "n/a", "facebook", an email address, a Facebook or
 *   Yellow Pages page that many businesses share) is an error, whatever else it holds.
 * - An optional field that cannot be used (an invalid email, phone, LinkedIn URL, employee
 *   count, country) does not stop the line: it is imported without that field, and the line
 *   gets a warning with the code, so staff can fix the file if they care.
 * - A website already seen on an earlier line is imported again (the upsert merges the two,
 *   filling what the first lacked), with a warning naming the earlier line.
 * - Placeholders ("n/a", "N/D", "-", "aucun", "null"…) count as empty.
 * - Cells are text: nothing in them is evaluated ("=HYPERLINK(…)" stays a string).
 */

// One list for the API (schema/prospects-api.ts, which the dashboard reads) and this module.
export { type CsvMapping, PROSPECT_FIELDS, type ProspectField };

/** Fields a mapping must give a column: the name to show, the website to key the pool by. */
export const REQUIRED_PROSPECT_FIELDS: readonly ProspectField[] = ['businessName', 'website'];

export const PROSPECT_FIELD_LABELS: Readonly<Record<ProspectField, LocalizedText>> = {
  businessName: bilingual('Business name', 'Nom de l’entreprise'),
  website: bilingual('Website', 'Site Web'),
  email: bilingual('Email', 'Courriel'),
  phone: bilingual('Phone', 'Téléphone'),
  industry: bilingual('Industry', 'Secteur d’activité'),
  city: bilingual('City', 'Ville'),
  region: bilingual('Province or region', 'Province ou région'),
  country: bilingual('Country', 'Pays'),
  employees: bilingual('Employees', 'Nombre d’employés'),
  linkedinUrl: bilingual('LinkedIn page', 'Page LinkedIn'),
  address: bilingual('Address', 'Adresse'),
};

/** An error stops its line; a warning is about a field left out of an imported line. */
export type LineError = CsvProblem;

export interface MappedRows {
  records: ProviderRecord[];
  /** One or more per line that is not imported. */
  errors: LineError[];
  /** About lines that are imported: a field left out, a website seen earlier in the file. */
  warnings: LineError[];
}

export interface MappingProblem {
  field: string;
  code: 'required_field_unmapped' | 'column_out_of_range' | 'column_mapped_twice' | 'unknown_field';
  message: LocalizedText;
}

// --- header suggestion ---------------------------------------------------------------

/** Lower case, no accents, no punctuation, camelCase and snake_case split: "Nom de l’entreprise" → "nom de l entreprise". */
export function foldHeader(value: string): string {
  return (
    value
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      // The camelCase split above would cut the brand in two.
      .replace(/\blinked in\b/g, 'linkedin')
  );
}

/** Exact header names, best first within a field (a "Province" column beats a "Région" one). */
const EXACT_HEADERS: Record<ProspectField, readonly string[]> = {
  businessName: [
    'business name',
    'company name',
    'nom de l entreprise',
    'raison sociale',
    'nom entreprise',
    'nom de la compagnie',
    'nom de l organisation',
    'nom commercial',
    'nom du commerce',
    'organization name',
    'organisation name',
    'account name',
    'company',
    'business',
    'entreprise',
    'compagnie',
    'organization',
    'organisation',
    'societe',
    'commerce',
    'etablissement',
    'name',
    'nom',
  ],
  website: [
    'website',
    'web site',
    'site web',
    'site internet',
    'website url',
    'site web de l entreprise',
    'adresse web',
    'adresse du site',
    'adresse du site web',
    'homepage',
    'url',
    'site',
    'web',
    'domain',
  ],
  email: [
    'email',
    'e mail',
    'courriel',
    'adresse courriel',
    'email address',
    'e mail address',
    'adresse e mail',
    'adresse email',
    'adresse electronique',
    'courrier electronique',
    'mail',
  ],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'telephone number',
    'tel',
    'numero de telephone',
    'no de telephone',
    'no telephone',
    'no de tel',
    'cellulaire',
    'cell',
    'mobile',
  ],
  industry: [
    'industry',
    'secteur d activite',
    'secteur',
    'industrie',
    'domaine d activite',
    'sector',
    'category',
    'categorie',
    'activite',
    'type d entreprise',
    'vertical',
  ],
  city: ['city', 'ville', 'municipalite', 'town', 'localite', 'locality'],
  region: ['province', 'province state', 'state province', 'province etat', 'etat province', 'state', 'etat', 'region'],
  country: ['country', 'pays'],
  employees: [
    'employees',
    'employes',
    'nombre d employes',
    'nb employes',
    'nombre employes',
    'number of employees',
    'employee count',
    'headcount',
    'effectif',
    'company size',
    'taille de l entreprise',
    'taille',
    'staff',
  ],
  linkedinUrl: ['linkedin', 'linkedin url', 'company linkedin', 'linkedin page', 'page linkedin', 'profil linkedin'],
  address: [
    'address',
    'adresse',
    'street address',
    'adresse postale',
    'adresse civique',
    'mailing address',
    'street',
    'rue',
  ],
};

const EXACT_INDEX = new Map<string, { field: ProspectField; rank: number }>();
for (const field of PROSPECT_FIELDS) {
  EXACT_HEADERS[field].forEach((name, rank) => {
    if (!EXACT_INDEX.has(name)) EXACT_INDEX.set(name, { field, rank });
  });
}

/** Words naming a person, not the business: "Contact name", "Prénom", "Nom du propriétaire". */
const PERSON_WORDS = new Set([
  'contact',
  'first',
  'last',
  'full',
  'prenom',
  'famille',
  'person',
  'personne',
  'owner',
  'proprietaire',
  'responsable',
  'representant',
  'complet',
  'user',
  'utilisateur',
  'manager',
  'gestionnaire',
  'decideur',
  'ceo',
  'president',
]);

/** For headers not in the table, by the words they contain, most specific first ("Company LinkedIn" is LinkedIn). */
const FUZZY_RULES: readonly { field: ProspectField; test: (words: Set<string>, folded: string) => boolean }[] = [
  { field: 'linkedinUrl', test: (w) => w.has('linkedin') },
  {
    field: 'email',
    test: (w, f) => w.has('email') || w.has('courriel') || w.has('mail') || / adresse electronique/.test(` ${f}`),
  },
  {
    field: 'website',
    test: (w, f) => w.has('website') || w.has('url') || w.has('web') || w.has('internet') || / web site/.test(` ${f}`),
  },
  {
    field: 'phone',
    test: (w) => ['phone', 'telephone', 'tel', 'cell', 'cellulaire', 'mobile'].some((word) => w.has(word)),
  },
  {
    field: 'employees',
    test: (w, f) =>
      ['employees', 'employee', 'employes', 'employe', 'effectif', 'headcount', 'staff', 'taille'].some((word) =>
        w.has(word),
      ) || / company size/.test(` ${f}`),
  },
  {
    field: 'industry',
    test: (w) =>
      ['industry', 'industrie', 'secteur', 'sector', 'category', 'categorie', 'activite'].some((x) => w.has(x)),
  },
  { field: 'country', test: (w) => w.has('country') || w.has('pays') },
  { field: 'region', test: (w) => w.has('province') || w.has('region') || w.has('state') || w.has('etat') },
  { field: 'city', test: (w) => ['city', 'ville', 'municipalite', 'town', 'localite'].some((word) => w.has(word)) },
  { field: 'address', test: (w) => ['address', 'adresse', 'street', 'rue'].some((word) => w.has(word)) },
  {
    field: 'businessName',
    test: (w, f) =>
      ['company', 'entreprise', 'business', 'compagnie', 'organisation', 'organization', 'commerce', 'societe'].some(
        (word) => w.has(word),
      ) ||
      / raison sociale/.test(` ${f}`) ||
      ((w.has('name') || w.has('nom')) && ![...w].some((word) => PERSON_WORDS.has(word))),
  },
];

/**
 * A first mapping from the header names, English or French, any case, accents or
 * punctuation: exact names first (the best-ranked column per field), then by the words a
 * header contains. Each field gets at most one column and each column at most one field.
 */
export function suggestMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const taken = new Set<number>();
  const folded = headers.map(foldHeader);

  const best = new Map<ProspectField, { index: number; rank: number }>();
  folded.forEach((key, index) => {
    const hit = EXACT_INDEX.get(key);
    if (!hit) return;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { index, rank: hit.rank });
  });
  for (const [field, { index }] of best) {
    mapping[field] = index;
    taken.add(index);
  }

  folded.forEach((key, index) => {
    if (taken.has(index) || key === '') return;
    const words = new Set(key.split(' '));
    const rule = FUZZY_RULES.find((candidate) => candidate.test(words, key));
    if (!rule || mapping[rule.field] !== undefined) return;
    mapping[rule.field] = index;
    taken.add(index);
  });
  return mapping;
}

// --- mapping validation --------------------------------------------------------------

/** What is wrong with a mapping, as the staff member reads it; empty when it can be used. */
export function validateMapping(mapping: CsvMapping, headerCount: number): LocalizedText[] {
  return mappingProblems(mapping, headerCount).map((problem) => problem.message);
}

/** The same, with the field and a code for each. */
export function mappingProblems(mapping: CsvMapping, headerCount: number): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const known = new Set<string>(PROSPECT_FIELDS);
  for (const key of Object.keys(mapping)) {
    if (!known.has(key)) {
      problems.push({
        field: key,
        code: 'unknown_field',
        message: bilingual(`“${key}” is not a prospect field.`, `« ${key} » n’est pas un champ de prospect.`),
      });
    }
  }
  const usedBy = new Map<number, ProspectField>();
  for (const field of PROSPECT_FIELDS) {
    const index = mapping[field];
    const label = PROSPECT_FIELD_LABELS[field];
    if (index === undefined || index === null) {
      if (REQUIRED_PROSPECT_FIELDS.includes(field)) {
        problems.push({
          field,
          code: 'required_field_unmapped',
          message: bilingual(
            `Choose the column that holds the ${label.en.toLowerCase()}.`,
            `Choisissez la colonne qui contient le champ « ${label.fr} ».`,
          ),
        });
      }
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= headerCount) {
      problems.push({
        field,
        code: 'column_out_of_range',
        message: bilingual(
          `${label.en}: the file has no column ${String(index + 1)} (it has ${headerCount}).`,
          `${label.fr} : le fichier n’a pas de colonne ${String(index + 1)} (il en a ${headerCount}).`,
        ),
      });
      continue;
    }
    const other = usedBy.get(index);
    if (other) {
      const otherLabel = PROSPECT_FIELD_LABELS[other];
      problems.push({
        field,
        code: 'column_mapped_twice',
        message: bilingual(
          `Column ${index + 1} is already mapped to ${otherLabel.en}; it cannot also be ${label.en}.`,
          `La colonne ${index + 1} est déjà associée au champ « ${otherLabel.fr} »; elle ne peut pas être aussi « ${label.fr} ».`,
        ),
      });
      continue;
    }
    usedBy.set(index, field);
  }
  return problems;
}

// --- rows ----------------------------------------------------------------------------

const PLACEHOLDERS = new Set([
  'n a',
  'na',
  'n d',
  'nd',
  'none',
  'null',
  'nil',
  'undefined',
  'aucun',
  'aucune',
  'unknown',
  'inconnu',
  'inconnue',
  'non disponible',
  'not available',
  'non applicable',
  'not applicable',
  'tbd',
  'a venir',
]);

/** Control characters (NUL would make Postgres refuse the row) go; tabs and breaks are whitespace. */
function clean(cell: string | undefined): string {
  return (cell ?? '').replace(/[^\P{Cc}\t\n\r]/gu, '').trim();
}

const isPlaceholder = (value: string) => {
  const folded = foldHeader(value);
  return folded === '' || PLACEHOLDERS.has(folded);
};

const oneLine = (value: string) => value.replace(/\s+/g, ' ');

/** A value as a message quotes it: short, on one line. */
function quoted(value: string): { en: string; fr: string } {
  const short = oneLine(value);
  const text = short.length > 60 ? `${short.slice(0, 57)}…` : short;
  return { en: `“${text}”`, fr: `« ${text} »` };
}

const EMAIL =
  /^[^\s@"<>()[\],;:\\]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}$/i;

export const isEmailAddress = (value: string) => value.length <= 254 && EMAIL.test(value);

/** A host worth keying the pool by: a name under a real-looking top-level domain, not an IP address. */
function plausibleHost(website: string): boolean {
  const host = new URL(website).hostname;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld);
}

/**
 * Every line as a record or as errors, in file order. Throws AppError('invalid_request')
 * when the mapping itself is unusable (check it first with `validateMapping`).
 */
export function mapRows(rows: readonly CsvRow[], mapping: CsvMapping): MappedRows {
  // The header count is not known here: an index past a row's end reads as an empty cell.
  const invalid = mappingProblems(mapping, Number.MAX_SAFE_INTEGER);
  if (invalid.length > 0) {
    throw new AppError('invalid_request', invalid[0]!.message, { problems: invalid });
  }

  const records: ProviderRecord[] = [];
  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  const firstLineOf = new Map<string, number>();
  const cell = (row: CsvRow, field: ProspectField): string => {
    const index = mapping[field];
    return index === undefined ? '' : clean(row.cells[index]);
  };

  for (const row of rows) {
    const { line } = row;
    const lineErrors: LineError[] = [];
    const lineWarnings: LineError[] = [];
    const error = (code: string, message: LocalizedText) => lineErrors.push({ line, code, message });
    const warn = (code: string, message: LocalizedText) => lineWarnings.push({ line, code, message });

    // Every column blank (a row of empty cells Excel left behind): not a line at all.
    if (row.cells.every((value) => clean(value) === '')) continue;

    const rawName = oneLine(cell(row, 'businessName'));
    let businessName: string | null = null;
    if (isPlaceholder(rawName)) {
      error('no_name', bilingual('This line has no business name.', 'Cette ligne n’a pas de nom d’entreprise.'));
    } else if (rawName.length > 200) {
      error(
        'name_too_long',
        bilingual(
          'The business name is longer than 200 characters: is the right column mapped?',
          'Le nom d’entreprise dépasse 200 caractères : la bonne colonne est-elle choisie?',
        ),
      );
    } else {
      businessName = rawName;
    }

    const site = readWebsite(cell(row, 'website'));
    if ('error' in site) error(site.error.code, site.error.message);

    if (lineErrors.length > 0 || businessName === null || !('website' in site)) {
      errors.push(...lineErrors);
      continue;
    }

    const email = readEmail(cell(row, 'email'), warn);
    const phone = readPhone(cell(row, 'phone'), warn);
    const region = readRegion(cell(row, 'region'));
    let country = readCountry(cell(row, 'country'), warn);
    // A Canadian province and no country given: Canada.
    if (country === null && region.province !== null && isPlaceholder(cell(row, 'country'))) country = 'CA';
    const employees = readEmployees(cell(row, 'employees'), warn);
    const linkedinUrl = readLinkedin(cell(row, 'linkedinUrl'), warn);

    const earlier = firstLineOf.get(site.key);
    if (earlier === undefined) {
      firstLineOf.set(site.key, line);
    } else {
      warn(
        'duplicate_website',
        bilingual(
          `Same website as line ${earlier} (${site.key}): the two lines are merged into one prospect.`,
          `Même site Web qu’à la ligne ${earlier} (${site.key}) : les deux lignes sont fusionnées en un seul prospect.`,
        ),
      );
    }

    records.push({
      source: 'csv',
      sourceId: `csv:line-${line}`,
      businessName,
      website: site.website,
      email,
      phone,
      industry: optionalText(cell(row, 'industry')),
      city: optionalText(cell(row, 'city')),
      region: region.value,
      country,
      employees,
      linkedinUrl,
      address: optionalAddress(cell(row, 'address')),
    });
    warnings.push(...lineWarnings);
  }
  return { records, errors, warnings };
}

type Warn = (code: string, message: LocalizedText) => void;

const optionalText = (value: string): string | null => (isPlaceholder(value) ? null : oneLine(value));

const optionalAddress = (value: string): string | null =>
  isPlaceholder(value) ? null : value.replace(/\s*[\r\n]+\s*/g, ', ').replace(/\s+/g, ' ');

function readWebsite(
  value: string,
): { website: string; key: string } | { error: { code: string; message: LocalizedText } } {
  if (isPlaceholder(value)) {
    return {
      error: {
        code: 'no_website',
        message: bilingual(
          'This line has no website: prospects are kept by website, so it cannot be imported.',
          'Cette ligne n’a pas de site Web : les prospects sont classés par site, elle ne peut donc pas être importée.',
        ),
      },
    };
  }
  const shown = quoted(value);
  const compact = oneLine(value);
  if (/^(?:mailto:)?[^\s/@]+@[^\s/@]+$/i.test(compact)) {
    return {
      error: {
        code: 'website_is_email',
        message: bilingual(
          `${shown.en} is an email address, not a website.`,
          `${shown.fr} est une adresse courriel, pas un site Web.`,
        ),
      },
    };
  }
  const normalized = /\s/.test(compact) ? null : normalizeWebsite(compact);
  if (!normalized || !plausibleHost(normalized)) {
    return {
      error: {
        code: 'invalid_website',
        message: bilingual(`${shown.en} is not a website.`, `${shown.fr} n’est pas un site Web.`),
      },
    };
  }
  const key = registrableDomain(normalized) ?? new URL(normalized).hostname;
  if (isDirectoryDomain(key)) {
    return {
      error: {
        code: 'directory_website',
        message: bilingual(
          `${shown.en} is a page on ${key}, not the business’s own website.`,
          `${shown.fr} est une page de ${key}, pas le site Web de l’entreprise.`,
        ),
      },
    };
  }
  return { website: compact, key };
}

function readEmail(value: string, warn: Warn): string | null {
  if (isPlaceholder(value)) return null;
  const parts = value
    .replace(/^mailto:/i, '')
    .split(/[\s,;]+/)
    .filter((part) => part !== '');
  const valid = parts.filter(isEmailAddress);
  const first = valid[0];
  if (first === undefined) {
    const shown = quoted(value);
    warn(
      'invalid_email',
      bilingual(
        `${shown.en} is not an email address; the line is imported without it.`,
        `${shown.fr} n’est pas une adresse courriel; la ligne est importée sans elle.`,
      ),
    );
    return null;
  }
  const at = first.lastIndexOf('@');
  const email = first.slice(0, at) + first.slice(at).toLowerCase();
  if (parts.length > 1) {
    warn(
      'several_emails',
      bilingual(
        `This line has several email addresses; only ${email} is imported.`,
        `Cette ligne a plusieurs adresses courriel; seule ${email} est importée.`,
      ),
    );
  }
  return email;
}

function readPhone(value: string, warn: Warn): string | null {
  if (isPlaceholder(value)) return null;
  const phone = oneLine(value);
  if (normalizePhone(phone)) return phone;
  // Outside North America: kept when written internationally, normalised or not on upsert.
  const digits = phone.replace(/\D/g, '');
  if (/^(?:\+|00)/.test(phone) && digits.length >= 8 && digits.length <= 15) return phone;
  const shown = quoted(value);
  warn(
    'invalid_phone',
    bilingual(
      `${shown.en} is not a phone number; the line is imported without it.`,
      `${shown.fr} n’est pas un numéro de téléphone; la ligne est importée sans lui.`,
    ),
  );
  return null;
}

function readRegion(value: string): { value: string | null; province: Province | null } {
  if (isPlaceholder(value)) return { value: null, province: null };
  const province = normalizeProvince(value);
  return { value: province ?? oneLine(value), province };
}

function readCountry(value: string, warn: Warn): string | null {
  if (isPlaceholder(value)) return null;
  const country = normalizeCountry(value);
  if (country) return country;
  const shown = quoted(value);
  warn(
    'unknown_country',
    bilingual(
      `${shown.en} is not a country this import knows; the line is imported without it.`,
      `${shown.fr} n’est pas un pays connu de l’importation; la ligne est importée sans lui.`,
    ),
  );
  return null;
}

function readEmployees(value: string, warn: Warn): number | null {
  if (isPlaceholder(value)) return null;
  const employees = parseEmployees(value);
  if (employees !== null) return employees;
  const shown = quoted(value);
  warn(
    'invalid_employees',
    bilingual(
      `${shown.en} is not a number of employees; the line is imported without it.`,
      `${shown.fr} n’est pas un nombre d’employés; la ligne est importée sans lui.`,
    ),
  );
  return null;
}

function readLinkedin(value: string, warn: Warn): string | null {
  if (isPlaceholder(value)) return null;
  const compact = oneLine(value);
  const withScheme = /^https?:\/\//i.test(compact) ? compact : `https://${compact}`;
  try {
    const url = new URL(withScheme);
    const host = url.hostname.toLowerCase();
    if (
      !/\s/.test(compact) &&
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      (host === 'linkedin.com' || host.endsWith('.linkedin.com')) &&
      url.pathname.length > 1
    ) {
      return withScheme;
    }
  } catch {
    // Reported below.
  }
  const shown = quoted(value);
  warn(
    'invalid_linkedin',
    bilingual(
      `${shown.en} is not a LinkedIn page; the line is imported without it.`,
      `${shown.fr} n’est pas une page LinkedIn; la ligne est importée sans elle.`,
    ),
  );
  return null;
}

// --- values --------------------------------------------------------------------------

/**
 * A head count from what spreadsheets hold: "10", "1 000", "10-50", "1 à 10", "50+",
 * "plus de 50", "moins de 10", "25 employés". A range gives its rounded midpoint (the
 * providers' buckets, 11-50, 51-200, are estimates anyway); an open range its bound.
 * Null when it is none of these.
 */
export function parseEmployees(value: string): number | null {
  const text = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Thousands separators: "1 000", "1,000", "1.000" (a space may be narrow or non-breaking).
    .replace(/(\d)[\s,.](?=\d{3}(?!\d))/g, '$1')
    .replace(
      /\b(?:employees?|employes?|staff|people|personnes?|salaries?|environ|approx(?:imately)?|about|env)\b\.?/g,
      ' ',
    )
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const n = (digits: string | undefined) => Number.parseInt(digits ?? '', 10);
  const within = (count: number) => (Number.isSafeInteger(count) && count >= 0 && count <= 10_000_000 ? count : null);
  let match = /^(\d+)$/.exec(text);
  if (match) return within(n(match[1]));
  match = /^(\d+) ?(?:-|–|—|a|au|to) ?(\d+)$/.exec(text);
  if (match) {
    const low = n(match[1]);
    const high = n(match[2]);
    return low <= high ? within(Math.round((low + high) / 2)) : null;
  }
  match = /^(\d+) ?(?:\+|et plus|ou plus|and more|and up|or more|and over)$/.exec(text);
  if (match) return within(n(match[1]));
  match = /^(?:plus de|more than|over|>=?|\+ de) ?(\d+)$/.exec(text);
  if (match) return within(n(match[1]));
  match = /^(?:moins de|less than|fewer than|under|<=?) ?(\d+)$/.exec(text);
  if (match) return within(Math.max(1, Math.round(n(match[1]) / 2)));
  return null;
}

const PROVINCE_NAMES: Record<Province, readonly string[]> = {
  AB: ['alberta', 'ab', 'alta'],
  BC: ['britishcolumbia', 'colombiebritannique', 'bc', 'cb'],
  MB: ['manitoba', 'mb', 'man'],
  NB: ['newbrunswick', 'nouveaubrunswick', 'nb'],
  NL: [
    'newfoundlandandlabrador',
    'newfoundland',
    'labrador',
    'terreneuveetlabrador',
    'terreneuve',
    'nl',
    'nf',
    'nfld',
    'tnl',
  ],
  NS: ['novascotia', 'nouvelleecosse', 'ns'],
  NT: ['northwestterritories', 'territoiresdunordouest', 'nt', 'nwt', 'tno'],
  NU: ['nunavut', 'nu'],
  ON: ['ontario', 'on', 'ont'],
  PE: ['princeedwardisland', 'ileduprinceedouard', 'pe', 'pei', 'ipe'],
  QC: [
    'quebec',
    'qc',
    'pq',
    'que',
    'provincedequebec',
    'provinceofquebec',
    // Quebec's administrative regions: a "Région" column often holds one, and each says QC.
    'basstlaurent',
    'bassaintlaurent',
    'saguenaylacsaintjean',
    'saguenaylacstjean',
    'capitalenationale',
    'mauricie',
    'estrie',
    'montreal',
    'outaouais',
    'abitibitemiscamingue',
    'cotenord',
    'nordduquebec',
    'gaspesieilesdelamadeleine',
    'gaspesie',
    'chaudiereappalaches',
    'laval',
    'lanaudiere',
    'laurentides',
    'monteregie',
    'centreduquebec',
  ],
  SK: ['saskatchewan', 'sk', 'sask'],
  YT: ['yukon', 'yt', 'yk', 'yn', 'yukonterritory'],
};

const PROVINCE_INDEX = new Map<string, Province>();
for (const [province, names] of Object.entries(PROVINCE_NAMES) as [Province, readonly string[]][]) {
  for (const name of names) PROVINCE_INDEX.set(name, province);
}

/** A Canadian province or territory, by name or abbreviation in English or French: "Québec", "P.Q.", "C.-B." → postal code. */
export function normalizeProvince(value: string): Province | null {
  return PROVINCE_INDEX.get(foldHeader(value).replace(/ /g, '')) ?? null;
}

const COUNTRY_NAMES: Record<string, string> = {
  canada: 'CA',
  can: 'CA',
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  usa: 'US',
  etatsunis: 'US',
  etatsunisdamerique: 'US',
  france: 'FR',
  fra: 'FR',
  mexico: 'MX',
  mexique: 'MX',
  unitedkingdom: 'GB',
  royaumeuni: 'GB',
  uk: 'GB',
  belgium: 'BE',
  belgique: 'BE',
  switzerland: 'CH',
  suisse: 'CH',
};

/** An ISO 3166 alpha-2 code, upper case, from a name (English or French), an alpha-2 or a few alpha-3 codes. */
export function normalizeCountry(value: string): string | null {
  const key = foldHeader(value).replace(/ /g, '');
  const named = COUNTRY_NAMES[key];
  if (named) return named;
  return /^[a-z]{2}$/.test(key) ? key.toUpperCase() : null;
}
