import { INTENT_KEYS, type IntentKey, URGENCIES, type Urgency } from '../../../../schema/vocabulary';
import type { LabelledLead } from '../evaluation';
import { readMessage } from '../normalize';
import { assessUrgency } from '../urgency';
import { rulePass, type TriageModels } from './combine';
import { baseFeatures, type FeatureVector, intentFeatures, urgencyFeatures } from './features';
import { type LinearModel, softmax, wordScale } from './linear';

export interface TrainingExample<C extends string> {
  vector: FeatureVector;
  label: C;
}

export interface TrainingOptions {
  /** L2 penalty on the weights (not on the biases), per example. */
  l2: number;
  /** Full passes of gradient descent. */
  iterations: number;
  /** A feature seen in fewer messages than this is dropped. */
  minCount: number;
  /** Flags whose name starts with one of these are not learnt from. */
  skip?: readonly string[];
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.01, iterations: 300, minCount: 2 };

/**
 * L2-regularised multinomial logistic regression by full-batch gradient descent with Nesterov
 * momentum, from zero weights, over the examples in their order: deterministic, the same
 * examples always give the same model.
 */
export function trainLinear<C extends string>(
  examples: ReadonlyArray<TrainingExample<C>>,
  classes: readonly C[],
  options: TrainingOptions = DEFAULT_TRAINING,
): LinearModel<C> {
  const skip = options.skip ?? [];
  const counts = new Map<string, number>();
  const kept = (flag: string) => !skip.some((prefix) => flag.startsWith(prefix));
  for (const { vector } of examples) {
    for (const feature of new Set([...vector.words, ...vector.flags.filter(kept)]))
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const index = new Map<string, number>();
  for (const [feature, count] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count >= options.minCount) index.set(feature, index.size);
  }
  // Each example as sparse (feature index, value) pairs.
  const rows = examples.map(({ vector, label }) => {
    const scale = wordScale(vector.words.length);
    const ids: number[] = [];
    const values: number[] = [];
    for (const feature of vector.words) {
      const id = index.get(feature);
      if (id === undefined) continue;
      ids.push(id);
      values.push(scale);
    }
    for (const flag of vector.flags) {
      const id = kept(flag) ? index.get(flag) : undefined;
      if (id === undefined) continue;
      ids.push(id);
      values.push(1);
    }
    return { ids, values, label: classes.indexOf(label) };
  });
  const k = classes.length;
  const n = Math.max(1, rows.length);
  const dims = index.size * k;
  let weights = new Float64Array(dims);
  let bias = new Float64Array(k);
  let previous = new Float64Array(dims);
  let previousBias = new Float64Array(k);
  const rate = 0.5;
  for (let step = 1; step <= options.iterations; step++) {
    // Nesterov: the gradient at the point momentum is carrying us to.
    const momentum = (step - 1) / (step + 2);
    const lookW = new Float64Array(dims);
    const lookB = new Float64Array(k);
    for (let i = 0; i < dims; i++) lookW[i] = weights[i]! + momentum * (weights[i]! - previous[i]!);
    for (let c = 0; c < k; c++) lookB[c] = bias[c]! + momentum * (bias[c]! - previousBias[c]!);
    const gradW = new Float64Array(dims);
    const gradB = new Float64Array(k);
    const logits = new Array<number>(k);
    for (const row of rows) {
      for (let c = 0; c < k; c++) {
        let sum = lookB[c]!;
        for (let j = 0; j < row.ids.length; j++) sum += row.values[j]! * lookW[row.ids[j]! * k + c]!;
        logits[c] = sum;
      }
      const probs = softmax(logits);
      for (let c = 0; c < k; c++) {
        const error = (probs[c] ?? 0) - (c === row.label ? 1 : 0);
        gradB[c]! += error / n;
        for (let j = 0; j < row.ids.length; j++) gradW[row.ids[j]! * k + c]! += (error * row.values[j]!) / n;
      }
    }
    const nextW = new Float64Array(dims);
    const nextB = new Float64Array(k);
    for (let i = 0; i < dims; i++) nextW[i] = lookW[i]! - rate * (gradW[i]! + options.l2 * lookW[i]!);
    for (let c = 0; c < k; c++) nextB[c] = lookB[c]! - rate * gradB[c]!;
    previous = weights;
    previousBias = bias;
    weights = nextW;
    bias = nextB;
  }
  const result = new Map<string, number[]>();
  for (const [feature, id] of index) result.set(feature, Array.from(weights.subarray(id * k, id * k + k)));
  return { classes, bias: Array.from(bias), weights: result };
}

/**
 * The intent and urgency models learnt from labelled leads. The intent model reads each
 * message with the rules' answer; the urgency model reads it with its labelled intent and the
 * urgency the rules give that intent (at run time: the intent decided, and the rules' urgency
 * for it).
 */
export function trainTriageModels(
  leads: ReadonlyArray<Pick<LabelledLead, 'message' | 'intent' | 'urgency'>>,
  options: { intent: TrainingOptions; urgency: TrainingOptions } = {
    intent: DEFAULT_TRAINING,
    urgency: DEFAULT_TRAINING,
  },
): TriageModels {
  const intents: TrainingExample<IntentKey>[] = [];
  const urgencies: TrainingExample<Urgency>[] = [];
  for (const lead of leads) {
    const text = readMessage(lead.message);
    const rules = rulePass(text);
    const base = baseFeatures(text);
    intents.push({ vector: intentFeatures(base, rules.intent, rules.scores), label: lead.intent });
    const ruled = lead.intent === rules.intent.intent ? rules.urgency : assessUrgency(text, lead.intent);
    urgencies.push({ vector: urgencyFeatures(base, lead.intent, ruled), label: lead.urgency });
  }
  return {
    intent: trainLinear(intents, INTENT_KEYS, options.intent),
    urgency: trainLinear(urgencies, URGENCIES, options.urgency),
  };
}
