import type { FeatureVector } from './features';

/**
 * A multinomial logistic regression: one weight per feature and class, one bias per class.
 * A message's score for a class is its bias plus the weights of its features, the word
 * features scaled by 1/√(their count) so that a long message weighs no more than a short one.
 */
export interface LinearModel<C extends string = string> {
  classes: readonly C[];
  bias: readonly number[];
  weights: ReadonlyMap<string, readonly number[]>;
}

/** The scale of word features in a message with `count` of them. */
export const wordScale = (count: number): number => (count === 0 ? 0 : 1 / Math.sqrt(count));

/** Raw class scores (logits), in the order of `model.classes`. */
export function linearScores(model: LinearModel, vector: FeatureVector): number[] {
  const scores = [...model.bias];
  const add = (feature: string, scale: number) => {
    const row = model.weights.get(feature);
    if (!row) return;
    for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) + scale * (row[c] ?? 0);
  };
  const scale = wordScale(vector.words.length);
  for (const feature of vector.words) add(feature, scale);
  for (const feature of vector.flags) add(feature, 1);
  return scores;
}

/** Probabilities from logits, summing to 1. */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}

/** Class probabilities of a message, by class. */
export function probabilities<C extends string>(model: LinearModel<C>, vector: FeatureVector): Record<C, number> {
  const probs = softmax(linearScores(model, vector));
  const result = {} as Record<C, number>;
  model.classes.forEach((name, index) => {
    result[name] = probs[index] ?? 0;
  });
  return result;
}

/**
 * The compact text form of a model, as the generated weights module holds it: weights in
 * hundredths, one feature a line, `feature<TAB>w1,w2,…` with zeros left empty.
 */
export interface EncodedModel<C extends string = string> {
  classes: readonly C[];
  bias: readonly number[];
  rows: string;
}

export const WEIGHT_SCALE = 100;

export function encodeModel<C extends string>(model: LinearModel<C>, minWeight = 0.01): EncodedModel<C> {
  const round = (value: number) => Math.round(value * WEIGHT_SCALE);
  const lines: string[] = [];
  for (const feature of [...model.weights.keys()].sort()) {
    const row = model.weights.get(feature) ?? [];
    if (row.every((weight) => Math.abs(weight) < minWeight)) continue;
    const cells = row.map((weight) =>
      Math.abs(weight) < minWeight || round(weight) === 0 ? '' : String(round(weight)),
    );
    lines.push(`${feature}\t${cells.join(',')}`);
  }
  return { classes: model.classes, bias: model.bias.map((b) => round(b) / WEIGHT_SCALE), rows: lines.join('\n') };
}

export function decodeModel<C extends string>(encoded: EncodedModel<C>): LinearModel<C> {
  const weights = new Map<string, number[]>();
  for (const line of encoded.rows.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const cells = line.slice(tab + 1).split(',');
    weights.set(
      line.slice(0, tab),
      encoded.classes.map((_, index) => (cells[index] ? Number(cells[index]) / WEIGHT_SCALE : 0)),
    );
  }
  return { classes: encoded.classes, bias: encoded.bias, weights };
}
