import type { TriageLabels } from '../../../schema/learning';
import type { IntentKey, Language, LeadTone, Urgency } from '../../../schema/vocabulary';

/** What triage reads of a lead. */
export interface TriageInput {
  name: string;
  message: string;
  /** The language the visitor's form was in; a hint only, the message decides. */
  formLanguage?: Language | undefined;
  businessName: string;
  industry?: string | null | undefined;
  /**
   * The client's own recent corrections of triage, newest first and bounded by the caller:
   * the OpenAI adapter shows them to the model as examples, the offline engine learns from
   * them. Another client's never reach here.
   */
  corrections?: readonly CorrectionExample[] | undefined;
}

/** The four fields of a triage a client can correct. */
export type { TriageLabels };

/** A message the client corrected: what the engine said, and what the client says it is. */
export interface CorrectionExample {
  message: string;
  predicted: TriageLabels;
  actual: TriageLabels;
}

/** What triage decides about a lead, in the closed vocabulary of DESIGN.md. */
export interface Triage {
  /** The language the message is written in. */
  language: Language;
  intent: IntentKey;
  urgency: Urgency;
  tone: LeadTone;
  /** How sure the engine is of intent and urgency together, 0–1. */
  confidence: number;
  /** One paragraph, in `language`, true to the message: what they want, by when, and any detail that matters. */
  summary: string;
  /**
   * The summary in both languages, when the engine wrote both itself (the offline engine: its
   * own words in each, the lead's quoted as written); `summaries[language]` is `summary`.
   * Absent when only `summary` exists and the other language must be translated (OpenAI).
   */
  summaries?: Readonly<Record<Language, string>> | undefined;
}
