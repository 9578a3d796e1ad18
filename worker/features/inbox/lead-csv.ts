import type { Language } from '../../../schema/vocabulary';
import { type CsvValue, csvRow } from './csv';

/**
 * The columns of the lead export (GET /api/app/leads/export.csv), headed in the client's
 * language; the values are the data as stored, so a file reads the same for everyone.
 */

/** What the export knows of one lead. */
export interface ExportLead {
  id: string;
  createdAt: Date;
  name: string;
  email: string;
  phone: string | null;
  language: string | null;
  message: string;
  consent: boolean;
  /** English and French names of the intent, when triaged. */
  intent: { en: string; fr: string } | null;
  urgency: string | null;
  tone: string | null;
  confidence: number | null;
  aiSummary: string | null;
  currentTag: string | null;
  archived: boolean;
  deleted: boolean;
  isTest: boolean;
}

type Column = { en: string; fr: string; value: (lead: ExportLead, language: Language) => CsvValue };

const status = (lead: ExportLead) => (lead.deleted ? 'deleted' : lead.archived ? 'archived' : 'active');

const COLUMNS: readonly Column[] = [
  { en: 'ID', fr: 'ID', value: (lead) => lead.id },
  { en: 'Created (UTC)', fr: 'Créé (UTC)', value: (lead) => lead.createdAt },
  { en: 'Name', fr: 'Nom', value: (lead) => lead.name },
  { en: 'Email', fr: 'Courriel', value: (lead) => lead.email },
  { en: 'Phone', fr: 'Téléphone', value: (lead) => lead.phone },
  { en: 'Language', fr: 'Langue', value: (lead) => lead.language },
  { en: 'Message', fr: 'Message', value: (lead) => lead.message },
  { en: 'Consent', fr: 'Consentement', value: (lead) => lead.consent },
  { en: 'Intent', fr: 'Intention', value: (lead, language) => lead.intent?.[language] },
  { en: 'Urgency', fr: 'Urgence', value: (lead) => lead.urgency },
  { en: 'Tone', fr: 'Ton', value: (lead) => lead.tone },
  { en: 'Confidence', fr: 'Confiance', value: (lead) => lead.confidence },
  { en: 'Summary', fr: 'Résumé', value: (lead) => lead.aiSummary },
  { en: 'Tag', fr: 'Étiquette', value: (lead) => lead.currentTag },
  { en: 'Status', fr: 'Statut', value: status },
  { en: 'Test', fr: 'Test', value: (lead) => lead.isTest },
];

export const leadCsvHeader = (language: Language): string => csvRow(COLUMNS.map((column) => column[language]));

export const leadCsvRow = (lead: ExportLead, language: Language): string =>
  csvRow(COLUMNS.map((column) => column.value(lead, language)));

/** `avenir-leads-2026-03-14.csv`: the UTC day of the export. */
export const leadCsvFilename = (now: Date): string => `avenir-leads-${now.toISOString().slice(0, 10)}.csv`;
