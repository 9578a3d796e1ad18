import type { PredictionContext, TriageLabels } from '../../../schema/learning';
import type { CorrectableField, FieldChange, Resolution } from '../../../schema/learning-api';
import { CORRECTABLE_FIELDS } from '../../../schema/learning-api';
import { type IntentKey, intentOf, isSpamFolderIntent, type Language, URGENCY_NAMES } from '../../../schema/vocabulary';

/**
 * How a prediction is judged once the client's actions say what the lead really was. Pure:
 * the store (outcomes.ts) reads the prediction, asks here, and writes the verdict.
 */

/** What each field's error costs in `impact_score` (−100…100): the intent matters most. */
const FIELD_WEIGHT: Record<CorrectableField, number> = { intent: 40, urgency: 30, tone: 15, language: 15 };
/** A conversion confirms the triage more strongly than a client who only looked. */
const CONFIRMATION_IMPACT: Partial<Record<Resolution, number>> = { conversion: 50, confirmation: 25, spam_verdict: 25 };

export interface Verdict {
  outcome: 'positive' | 'negative' | 'neutral';
  impactScore: number;
  /** Share of the four fields that stood; null when the resolution says nothing of them. */
  accuracy: number | null;
  corrected: CorrectableField[];
  actual: TriageLabels;
  /** How much the verdict teaches (`learning_impact`, 0–1): the weight of what was wrong. */
  learningImpact: number;
}

/** The fields on which `actual` differs from `predicted`, in the order of CORRECTABLE_FIELDS. */
export const correctedFields = (predicted: TriageLabels, actual: TriageLabels): CorrectableField[] =>
  CORRECTABLE_FIELDS.filter((field) => predicted[field] !== actual[field]);

/** The verdict on a prediction, given what the client's action says the lead is. */
export function judge(predicted: TriageLabels, actual: TriageLabels, resolvedBy: Resolution): Verdict {
  if (resolvedBy === 'timeout' || resolvedBy === 'archived') {
    return { outcome: 'neutral', impactScore: 0, accuracy: null, corrected: [], actual: predicted, learningImpact: 0 };
  }
  const corrected = correctedFields(predicted, actual);
  const wrongWeight = corrected.reduce((sum, field) => sum + FIELD_WEIGHT[field], 0);
  const accuracy = (CORRECTABLE_FIELDS.length - corrected.length) / CORRECTABLE_FIELDS.length;
  if (corrected.length === 0) {
    return {
      outcome: 'positive',
      impactScore: CONFIRMATION_IMPACT[resolvedBy] ?? 25,
      accuracy,
      corrected,
      actual,
      learningImpact: 0,
    };
  }
  return {
    outcome: 'negative',
    impactScore: -wrongWeight,
    accuracy,
    corrected,
    actual,
    learningImpact: wrongWeight / 100,
  };
}

/**
 * The labels a spam verdict implies: marking a lead spam corrects a real intent to spam;
 * marking it not spam corrects a spam-folder intent to the closest real one (a general
 * question: the client did not say which), and confirms anything else.
 */
export function labelsAfterSpamVerdict(predicted: TriageLabels, verdict: 'spam' | 'not_spam'): TriageLabels {
  const predictedSpam = isSpamFolderIntent(predicted.intent);
  if (verdict === 'spam') return predictedSpam ? predicted : { ...predicted, intent: 'spam' };
  return predictedSpam ? { ...predicted, intent: 'general_question' satisfies IntentKey } : predicted;
}

/** The field changes a correction makes, for the timeline and the staff feed. */
export const changesBetween = (before: TriageLabels, after: TriageLabels): FieldChange[] =>
  correctedFields(before, after).map((field) => ({ field, from: before[field], to: after[field] }));

/** The context_data of a resolved prediction: the original, with the verdict merged in. */
export const resolvedContext = (
  context: PredictionContext,
  verdict: Verdict,
  resolvedBy: Resolution,
): PredictionContext => ({
  ...context,
  resolvedBy,
  actual: verdict.actual,
  corrected: verdict.corrected,
  accuracy: verdict.accuracy,
});

const RESOLUTION_NAMES: Record<Resolution, Record<Language, string>> = {
  correction: { en: 'corrected', fr: 'corrigée' },
  confirmation: { en: 'confirmed', fr: 'confirmée' },
  conversion: { en: 'the lead converted', fr: 'le client potentiel est devenu client' },
  spam_verdict: { en: 'the spam verdict agreed', fr: 'le verdict de pourriel concorde' },
  archived: { en: 'archived', fr: 'archivée' },
  timeout: { en: 'no action in 30 days', fr: 'aucune action en 30 jours' },
};

/** What a prediction nobody acted on in 30 days says (the retention job resolves those in bulk). */
export const TIMEOUT_NOTES: Record<Language, string> = {
  en: 'Nobody acted on it in 30 days.',
  fr: 'Personne n’y a donné suite en 30 jours.',
};

/** The `notes_en` / `notes_fr` of a resolved prediction, for whoever reads the table. */
export function verdictNotes(verdict: Verdict, resolvedBy: Resolution): Record<Language, string> {
  if (verdict.outcome === 'neutral') {
    return resolvedBy === 'archived'
      ? {
          en: 'Archived with no other action: says nothing of the triage.',
          fr: 'Archivé sans autre action : ne dit rien de l’analyse.',
        }
      : TIMEOUT_NOTES;
  }
  if (verdict.outcome === 'positive') {
    return {
      en: `The triage stood (${RESOLUTION_NAMES[resolvedBy].en}).`,
      fr: `L’analyse a tenu (${RESOLUTION_NAMES[resolvedBy].fr}).`,
    };
  }
  const { intent, urgency } = verdict.actual;
  return {
    en: `Corrected (${verdict.corrected.join(', ')}): now ${intentOf(intent).en}, ${URGENCY_NAMES[urgency].en} urgency.`,
    fr: `Corrigée (${verdict.corrected.join(', ')}) : maintenant ${intentOf(intent).fr}, urgence ${URGENCY_NAMES[urgency].fr.toLowerCase()}.`,
  };
}
