import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENT_KEYS, LANGUAGES, LEAD_TONES, URGENCIES } from '../../../schema/vocabulary';
import { evaluateTriage, LabelledLeadError, parseLabelledLeads } from '../../../worker/features/triage/evaluation';
import { triageOffline } from '../../../worker/features/triage/offline';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import type { Triage, TriageInput } from '../../../worker/platform/ai/triage';

// Messages written for these tests, not taken from leads-dev.jsonl: a guard against rules
// that only fit the development file.
const fixture = (name: string) =>
  parseLabelledLeads(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
const heldOut = fixture('triage-heldout.jsonl');
/**
 * Written by people who saw neither the engine nor the dev file. Each was then used to improve
 * the engine's cues, so none is blind any more: blind-b measured 0.75 intent / 0.84 urgency the
 * first time the engine saw it, blind-c 0.76 / 0.88 (after the rules learnt from blind-b). The
 * floors keep later changes from eroding what was reached since, with a small margin.
 */
const blindA = fixture('triage-blind-a.jsonl');
const blindB = fixture('triage-blind-b.jsonl');
const blindC = fixture('triage-blind-c.jsonl');

const triage = (message: string, extra: Partial<TriageInput> = {}): Triage =>
  triageOffline({ name: 'Julie Tremblay', message, businessName: 'Toitures Côté', ...extra });

/** The quoted parts of a summary, “…” or « … ». */
function quotedParts(summary: string): string[] {
  return [...summary.matchAll(/“([^”]*)”|« ([^»]*) »/g)].map((match) => match[1] ?? match[2] ?? '');
}

describe('offline triage on messages it was not written against', () => {
  it('covers both languages, every intent and every urgency', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(30);
    expect(new Set(heldOut.map((lead) => lead.language))).toEqual(new Set(LANGUAGES));
    expect(new Set(heldOut.map((lead) => lead.intent))).toEqual(new Set(INTENT_KEYS));
    expect(new Set(heldOut.map((lead) => lead.urgency))).toEqual(new Set(URGENCIES));
  });

  it('reaches 0.95 on language, 0.7 on intent and 0.7 on urgency', () => {
    const report = evaluateTriage(heldOut, triageOffline);
    expect(report.language).toBeGreaterThanOrEqual(0.95);
    expect(report.intent).toBeGreaterThanOrEqual(0.7);
    expect(report.urgency).toBeGreaterThanOrEqual(0.7);
  });

  it('holds its figures on sets written blind by other people', () => {
    const a = evaluateTriage(blindA, triageOffline);
    const b = evaluateTriage(blindB, triageOffline);
    const c = evaluateTriage(blindC, triageOffline);
    expect([a.language, b.language, c.language]).toEqual([1, 1, 1]);
    expect(a.intent).toBeGreaterThanOrEqual(0.9);
    expect(a.urgency).toBeGreaterThanOrEqual(0.9);
    expect(b.intent).toBeGreaterThanOrEqual(0.95);
    expect(b.urgency).toBeGreaterThanOrEqual(0.93);
    expect(c.intent).toBeGreaterThanOrEqual(0.95);
    expect(c.urgency).toBeGreaterThanOrEqual(0.95);
  });
});

describe('language', () => {
  it('is read from the message, not from the form', () => {
    expect(triage('Bonjour, pouvez-vous me rappeler pour une soumission?', { formLanguage: 'en' }).language).toBe('fr');
    expect(triage('Hi, could you call me back about a quote?', { formLanguage: 'fr' }).language).toBe('en');
  });

  it('recognises Quebec French written without accents', () => {
    expect(triage('allo chu a laval, c combien pour refaire 1200 pi2 de toiture svp').language).toBe('fr');
    expect(triage('Bonjour, mon cellulaire est le meilleur moyen de me joindre la fin de semaine').language).toBe('fr');
  });

  it('falls back on the form language only when the message cannot tell', () => {
    expect(triage('OK', { formLanguage: 'fr' }).language).toBe('fr');
    expect(triage('OK', { formLanguage: 'en' }).language).toBe('en');
    expect(triage('Merci!', { formLanguage: 'en' }).language).toBe('fr');
  });
});

