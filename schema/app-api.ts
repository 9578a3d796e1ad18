/**
 * The JSON the dashboard API answers with, shared by the Worker (worker/services/leads.ts)
 * and the dashboard (dashboard/api.ts), so the two cannot drift. Types only.
 */

/** A lead as the inbox lists it. */
export interface LeadItem {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: string;
  intent: { key: string; en: string; fr: string } | null;
  urgency: string | null;
  tone: string | null;
  confidence: number | null;
  language: string | null;
  aiSummary: string | null;
  aiSummaryEn: string | null;
  aiSummaryFr: string | null;
  currentTag: string | null;
  archived: boolean;
  deleted: boolean;
  isTest: boolean;
  unread: boolean;
}
