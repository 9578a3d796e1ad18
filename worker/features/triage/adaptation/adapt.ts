import type { TriageLabels } from '../../../platform/ai/triage';
import { type Adaptation, type Neighbour, readingFeature } from './model';

type Field = keyof TriageLabels;

/** How sure a field's cues must be before the client's answer replaces the rules'. */
interface FieldPolicy {
  /** A cue's lowest precision for the client's answer (see {@link decideField}). */
  precision: number;
  /** Corrections that must give that answer for the cue to count. */
  support: number;
}

/**
 * For the rules' answer alone as the cue ("this client calls every pitch spam"): the rules are
 * right on most messages, and those are never corrected, so it takes more to overrule them
 * wholesale than on particular words.
 */
const READING_POLICY: FieldPolicy = {
  precision: 0.8,
  support: 4,
};

const POLICIES: Record<Field, FieldPolicy> = {
  // The language is in the message itself: only many corrections, or a near copy, overrule the detector.
  language: { precision: 0.75, support: 3 },
  intent: { precision: 0.6, support: 2 },
  urgency: { precision: 0.6, support: 2 },
  tone: { precision: 0.6, support: 2 },
};

/** What it takes for the rules' answer alone to be overruled on any message they read so. */
const WHOLESALE: FieldPolicy = { precision: 0.85, support: 6 };
/** How alike (cosine) a message must be to one of the corrections behind a reading cue. */
const READING_LIKENESS = 0.12;

/** Pseudo-count against every cue: two agreeing corrections make a cue 2/3 sure, not certain. */
const DOUBT = 1;
/** A correction this alike (cosine) is the same message again: it stands on its own. */
const NEAR_COPY = 0.8;
/** A correction of a message the rules read otherwise counts for this much of one they read alike. */
const OTHER_READING = 0.6;
/** For urgency and tone: a correction of a message that wants something else counts for this much. */
const OTHER_INTENT = 0.5;

/** One field's outcome: the answer, and how the corrections bear on it. */
export interface FieldDecision<V extends string> {
  value: V;
  /** The rule engine's answer was replaced by the client's. */
  adapted: boolean;
  /**
   * −1–1: how far the client's corrections of messages with the same words back the answer (1:
   * all of them; −1: they point elsewhere, not enough to change it); 0 when none bears on it.
   */
  agreement: number;
}

/** What one field's decision reads: the message's features, the corrections like it, the rules' labels. */
export interface Evidence {
  features: readonly string[];
  /** The corrected messages sharing any feature with this one, closest first. */
  neighbours: readonly Neighbour[];
  /** The rules' labels, the intent already adapted (urgency and tone follow the intent). */
  ruled: TriageLabels;
}

const KEEP = Symbol('keep');
type Vote<V> = V | typeof KEEP;

/**
 * One field of a triage: the rule answer, or the one the client's corrections say of messages
 * with the same words. A feature of the message (a word, a pair of words) is a cue for answer Y
 * when the corrected messages that hold it were mostly corrected to Y: its precision is their
 * weight for Y over all their weight plus a doubt. A correction that left this field alone, or
 * set it to the rules' present answer, votes to keep it. A correction counts fully when the rules
 * had read its message as they read this one ("when the rules say X, this client says Y"), less
 * otherwise. The answer changes only on a cue both precise enough and given by several
 * corrections, or on a near copy of a corrected message: one odd correction moves nothing else.
 */
export function decideField<F extends Field>(
  field: F,
  adaptation: Adaptation,
  evidence: Evidence,
): FieldDecision<TriageLabels[F]> {
  const ruled = evidence.ruled[field];
  const copy = evidence.neighbours[0];
  if (copy && copy.similarity >= NEAR_COPY) {
    const said = copy.example.actual[field];
    const changed = said !== copy.example.predicted[field];
    if (changed && said !== ruled) return { value: said, adapted: true, agreement: copy.similarity };
  }
  const policy = POLICIES[field];
  let best: { label: TriageLabels[F]; precision: number } | null = null;
  let keeping = 0;
  let against = 0;
  const reading = field === 'language' ? [] : [readingFeature(field, evidence.ruled)];
  const likeness = new Map(evidence.neighbours.map(({ example, similarity }) => [example, similarity]));
  for (const feature of [...evidence.features, ...reading]) {
    const { precision: least, support } = feature.startsWith('=') ? READING_POLICY : policy;
    const holders = adaptation.index.get(feature);
    if (!holders || holders.length < support) continue;
    const tally = new Map<Vote<TriageLabels[F]>, { weight: number; count: number; closest: number }>();
    let total = 0;
    for (const position of holders) {
      const example = adaptation.examples[position];
      if (!example) continue;
      const { predicted, actual } = example;
      const vote: Vote<TriageLabels[F]> =
        predicted[field] === actual[field] || actual[field] === ruled ? KEEP : actual[field];
      let weight = predicted[field] === ruled ? 1 : OTHER_READING;
      // Urgency and tone go with what the lead wants: a hiring rush says nothing of a complaint.
      if (field !== 'intent' && actual.intent !== evidence.ruled.intent) weight *= OTHER_INTENT;
      const entry = tally.get(vote) ?? { weight: 0, count: 0, closest: 0 };
      entry.weight += weight;
      entry.count += 1;
      entry.closest = Math.max(entry.closest, likeness.get(example) ?? 0);
      tally.set(vote, entry);
      total += weight;
    }
    const isReading = feature.startsWith('=');
    for (const [vote, { weight, count, closest }] of tally) {
      const precision = weight / (total + DOUBT);
      if (vote === KEEP) {
        keeping = Math.max(keeping, precision);
        continue;
      }
      against = Math.max(against, precision);
      if (count < support || precision < least) continue;
      // The rules' answer alone would move every message they read so: it moves those that also
      // share words with a message the client corrected, or all of them once the client has
      // said so often enough.
      if (isReading && closest < READING_LIKENESS && (count < WHOLESALE.support || precision < WHOLESALE.precision)) {
        continue;
      }
      if (!best || precision > best.precision) best = { label: vote, precision };
    }
  }
  if (best) return { value: best.label, adapted: true, agreement: best.precision };
  return { value: ruled, adapted: false, agreement: keeping - against };
}
