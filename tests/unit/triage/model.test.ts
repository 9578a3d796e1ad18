import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LabelledLead, parseLabelledLeads } from '../../../worker/features/triage/evaluation';
import {
  BLEND,
  combineTriage,
  decodeModel,
  encodeModel,
  modelTriage,
  PRUNE_BELOW,
  rulePass,
  TRAINING,
  type TriageModels,
  trainTriageModels,
  triageModels,
} from '../../../worker/features/triage/model';
import { readMessage } from '../../../worker/features/triage/normalize';
import { triageOffline } from '../../../worker/features/triage/offline';

const read = (path: string) => parseLabelledLeads(readFileSync(new URL(path, import.meta.url), 'utf8'));
// The six labelled files the model is trained on (scripts/train-triage.ts).
const files = {
  dev: read('../../fixtures/leads-dev.jsonl'),
  heldout: read('../../fixtures/triage-heldout.jsonl'),
  a: read('../../fixtures/triage-blind-a.jsonl'),
  b: read('../../fixtures/triage-blind-b.jsonl'),
  c: read('../../fixtures/triage-blind-c.jsonl'),
  d: read('../../fixtures/triage-blind-d.jsonl'),
};
const everyLead = Object.values(files).flat();

const decisions = (models: TriageModels, leads: readonly LabelledLead[]) =>
  leads.map((lead) => {
    const decided = combineTriage(readMessage(lead.message), models, BLEND);
    return `${decided.intent}/${decided.urgency.urgency}`;
  });
const pruned = (models: TriageModels): TriageModels => ({
  intent: decodeModel(encodeModel(models.intent, PRUNE_BELOW)),
  urgency: decodeModel(encodeModel(models.urgency, PRUNE_BELOW)),
});
const urgencyOf = (message: string) => triageOffline({ name: 'Julie', message, businessName: 'Toitures Côté' }).urgency;

describe('the trained triage model', () => {
  it('ships the weights that training on the labelled files gives now (npm run train:triage)', () => {
    const retrained = pruned(trainTriageModels(everyLead, TRAINING));
    expect(decisions(retrained, everyLead)).toEqual(decisions(triageModels(), everyLead));
  }, 60_000);

  it('is deterministic: the same leads train the same model, the same message gets the same answer', () => {
    const some = files.dev;
    const first = encodeModel(trainTriageModels(some, TRAINING).intent);
    const second = encodeModel(trainTriageModels(some, TRAINING).intent);
    expect(second).toEqual(first);
    const text = readMessage('Bonjour, combien pour refaire une toiture de 1200 pi2 avant l’hiver?');
    expect(modelTriage(text)).toEqual(modelTriage(text));
  }, 30_000);

  it('never talks the rules out of a physical danger, a customer about to leave or a same-day need', () => {
    for (const message of [
      'There is a strong gas smell in the basement, can someone come?',
      'Ça sent le gaz dans la cuisine, pouvez-vous venir?',
      'Water is pouring through the ceiling of the bedroom',
      'Il y a de l’eau partout dans le sous-sol, le drain a refoulé',
      'My dog ate a whole bar of chocolate and is vomiting',
      'Sparks are coming out of the outlet in the kitchen',
      'Your crew left a mess AGAIN and nobody answers. Fix it or I cancel my contract.',
      'Can someone come today? The water heater is leaking.',
    ]) {
      const rules = rulePass(readMessage(message));
      expect(rules.urgency.urgency, message).toBe('High');
      expect(urgencyOf(message), message).toBe('High');
    }
  });

  it('keeps a pitch or a scam Low, and never makes a lead who says it can wait High', () => {
    expect(urgencyOf('We help businesses double their traffic with SEO. Reply ASAP, offer ends today!')).toBe('Low');
    expect(urgencyOf('CONGRATULATIONS you won a $500 prize, claim it today!!!')).toBe('Low');
    for (const message of [
      'Not urgent at all, but the gutter on the garage is loose. Could you look at it sometime?',
      'Pas pressé, mais la porte du garage grince. Vous pourriez passer un de ces jours?',
      'You installed our pool last June. Opened it this weekend and the filter pressure is high. Not an emergency.',
    ]) {
      expect(urgencyOf(message), message).not.toBe('High');
    }
  });

  /**
   * blind-d is the one file no rule was written against. Measured, the model trained on the
   * other five: rules alone 0.700 intent / 0.775 urgency, rules with the model 0.717 / 0.817.
   * The margins leave a lead or two of slack.
   */
  it('beats the rules alone on a file it was not trained on (blind-d)', () => {
    const others = Object.entries(files).flatMap(([name, leads]) => (name === 'd' ? [] : leads));
    const models = trainTriageModels(others, TRAINING);
    let rulesIntent = 0;
    let rulesUrgency = 0;
    let intent = 0;
    let urgency = 0;
    for (const lead of files.d) {
      const text = readMessage(lead.message);
      const rules = rulePass(text);
      const both = combineTriage(text, models, BLEND, rules);
      rulesIntent += Number(rules.intent.intent === lead.intent);
      rulesUrgency += Number(rules.urgency.urgency === lead.urgency);
      intent += Number(both.intent === lead.intent);
      urgency += Number(both.urgency.urgency === lead.urgency);
    }
    const n = files.d.length;
    expect(urgency / n).toBeGreaterThanOrEqual(rulesUrgency / n + 0.025);
    expect(intent / n).toBeGreaterThanOrEqual(rulesIntent / n);
  }, 60_000);

  it('is less confident where it is more often wrong', () => {
    const scored = files.heldout.map((lead) => {
      const got = triageOffline({ name: lead.name, message: lead.message, businessName: lead.business });
      return { confidence: got.confidence, right: got.intent === lead.intent && got.urgency === lead.urgency };
    });
    const sure = scored.filter((lead) => lead.confidence >= 0.8);
    const unsure = scored.filter((lead) => lead.confidence < 0.8);
    const accuracy = (leads: typeof scored) => leads.filter((lead) => lead.right).length / leads.length;
    expect(sure.length).toBeGreaterThan(0);
    expect(unsure.length).toBeGreaterThan(0);
    expect(accuracy(sure)).toBeGreaterThan(accuracy(unsure));
  });

  it('keeps to its size: a generated module of under 250 KB', () => {
    const size = readFileSync(new URL('../../../worker/features/triage/model/weights.ts', import.meta.url)).length;
    expect(size).toBeLessThan(250_000);
  });
});
