import type { Triage, TriageInput } from '../../platform/ai/triage';
import { adaptTriage, learnAdaptation, type RuledTriage } from './adaptation';
import { extractDetails } from './details';
import { detectLanguage } from './language';
import { combinedConfidence, modelTriage } from './model';
import { readMessage } from './normalize';
import { type SummaryInput, summarizeIn } from './summary';
import { detectTone } from './tone';

/**
 * The offline engine: English/French heuristics that fill every triage field without a
 * network call, with a small trained model (model/) deciding intent and urgency where the
 * rules are unsure. Deterministic: the same input always gives the same triage. With a
 * client's corrections, its answer is adapted to what they say of messages like this one
 * (adaptation/).
 */
export function triageOffline(input: TriageInput): Triage {
  const text = readMessage(input.message);
  const decided = modelTriage(text);
  const ruled: RuledTriage = {
    language: detectLanguage(text, input.formLanguage),
    intent: decided.intent,
    urgency: decided.urgency,
    tone: detectTone(text),
    // A message without a single word tells nothing; the defaults are a guess.
    confidence: /[\p{L}\p{N}]/u.test(text.raw) ? combinedConfidence(decided) : 0.1,
  };
  const triage = input.corrections?.length ? adaptTriage(learnAdaptation(input.corrections), text, ruled) : ruled;
  const { language } = triage;
  const read: SummaryInput = {
    name: input.name,
    text,
    language,
    intent: triage.intent,
    urgency: triage.urgency,
    details: extractDetails(text),
  };
  // It cannot translate, so it writes both itself: its own words in each language, the lead's as they are.
  const summaries = { en: summarizeIn(read, 'en'), fr: summarizeIn(read, 'fr') };
  return {
    language,
    intent: triage.intent,
    urgency: triage.urgency.urgency,
    tone: triage.tone,
    confidence: triage.confidence,
    summary: summaries[language],
    summaries,
  };
}
