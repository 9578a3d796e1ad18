import {
  LANGUAGE_NAMES,
  type Language,
  LEAD_TONE_NAMES,
  type LeadTone,
  URGENCY_NAMES,
  type Urgency,
} from '../../../schema/vocabulary';
import { type CsvValue, csvRow } from './csv';

/**
 * The columns of the lead export (GET /api/app/leads/export.csv), in the client's
 * language: headers, and every value the product words (urgency, tone, status, yes/no).
 * What the lead wrote, names and tags stay as written.
 */

/** What the export knows of one lead. */
export interface ExportLead {
  id: string;
  createdAt: Date;
  name: string;
  email: string;
  phone: string | null;
  language: Language | null;
  message: string;
  consent: boolean;
  /** English and French names of the intent, when triaged. */
  intent: { en: string; fr: string } | null;
  urgency: Urgency | null;
  tone: LeadTone | null;
  confidence: number | null;
  aiSummary: string | null;
  currentTag: string | null;
  archived: boolean;
  deleted: boolean;
  inSpam: boolean;
  isTest: boolean;
}

type Column = { en: string; fr: string; value: (lead: ExportLead, language: Language) => CsvValue };

const STATUS_NAMES = {
  active: { en: 'Active', fr: 'Actif' },
  archived: { en: 'Archived', fr: 'Archivé' },
  spam: { en: 'Spam', fr: 'Pourriel' },
  deleted: { en: 'Deleted', fr: 'Supprimé' },
} as const satisfies Record<string, Record<Language, string>>;

const status = (lead: ExportLead, language: Language) =>
  STATUS_NAMES[lead.deleted ? 'deleted' : lead.inSpam ? 'spam' : lead.archived ? 'archived' : 'active'][language];

const YES_NO = { en: ['Yes', 'No'], fr: ['Oui', 'Non'] } as const;
const yesNo = (value: boolean, language: Language) => YES_NO[language][value ? 0 : 1];

const COLUMNS: readonly Column[] = [
  { en: 'ID', fr: 'ID', value: (lead) => lead.id },
  { en: 'Created (UTC)', fr: 'Créé (UTC)', value: (lead) => lead.createdAt },
  { en: 'Name', fr: 'Nom', value: (lead) => lead.name },
  { en: 'Email', fr: 'Courriel', value: (lead) => lead.email },
  { en: 'Phone', fr: 'Téléphone', value: (lead) => lead.phone },
  { en: 'Language', fr: 'Langue', value: (lead, language) => lead.language && LANGUAGE_NAMES[lead.language][language] },
  { en: 'Message', fr: 'Message', value: (lead) => lead.message },
  { en: 'Consent', fr: 'Consentement', value: (lead, language) => yesNo(lead.consent, language) },
  { en: 'Intent', fr: 'Intention', value: (lead, language) => lead.intent?.[language] },
  { en: 'Urgency', fr: 'Urgence', value: (lead, language) => lead.urgency && URGENCY_NAMES[lead.urgency][language] },
  { en: 'Tone', fr: 'Ton', value: (lead, language) => lead.tone && LEAD_TONE_NAMES[lead.tone][language] },
  { en: 'Confidence', fr: 'Confiance', value: (lead) => lead.confidence },
  { en: 'Summary', fr: 'Résumé', value: (lead) => lead.aiSummary },
  { en: 'Tag', fr: 'Étiquette', value: (lead) => lead.currentTag },
  { en: 'Status', fr: 'Statut', value: status },
  { en: 'Test', fr: 'Test', value: (lead, language) => yesNo(lead.isTest, language) },
];

export const leadCsvHeader = (language: Language): string => csvRow(COLUMNS.map((column) => column[language]));

export const leadCsvRow = (lead: ExportLead, language: Language): string =>
  csvRow(COLUMNS.map((column) => column.value(lead, language)));

/** `avenir-leads-2026-03-14.csv`: the UTC day of the export. */
export const leadCsvFilename = (now: Date): string => `avenir-leads-${now.toISOString().slice(0, 10)}.csv`;
