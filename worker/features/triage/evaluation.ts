import {
  INTENT_KEYS,
  type IntentKey,
  LANGUAGES,
  type Language,
  URGENCIES,
  type Urgency,
} from '../../../schema/vocabulary';
import type { Triage, TriageInput } from '../../platform/ai/triage';

/** One line of a labelled lead file (the format of leads-dev.jsonl). */
export interface LabelledLead {
  line: number;
  name: string;
  message: string;
  business: string;
  language: Language;
  intent: IntentKey;
  urgency: Urgency;
}

export class LabelledLeadError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'LabelledLeadError';
  }
}

/** Parses JSONL text; throws LabelledLeadError naming the first malformed line. Blank lines are skipped. */
export function parseLabelledLeads(text: string): LabelledLead[] {
  const leads: LabelledLead[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, content] of lines.entries()) {
    if (content.trim() === '') continue;
    leads.push(parseLine(content, index + 1));
  }
  return leads;
}

function parseLine(content: string, line: number): LabelledLead {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw new LabelledLeadError(line, 'not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LabelledLeadError(line, 'not a JSON object');
  }
  const record = value as Record<string, unknown>;
  const text = (field: string, required: boolean): string => {
    const found = record[field];
    if (typeof found === 'string') return found;
    if (!required && found === undefined) return '';
    throw new LabelledLeadError(line, `"${field}" must be a string`);
  };
  const language = text('language', true);
  const intent = text('intent', true);
  const urgency = text('urgency', true);
  const matchedUrgency = URGENCIES.find((known) => known.toLowerCase() === urgency.toLowerCase());
  if (!isLanguage(language)) throw new LabelledLeadError(line, `unknown language "${language}"`);
  if (!isIntent(intent)) throw new LabelledLeadError(line, `unknown intent "${intent}"`);
  if (!matchedUrgency) throw new LabelledLeadError(line, `unknown urgency "${urgency}"`);
  return {
    line,
    name: text('name', false),
    message: text('message', true),
    business: text('business', false),
    language,
    intent,
    urgency: matchedUrgency,
  };
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

function isIntent(value: string): value is IntentKey {
  return (INTENT_KEYS as readonly string[]).includes(value);
}

export interface Miss {
  lead: LabelledLead;
  got: Triage;
  fields: Array<'language' | 'intent' | 'urgency'>;
}

export interface EvaluationReport {
  n: number;
  /** Accuracies 0–1, rounded to three decimals. */
  language: number;
  intent: number;
  urgency: number;
  misses: Miss[];
}

/**
 * Runs a triage function on every labelled lead and compares language, intent and urgency.
 * The form language is withheld, so language detection is measured on the message alone.
 */
export function evaluateTriage(
  leads: readonly LabelledLead[],
  triage: (input: TriageInput) => Triage,
): EvaluationReport {
  const correct = { language: 0, intent: 0, urgency: 0 };
  const misses: Miss[] = [];
  for (const lead of leads) {
    const got = triage({
      name: lead.name,
      message: lead.message,
      businessName: lead.business,
      industry: lead.business,
    });
    const fields: Miss['fields'] = [];
    for (const field of ['language', 'intent', 'urgency'] as const) {
      if (got[field] === lead[field]) correct[field] += 1;
      else fields.push(field);
    }
    if (fields.length > 0) misses.push({ lead, got, fields });
  }
  const rate = (count: number) => (leads.length === 0 ? 0 : Math.round((count / leads.length) * 1000) / 1000);
  return {
    n: leads.length,
    language: rate(correct.language),
    intent: rate(correct.intent),
    urgency: rate(correct.urgency),
    misses,
  };
}
