import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyToneOffline, type ToneInput } from '../../../worker/features/form-testing/tone';
import { measureTone, parseToneCases } from '../../../worker/features/form-testing/tone-eval';

const inquiry: ToneInput['inquiry'] = {
  message:
    'Bonjour,\n\nFaites-vous le remplacement de chauffe-eau à Laval, et quel est votre délai?\n\nMerci\nMarie Tremblay',
  senderName: 'Marie Tremblay',
  businessName: 'Plomberie Gagnon',
  language: 'fr',
};
const reply = (newText: string, overrides: Partial<ToneInput['reply']> = {}): ToneInput => ({
  inquiry,
  reply: {
    subject: 'Re: Demande',
    newText,
    fromAddress: 'luc@plomberie-gagnon.test',
    minutesAfter: 90,
    autoSubmitted: false,
    autoReasons: [],
    ...overrides,
  },
});

describe('the tone of an answer', () => {
  it('tells a template, a person, an answer to the question and an absence apart, with reasons in both languages', () => {
    const robotic = classifyToneOffline(
      reply(
        'Merci de nous avoir écrit. Nous avons bien reçu votre message et vous reviendrons dans les 24 à 48 heures ouvrables.',
        {
          fromAddress: 'no-reply@plomberie-gagnon.test',
          minutesAfter: 0,
          autoSubmitted: true,
          autoReasons: ['auto-submitted: auto-replied'],
        },
      ),
    );
    const personalized = classifyToneOffline(
      reply(
        'Bonjour Marie,\n\nOui, on remplace les chauffe-eau à Laval. Je peux passer jeudi pour voir le vôtre.\n\nLuc',
      ),
    );
    const human = classifyToneOffline(
      reply('Salut, appelle-moi demain au 514 555-0142 svp.\nLuc', { minutesAfter: 200 }),
    );
    const away = classifyToneOffline(
      reply('Je suis absent du bureau jusqu’au 8 décembre et je n’ai pas accès à mes courriels.', {
        autoSubmitted: true,
      }),
    );
    expect([robotic.tone, personalized.tone, human.tone, away.tone]).toEqual([
      'robotic',
      'personalized',
      'human',
      'none',
    ]);
    expect(personalized.personalization).toBeGreaterThan(robotic.personalization);
    for (const cue of [...robotic.cues, ...personalized.cues]) {
      expect(cue.label.en.length).toBeGreaterThan(0);
      expect(cue.label.fr.length).toBeGreaterThan(0);
    }
  });

  it('keeps its accuracy on the development set (126 labelled answers, EN and FR)', () => {
    const report = measureTone(parseToneCases(readFileSync('tests/fixtures/autoresponders-dev.jsonl', 'utf8')));
    expect(report.total).toBeGreaterThanOrEqual(120);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.perLanguage.fr.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.perLanguage.en.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
