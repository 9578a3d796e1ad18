import type { IntentKey, Language, LeadTone, Urgency } from '../../../schema/vocabulary';

/** What triage reads of a lead. */
export interface TriageInput {
  name: string;
  message: string;
  /** The language the visitor's form was in; a hint only, the message decides. */
  formLanguage?: Language | undefined;
  businessName: string;
  industry?: string | null | undefined;
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
}