describe('intent', () => {
  it('calls an emergency support even when the lead also asks a price', () => {
    const result = triage(
      'Our basement is flooding and the sump pump stopped working. How much for an emergency visit?',
    );
    expect(result.intent).toBe('support_request');
    expect(result.urgency).toBe('High');
  });

  it('keeps "charged twice" a billing question when the lead is annoyed but staying', () => {
    expect(triage('This is unacceptable: I was charged twice for invoice 1182. Please fix it.').intent).toBe('billing');
    expect(triage('Vous m’avez chargé deux fois pour la même facture, pouvez-vous vérifier?').intent).toBe('billing');
  });

  it('calls an angry lead who threatens to leave over a bill a complaint, and urgent', () => {
    const result = triage(
      'Your invoice is wrong AGAIN and nobody called me back. I am disappointed, fix it or I will cancel my account.',
    );
    expect(result.intent).toBe('complaint');
    expect(result.urgency).toBe('High');
  });

  it('tells a question about what the business does from a question about the business', () => {
    expect(triage('Faites-vous aussi l’entretien des thermopompes?').intent).toBe('service_inquiry');
    expect(triage('Quelles sont vos heures d’ouverture le dimanche?').intent).toBe('general_question');
  });

  it('reads a Quebec inversion written without its hyphen ("offrez vous")', () => {
    expect(triage('Bonjour, offrez vous du tutorat en maths?').intent).toBe('service_inquiry');
  });

  it('calls a part that gave way after the business worked on it support, not a capability question', () => {
    expect(triage('Picked my bike up from you after the tune-up and the chain snapped. Can you fix it?').intent).toBe(
      'support_request',
    );
  });

  it('sees an offer made to the business as a pitch even when it proposes a demo', () => {
    const result = triage(
      'I am with a practice management platform for clinics. Our promo ends Friday: get 3 months free. Can I book you in for a 20-min demo?',
    );
    expect(result.intent).toBe('vendor_pitch');
    expect(result.urgency).toBe('Low');
  });

  it('sees a sender who says it is no pitch, and wants to refer work both ways, as a partner', () => {
    expect(
      triage(
        "I'm not pitching you services: I'm looking for an agency to partner with, we'd refer work back and forth.",
      ).intent,
    ).toBe('partnership');
  });

  it('sees a prize scam as spam even when it mentions a price', () => {
    expect(triage('CONGRATULATIONS you have won a $500 prize, click here to claim your reward').intent).toBe('spam');
  });
});

describe('urgency', () => {
  it('is Low when the lead says there is no hurry', () => {
    expect(triage('Not urgent at all, but could you send me a quote for a new deck?').urgency).toBe('Low');
    expect(triage('J’aimerais un rendez-vous pour un nettoyage, pas pressée.').urgency).toBe('Low');
  });

  it('is Medium for a plain quote request', () => {
    expect(triage('Bonjour, combien pour changer 4 pneus sur une Corolla?').urgency).toBe('Medium');
  });

  it('is High for a same-day need', () => {
    expect(triage('Est-ce que quelqu’un peut passer aujourd’hui? Le chauffe-eau fuit.').urgency).toBe('High');
  });

  it('reads "not an emergency" as a reason to wait even with a day named', () => {
    expect(
      triage(
        'You installed our pool last June. Opened it this weekend and the filter pressure is high. Not an emergency.',
      ).urgency,
    ).toBe('Medium');
  });

  it('is High when the provider the lead counted on dropped out', () => {
    expect(triage('Our previous movers just bailed on us. How much to move a 2 bedroom on the 1st?').urgency).toBe(
      'High',
    );
  });

  it('is not High for a lead who wants lessons to start as soon as possible', () => {
    expect(triage('Offrez-vous du tutorat en maths? On aimerait commencer le plus tôt possible.').urgency).toBe(
      'Medium',
    );
  });

  it('is Low for a pitch, whatever it says about timing', () => {
    expect(triage('We help businesses double their traffic with SEO. Reply ASAP, offer ends today!').urgency).toBe(
      'Low',
    );
  });
});

describe('summary', () => {
  const roof =
    "Bonjour, j'aurais besoin d'une soumission pour refaire la toiture de mon bungalow à Laval, environ 1200 pi2. Idéalement avant l'hiver. Merci!";

  it('is written in French for a French message', () => {
    const { summary } = triage(roof, { formLanguage: 'en' });
    expect(summary).toMatch(/^Julie demande une soumission/);
    expect(summary).not.toMatch(/\b(is asking|quote|Details)\b/);
  });

  it('keeps the details that matter: what, where, how much and by when', () => {
    const { summary } = triage(roof);
    for (const detail of ['toiture', 'Laval', '1200 pi2', "avant l'hiver"]) expect(summary).toContain(detail);
  });

  it('says why a lead is urgent, in the lead’s words', () => {
    const { summary } = triage('Water is pouring from the ceiling RIGHT NOW. Can someone come today? 514-555-0199');
    expect(summary).toMatch(/Urgent: .*“RIGHT NOW”/);
    expect(summary).toContain('514-555-0199');
  });

  it('never mentions a phone number, an urgency or a deadline the message does not have', () => {
    const { summary } = triage('Hi, what are your rates for a water heater replacement?');
    expect(summary).not.toMatch(/phone|urgent|today|\d{3}-\d{4}/i);
  });

  it('quotes only words the lead wrote', () => {
    for (const lead of heldOut) {
      const message = lead.message.replace(/\s+/g, ' ').toLowerCase();
      for (const quote of quotedParts(triageOffline({ ...lead, businessName: lead.business }).summary)) {
        for (const fragment of quote.split(/[.!?…]+\s*/).filter(Boolean)) {
          expect(message, lead.message).toContain(fragment.toLowerCase());
        }
      }
    }
  });

  it('is one paragraph of at most 300 characters', () => {
    for (const lead of heldOut) {
      const { summary } = triageOffline({ ...lead, businessName: lead.business });
      expect(summary).not.toMatch(/\n/);
      expect(summary.length).toBeLessThanOrEqual(300);
    }
  });
});

