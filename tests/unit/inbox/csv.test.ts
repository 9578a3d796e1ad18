import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvRow } from '../../../worker/features/inbox/csv';
import { type ExportLead, leadCsvFilename, leadCsvHeader, leadCsvRow } from '../../../worker/features/inbox/lead-csv';

describe('csvCell', () => {
  it('leaves plain text alone and writes empty cells for missing values', () => {
    expect(csvCell('Jean Tremblay')).toBe('Jean Tremblay');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    expect(csvCell('Tremblay, Jean')).toBe('"Tremblay, Jean"');
    expect(csvCell('a "quoted" word')).toBe('"a ""quoted"" word"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('carriage\rreturn')).toBe('"carriage\rreturn"');
  });

  it('defuses formulas: = + - @ tab and CR at the start get a single quote', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1 514 555 0199')).toBe("'+1 514 555 0199");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers and booleans as they are, dates as ISO 8601 UTC', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(new Date('2026-03-14T09:30:00-04:00'))).toBe('2026-03-14T13:30:00.000Z');
  });

  it('keeps accents as they are', () => {
    expect(csvCell('Hélène Bérubé, Québec')).toBe('"Hélène Bérubé, Québec"');
  });
});

describe('csvRow', () => {
  it('joins cells with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });

  it('has a UTF-8 byte order mark for Excel', () => {
    expect(new TextEncoder().encode(CSV_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

const lead: ExportLead = {
  id: '00000000-0000-4000-8000-000000000001',
  createdAt: new Date('2026-03-01T10:00:00Z'),
  name: 'Hélène',
  email: 'helene@example.ca',
  phone: null,
  language: 'fr',
  message: 'Bonjour,\nune soumission?',
  consent: true,
  intent: { en: 'Quote request', fr: 'Demande de soumission' },
  urgency: 'High',
  tone: 'Formal',
  confidence: 0.9,
  aiSummary: null,
  currentTag: 'VIP',
  archived: true,
  deleted: false,
  inSpam: false,
  isTest: false,
};

describe('lead CSV', () => {
  it('heads the columns in the client language', () => {
    expect(leadCsvHeader('en')).toMatch(/^ID,Created \(UTC\),Name,Email,Phone,/);
    expect(leadCsvHeader('fr')).toMatch(/^ID,Créé \(UTC\),Nom,Courriel,Téléphone,/);
    expect(leadCsvHeader('fr')).toContain('Étiquette');
    expect(leadCsvHeader('fr').endsWith('\r\n')).toBe(true);
  });

  it("writes every value the product words in the client's language, the lead's words as written", () => {
    expect(leadCsvRow(lead, 'fr')).toBe(
      '00000000-0000-4000-8000-000000000001,2026-03-01T10:00:00.000Z,Hélène,helene@example.ca,,Français,' +
        '"Bonjour,\nune soumission?",Oui,Demande de soumission,Élevée,Formel,0.9,,VIP,Archivé,Non\r\n',
    );
    expect(leadCsvRow(lead, 'en')).toBe(
      '00000000-0000-4000-8000-000000000001,2026-03-01T10:00:00.000Z,Hélène,helene@example.ca,,French,' +
        '"Bonjour,\nune soumission?",Yes,Quote request,High,Formal,0.9,,VIP,Archived,No\r\n',
    );
    expect(leadCsvRow({ ...lead, archived: false, inSpam: true }, 'fr')).toContain(',Pourriel,');
  });

  it('names the file after the UTC day', () => {
    expect(leadCsvFilename(new Date('2026-03-14T23:30:00-04:00'))).toBe('avenir-leads-2026-03-15.csv');
  });
});
