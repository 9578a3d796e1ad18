import type { Triage, TriageInput } from '../../platform/ai/triage';
import { adaptTriage, learnAdaptation, type RuledTriage } from './adaptation';
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
 * network call. Deterministic: the same input always gives the same triage. With a client's
 * corrections, its answer is adapted to what they say of messages like this one (adaptation/).
 */
export function triageOffline(input: TriageInput): Triage {
  const text = readMessage(input.message);
  const intent = classifyIntent(text);
  const urgency = assessUrgency(text, intent.intent);
  const ruled: RuledTriage = {
    language: detectLanguage(text, input.formLanguage),
    intent: intent.intent,
    urgency,
    tone: detectTone(text),
    // A message without a single word tells nothing; the defaults are a guess.
    confidence: /[\p{L}\p{N}]/u.test(text.raw) ? triageConfidence(intent, urgency) : 0.1,
  };
  const triage = input.corrections?.length ? adaptTriage(learnAdaptation(input.corrections), text, ruled) : ruled;
  const { language } = triage;
  return {
    language,
    intent: triage.intent,
    urgency: triage.urgency.urgency,
    tone: triage.tone,
    confidence: triage.confidence,
    summary: summarize({
      name: input.name,
      text,
      language,
      intent: triage.intent,
      urgency: triage.urgency,
      details: extractDetails(text),
    }),
  };
}