describe('robustness', () => {
  it('gives the same triage for the same message, every time', () => {
    const first = heldOut.map((lead) => triageOffline({ ...lead, businessName: lead.business }));
    const second = heldOut.map((lead) => triageOffline({ ...lead, businessName: lead.business }));
    expect(second).toEqual(first);
  });

  it.each([
    '',
    '   \n\t ',
    '!!!???',
    'asdf',
    '<script>alert(1)</script>',
    '🙂🙂🙂',
    '\u0000\u0007 bonjour',
    'a'.repeat(6_000),
  ])('gives a valid triage in the vocabulary for %j', (message) => {
    const result = triageOffline({ name: '', message, businessName: 'X' });
    expect(LANGUAGES).toContain(result.language);
    expect(INTENT_KEYS).toContain(result.intent);
    expect(URGENCIES).toContain(result.urgency);
    expect(LEAD_TONES).toContain(result.tone);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(0.9);
    expect(result.summary.length).toBeGreaterThan(0);
    expect(result.summary.length).toBeLessThanOrEqual(300);
    expect(result.summary).not.toMatch(/\p{Cc}/u);
  });

  it('is never certain, and less sure when it had to guess the intent', () => {
    const clear = triage('Bonjour, je voudrais une soumission pour refaire ma toiture. Quel est votre prix?');
    const vague = triage('Bonjour, c’est au sujet de ma maison.');
    expect(clear.confidence).toBeLessThanOrEqual(0.9);
    expect(vague.intent).toBe('general_question');
    expect(vague.confidence).toBeLessThan(clear.confidence - 0.2);
    expect(Number.isInteger(clear.confidence * 100)).toBe(true);
  });
});

describe('tone', () => {
  it('hears frustration, formality, enthusiasm and a casual register', () => {
    expect(triage('This is UNACCEPTABLE, nobody called me back!!!').tone).toBe('Frustrated');
    expect(triage('Madame, Monsieur, je vous prie de me faire parvenir votre soumission.').tone).toBe('Formal');
    expect(triage('We loved the new patio, amazing work!').tone).toBe('Enthusiastic');
    expect(triage('allo chu pas sure si vous faites les toits plats lol').tone).toBe('Casual');
    expect(triage('Hi! Could you send me a quote? Thanks so much, have a nice day').tone).toBe('Friendly');
    expect(triage('Please send a quote for the replacement of 12 windows.').tone).toBe('Professional');
  });
});

describe('the offline AI engine', () => {
  const prompt = { id: 'p', variantId: 'triage.fr.v1', text: 'ignored', language: 'fr' as const };

  it('triages and writes replies without cost, and says it was the offline engine', async () => {
    const result = await offlineAi.triage(
      { name: 'Julie', message: 'Combien pour un toit?', businessName: 'X' },
      prompt,
    );
    expect(result).toMatchObject({ engine: 'offline', usage: null, value: { intent: 'quote_request' } });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const reply = await offlineAi.writeReply(
      {
        lead: { name: 'Julie', message: 'Combien pour un toit?' },
        triage: result.value,
        business: { name: 'Toitures Côté', tone: 'Friendly', bookingLink: null },
      },
      prompt,
    );
    expect(reply).toMatchObject({ engine: 'offline', usage: null });
    expect(reply.value.body).toContain('Toitures Côté');
  });

  it('cannot translate', async () => {
    expect(await offlineAi.translate('Bonjour', 'fr', 'en', 'lead_summary')).toBeNull();
  });
});

describe('labelled lead files', () => {
  it('name the line that is malformed', () => {
    const good = '{"name":"A","message":"Hi","language":"en","intent":"spam","urgency":"low"}';
    expect(parseLabelledLeads(`${good}\n\n${good}`)).toHaveLength(2);
    expect(() => parseLabelledLeads(`${good}\n{oops`)).toThrow(new LabelledLeadError(2, 'not valid JSON'));
    expect(() => parseLabelledLeads(good.replace('spam', 'sales'))).toThrow(/line 1: unknown intent "sales"/);
  });
});
