import type { CorrectionExample, TriageLabels } from '../../../platform/ai/triage';
import { messageFeatures } from './features';

/** A corrected message as the adaptation keeps it: its features, and both triages of it. */
export interface LearnedExample {
  features: ReadonlySet<string>;
  /** Sum of the squared weights of its features (the length of its TF-IDF vector, squared). */
  norm: number;
  predicted: TriageLabels;
  actual: TriageLabels;
}

/**
 * What a client's corrections teach: the corrected messages indexed by their features, with
 * each feature's rarity among them (a word in every corrected message tells little).
 */
export interface Adaptation {
  /** In the order given: newest first. */
  examples: readonly LearnedExample[];
  /** For each feature, the examples that hold it (their indices, ascending). */
  index: ReadonlyMap<string, readonly number[]>;
  /** Inverse document frequency of each feature over the corrected messages. */
  weights: ReadonlyMap<string, number>;
}

/** A corrected message close to the one being triaged, and how close (cosine, 0–1). */
export interface Neighbour {
  example: LearnedExample;
  similarity: number;
}

/**
 * Learns a client's adaptation from its corrections (the caller's bound, newest first). Pure and
 * deterministic; linear in the corrections' length.
 */
export function learnAdaptation(corrections: readonly CorrectionExample[]): Adaptation {
  const index = new Map<string, number[]>();
  const hold = (feature: string, position: number) => {
    const holders = index.get(feature);
    if (holders) holders.push(position);
    else index.set(feature, [position]);
  };
  const featureSets = corrections.map((correction, position) => {
    const features = new Set(messageFeatures(correction.message));
    for (const feature of features) hold(feature, position);
    for (const field of READINGS) hold(readingFeature(field, correction.predicted), position);
    return features;
  });
  const weights = new Map<string, number>();
  for (const [feature, holders] of index)
    if (!feature.startsWith('=')) weights.set(feature, idf(corrections.length, holders.length));
  const examples = corrections.map((correction, position): LearnedExample => {
    const features = featureSets[position] ?? new Set<string>();
    let norm = 0;
    for (const feature of features) norm += (weights.get(feature) ?? 0) ** 2;
    return { features, norm, predicted: correction.predicted, actual: correction.actual };
  });
  return { examples, index, weights };
}

/**
 * The fields whose rule answer is itself a feature: "the rules said vendor_pitch" is something
 * the corrected messages share, the one a client who files every pitch as spam corrects. Not
 * the language, which a message's words settle.
 */
export const READINGS = ['intent', 'urgency', 'tone'] as const;

/**
 * The feature of a message the rules read as `labels` say, for one field (no word looks like
 * it). An urgency is read with its intent: "the rules said Medium for a complaint".
 */
export function readingFeature(field: (typeof READINGS)[number], labels: TriageLabels): string {
  return field === 'urgency' ? `=urgency:${labels.intent}:${labels.urgency}` : `=${field}:${labels[field]}`;
}

const idf = (total: number, holding: number) => Math.log((total + 1) / holding);

/**
 * The corrected messages at least `minSimilarity` alike to a message (its features), closest
 * first, ties in the corrections' order. Alike is the cosine of IDF-weighted feature sets; a
 * feature no corrected message has weighs as the rarest.
 */
export function neighboursOf(adaptation: Adaptation, features: readonly string[], minSimilarity: number): Neighbour[] {
  const unseen = idf(adaptation.examples.length, 1);
  let queryNorm = 0;
  const dots = new Map<number, number>();
  for (const feature of features) {
    const weight = adaptation.weights.get(feature);
    queryNorm += (weight ?? unseen) ** 2;
    if (weight === undefined) continue;
    for (const position of adaptation.index.get(feature) ?? []) {
      dots.set(position, (dots.get(position) ?? 0) + weight * weight);
    }
  }
  const neighbours: Neighbour[] = [];
  for (const [position, dot] of [...dots].sort((a, b) => a[0] - b[0])) {
    const example = adaptation.examples[position];
    if (!example || dot === 0) continue;
    const similarity = dot / Math.sqrt(queryNorm * example.norm);
    if (similarity >= minSimilarity) neighbours.push({ example, similarity });
  }
  return neighbours.sort((a, b) => b.similarity - a.similarity);
}
