import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntentKey, Urgency } from '../../../schema/vocabulary';
import {
  adaptTriage,
  type ClientLead,
  LabelledLeadError,
  learnAdaptation,
  measureAdaptation,
  parseClientLeads,
  parseLabelledLeads,
  triageOffline,
} from '../../../worker/features/triage';
import { readMessage } from '../../../worker/features/triage/normalize';
import type { CorrectionExample, Triage, TriageInput, TriageLabels } from '../../../worker/platform/ai/triage';

const fixtureUrl = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);
const heldOut = parseLabelledLeads(readFileSync(fixtureUrl('triage-heldout.jsonl'), 'utf8'));

const input = (message: string, corrections?: CorrectionExample[]): TriageInput => ({
  name: 'Julie Tremblay',
  message,
  businessName: 'Toitures Côté',
  corrections,
});
const labelsOf = (triage: Triage): TriageLabels => ({
  language: triage.language,
  intent: triage.intent,
  urgency: triage.urgency,
  tone: triage.tone,
});
/** What a client does on the lead page: the engine's triage of a message, and its own answer. */
function correct(message: string, actual: Partial<TriageLabels>): CorrectionExample {
  const predicted = labelsOf(triageOffline(input(message)));
  return { message, predicted, actual: { ...predicted, ...actual } };
}

// A roofer for whom an ice dam is always an emergency: water gets under the shingles. The
// engine reads these messages as ordinary requests; the client corrected four, in both
// languages, with and without accents.
const iceDams = [
  correct("Bonjour, on a de la glace qui s'accumule sur le bord du toit, pouvez-vous venir voir?", {
    intent: 'support_request',
    urgency: 'High',
  }),
  correct('Hi, there is an ice dam forming on the edge of our roof, could someone come take a look?', {
    intent: 'support_request',
    urgency: 'High',
  }),
  correct("Allo, y'a un barrage de glace sur ma toiture, vous pouvez passer cette semaine?", {
    intent: 'support_request',
    urgency: 'High',
  }),
  correct('We have a big ice dam on the roof over the garage, can you come remove it?', {
    intent: 'support_request',
    urgency: 'High',
  }),
];
const newIceDams = [
  'Bonjour, il y a un gros barrage de glace au-dessus de la porte, pouvez-vous venir le casser?',
  'Hello, an ice dam has formed above the porch again, can you come deal with it?',
];
const unrelated = [
  'Bonjour, combien pour refaire le bardeau de ma toiture? Environ 1200 pi2.',
  'Do you offer gift certificates for the holidays?',
  'Merci beaucoup pour le beau travail sur notre toiture!',
  'Hi, how much would it cost to replace the shingles on a bungalow?',
];

describe("a client's corrections", () => {
  it('change the triage of a similar new message, in either language', () => {
    for (const message of newIceDams) {
      expect(triageOffline(input(message)).urgency).not.toBe('High');
      const adapted = triageOffline(input(message, iceDams));
      expect(adapted.intent).toBe('support_request');
      expect(adapted.urgency).toBe('High');
      expect(adapted.confidence).toBeGreaterThanOrEqual(0.5);
      expect(adapted.confidence).toBeLessThanOrEqual(0.9);
    }
  });

  it('leave a message unlike the corrected ones exactly as the rules triage it', () => {
    for (const message of unrelated) {
      expect(triageOffline(input(message, iceDams))).toEqual(triageOffline(input(message)));
    }
  });

  it('change nothing when there are none, on every message of a whole fixture', () => {
    for (const lead of heldOut) {
      const plain = triageOffline(input(lead.message));
      expect(triageOffline(input(lead.message, []))).toEqual(plain);
      expect(triageOffline({ ...input(lead.message), corrections: undefined })).toEqual(plain);
    }
  });

  it("are one client's own: another client's leads, with their own empty list, are untouched", () => {
    const clientA = learnAdaptation(iceDams);
    const message = newIceDams[0] ?? '';
    const text = readMessage(message);
    const ruled = triageOffline(input(message));
    // What client A's model does to this message...
    const forA = triageOffline(input(message, iceDams));
    expect(forA.urgency).toBe('High');
    // ...client B, who corrected nothing, never sees: its triage is the rules'.
    expect(triageOffline(input(message, []))).toEqual(ruled);
    // And a model learned from nothing adapts nothing.
    const empty = learnAdaptation([]);
    const rules = {
      language: ruled.language,
      intent: ruled.intent,
      urgency: { urgency: ruled.urgency, reason: null, grounded: true },
      tone: ruled.tone,
      confidence: ruled.confidence,
    };
    expect(adaptTriage(empty, text, rules)).toEqual(rules);
    expect(clientA.examples).toHaveLength(iceDams.length);
  });

  it('do not let one odd correction flip any other message', () => {
    // A client, once, calls a plain quote request spam: something it would never do again.
    const odd = correct(heldOut[0]?.message ?? '', { intent: 'spam', urgency: 'Low' });
    let changed = 0;
    for (const lead of heldOut.slice(1)) {
      const adapted = triageOffline(input(lead.message, [odd]));
      if (JSON.stringify(adapted) !== JSON.stringify(triageOffline(input(lead.message)))) changed += 1;
    }
    expect(changed).toBe(0);
    // The same message sent again does follow the client's word.
    expect(triageOffline(input(odd.message, [odd])).intent).toBe('spam');
  });

  it('raise the confidence of an answer they confirm, never past the ceiling', () => {
    // Urgency corrected, intent confirmed as the rules had it, three times.
    const confirmed = iceDams.map((correction) => ({
      ...correction,
      actual: { ...correction.actual, intent: correction.predicted.intent },
    }));
    const message = 'We have another ice dam on the roof above the garage, can you come remove it?';
    const plain = triageOffline(input(message));
    const adapted = triageOffline(input(message, confirmed));
    expect(adapted.confidence).toBeLessThanOrEqual(0.9);
    expect(adapted.confidence).toBeGreaterThanOrEqual(Math.min(plain.confidence, 0.5));
  });

  it('learn from 200 corrections and triage a lead in a few milliseconds', () => {
    const corrections = heldOut.slice(0, 200).map((lead) => correct(lead.message, { urgency: 'High' }));
    const leads = heldOut.slice(200);
    triageOffline(input(leads[0]?.message ?? '', corrections));
    const started = performance.now();
    for (const lead of leads) triageOffline(input(lead.message, corrections));
    const perLead = (performance.now() - started) / leads.length;
    // About 2 ms on the development machine; the bound leaves room for a busy one.
    expect(perLead).toBeLessThan(20);
  });
});

