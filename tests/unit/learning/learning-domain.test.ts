import { describe, expect, it } from 'vitest';
import { armOf, bucketOf } from '../../../worker/features/learning/ab-split';
import { scoreReply, scoreTriage } from '../../../worker/features/learning/prompt-scores';
import type { Triage } from '../../../worker/platform/ai/triage';

const triage: Triage = {
  language: 'fr',
  intent: 'support_request',
  urgency: 'High',
  tone: 'Frustrated',
  confidence: 0.82,
  summary: 'Sophie a une fuite d’eau sous l’évier et demande quelqu’un aujourd’hui.',
};

describe('A/B split', () => {
  it('puts the same lead in the same arm every time', () => {
    const lead = 'a3f1c2d4-0000-4000-8000-000000000001';
    expect(bucketOf(lead)).toBe(bucketOf(lead));
    expect(armOf(lead, 50)).toBe(armOf(lead, 50));
  });

  it('splits many leads close to the configured shares', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const control = ids.filter((id) => armOf(id, 30) === 'control').length / ids.length;
    expect(control).toBeGreaterThan(0.28);
    expect(control).toBeLessThan(0.32);
    expect(ids.every((id) => armOf(id, 100) === 'control')).toBe(true);
    expect(ids.some((id) => armOf(id, 0) === 'control')).toBe(false);
  });
});

describe('prompt scores', () => {
  it('rates a reply lower when it forgets the booking link or the business', () => {
    const expected = {
      businessName: 'Plomberie Roy',
      bookingLink: 'https://cal.example/roy',
      leadName: 'Sophie Lavoie',
    };
    const words = 'Nous avons bien reçu votre demande et nous vous répondrons très bientôt avec une proposition.';
    const good = {
      subject: 'Votre demande — Plomberie Roy',
      body: `Bonjour Sophie,\n\n${words} ${words}\n\nhttps://cal.example/roy\n\nPlomberie Roy`,
    };
    const forgetful = { subject: 'Votre demande', body: `Bonjour Sophie,\n\n${words} ${words}` };
    expect(scoreReply(good, expected)).toEqual({ consistency: 1, completeness: 1, quality: 1 });
    expect(scoreReply(forgetful, expected).completeness).toBe(0.5);
    expect(scoreReply({ ...good, body: `<p>${good.body}</p>` }, expected).consistency).toBeLessThan(1);
  });

  it('weighs a triage by its confidence and the form of its summary', () => {
    expect(scoreTriage(triage, 'Fuite sous l’évier, venez aujourd’hui svp')).toEqual({
      consistency: 1,
      completeness: 1,
      quality: 0.82,
    });
    expect(scoreTriage({ ...triage, summary: 'Fuite.' }, 'Fuite').completeness).toBe(0.75);
  });
});
