import type { Triage, TriageInput } from '../../platform/ai/triage';
import { triageConfidence } from './confidence';
import { extractDetails } from './details';
import { classifyIntent } from './intent';
import { detectLanguage } from './language';
import { readMessage } from './normalize';
import { summarize } from './summary';
import { detectTone } from './tone';
import { assessUrgency } from './urgency';

/**
 * The offline engine: English/French heuristics that fill every triage field without a
 * network call. Deterministic: the same input always gives the same triage.
 */
export function triageOffline(input: TriageInput): Triage {
  const text = readMessage(input.message);
  const language = detectLanguage(text, input.formLanguage);
  const intent = classifyIntent(text);
  const urgency = assessUrgency(text, intent.intent);
  return {
    language,
    intent: intent.intent,
    urgency: urgency.urgency,
    tone: detectTone(text),
    // A message without a single word tells nothing; the defaults are a guess.
    confidence: /[\p{L}\p{N}]/u.test(text.raw) ? triageConfidence(intent, urgency) : 0.1,
    summary: summarize({
      name: input.name,
      text,
      language,
      intent: intent.intent,
      urgency,
      details: extractDetails(text),
    }),
  };
}