/**
 * A client built from the held-out set: its leads in a fixed shuffled order, with three house
 * conventions the generic engine cannot know. Every invoice is urgent; applicants get an answer
 * this week (the client is hiring); questions about opening hours are service inquiries.
 */
function conventionClient(): ClientLead[] {
  const folded = (message: string) => readMessage(message).folded;
  return heldOut.map((lead, index) => {
    let intent: IntentKey = lead.intent;
    let urgency: Urgency = lead.urgency;
    if (/factur|invoice|bill|charg/.test(folded(lead.message))) urgency = 'High';
    if (intent === 'job_application') urgency = 'Medium';
    if (intent === 'general_question' && /heure|hours|open|ouvert|close|ferme/.test(folded(lead.message))) {
      intent = 'service_inquiry';
    }
    const hour = (index * 37) % heldOut.length;
    return {
      ...lead,
      intent,
      urgency,
      client: 'held-out',
      receivedAt: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(),
    };
  });
}

describe('the time-split measure', () => {
  it("improves a client's later leads from corrections of its earlier ones, and spoils none of the rest", () => {
    const report = measureAdaptation(conventionClient(), triageOffline);
    // Measured: urgency 0.878 → 0.896 (batch) and 0.948 (online); intent 0.965 → 0.974.
    expect(report.after.urgency).toBeGreaterThan(report.before.urgency + 0.01);
    expect(report.online.urgency).toBeGreaterThan(report.before.urgency + 0.05);
    expect(report.after.intent).toBeGreaterThanOrEqual(report.before.intent);
    expect(report.after.language).toBe(report.before.language);
  });

  /**
   * Two real clients' inboxes with their house conventions, written by someone who had not seen
   * the adaptation. Its first run, design frozen: intent 0.656 → 0.700 (batch) and 0.725
   * (online), urgency 0.725 → 0.731 / 0.738. After more function words were dropped from the
   * features: intent 0.656 → 0.706 / 0.731, urgency 0.731 → 0.744 / 0.750. The rule engine
   * under it changes, so the margins leave slack.
   */
  it.skipIf(!existsSync(fixtureUrl('adaptation-clients.jsonl')))('improves intent on the two-client file', () => {
    const leads = parseClientLeads(readFileSync(fixtureUrl('adaptation-clients.jsonl'), 'utf8'));
    const report = measureAdaptation(leads, triageOffline);
    expect(new Set(leads.map((lead) => lead.client)).size).toBe(2);
    expect(report.after.intent).toBeGreaterThan(report.before.intent + 0.03);
    expect(report.online.intent).toBeGreaterThan(report.before.intent + 0.05);
    expect(report.after.urgency).toBeGreaterThanOrEqual(report.before.urgency - 0.01);
    expect(report.after.language).toBe(report.before.language);
  });

  it('rejects a line without its client or with a date that is none', () => {
    const line = (fields: Record<string, unknown>) =>
      JSON.stringify({ message: 'Hi', language: 'en', intent: 'spam', urgency: 'low', ...fields });
    expect(() => parseClientLeads(line({ receivedAt: '2026-01-01T00:00:00Z' }))).toThrow(LabelledLeadError);
    expect(() => parseClientLeads(line({ client: 'a', receivedAt: 'yesterday' }))).toThrow(/line 1: "receivedAt"/);
    expect(() => parseClientLeads(`\n${line({ client: '', receivedAt: '2026-01-01' })}`)).toThrow(/line 2: "client"/);
    expect(parseClientLeads(line({ client: 'a', receivedAt: '2026-01-01T00:00:00Z' }))[0]?.client).toBe('a');
  });
});
