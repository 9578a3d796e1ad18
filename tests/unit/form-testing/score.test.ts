import { describe, expect, it } from 'vitest';
import { composeInquiry } from '../../../worker/features/form-testing/inquiry';
import { formTestLimits, isStopped } from '../../../worker/features/form-testing/limits';
import { scoreAnswer, scoreTimeout } from '../../../worker/features/form-testing/score';

describe('the form test score', () => {
  it('ranks a fast, specific answer over a template, and a template over silence', () => {
    const personalized = scoreAnswer({ minutes: 2, tone: 'personalized', personalization: 0.8 });
    const human = scoreAnswer({ minutes: 134, tone: 'human', personalization: 0.1 });
    const robotic = scoreAnswer({ minutes: 0, tone: 'robotic', personalization: 0 });
    const timeout = scoreTimeout(72 * 60);
    expect(personalized.score).toBe(40 + 45 + 12);
    expect(human.score).toBe(28 + 35 + 2);
    expect(robotic.score).toBe(40 + 15);
    expect(timeout.score).toBe(0);
    expect(timeout.lines[0]!.label).toEqual({ en: 'no answer within 72 hours', fr: 'aucune réponse en 72 heures' });
    // The lines add up to the score, so the screen can show why.
    for (const { score, lines } of [personalized, human, robotic]) {
      expect(lines.reduce((sum, line) => sum + line.points, 0)).toBe(score);
    }
  });

  it('says a wait shorter than the setting in minutes', () => {
    expect(scoreTimeout(60).lines[0]!.label).toEqual({
      en: 'no answer within 1 hour',
      fr: 'aucune réponse en 1 heure',
    });
    expect(scoreTimeout(5).lines[0]!.label).toEqual({
      en: 'no answer within 5 minutes',
      fr: 'aucune réponse en 5 minutes',
    });
  });

  it('never passes 100', () => {
    expect(scoreAnswer({ minutes: 0, tone: 'personalized', personalization: 3 }).score).toBe(100);
  });
});

describe('the limits', () => {
  it('reads the settings, with the documented defaults', () => {
    expect(formTestLimits({})).toEqual({ perDay: 20, timeoutHours: 72, retestDays: 90, stopDomains: [] });
    expect(
      formTestLimits({
        FORM_TESTS_PER_DAY: '5',
        FORM_TEST_TIMEOUT_HOURS: 'x',
        FORM_TEST_STOP_DOMAINS: ' Gouv.QC.ca, *.example.ca ,',
      }),
    ).toEqual({ perDay: 5, timeoutHours: 72, retestDays: 90, stopDomains: ['gouv.qc.ca', 'example.ca'] });
  });

  it('stops a listed domain and its subdomains, not a look-alike', () => {
    expect(isStopped('quebec.gouv.qc.ca', ['gouv.qc.ca'])).toBe(true);
    expect(isStopped('gouv.qc.ca', ['gouv.qc.ca'])).toBe(true);
    expect(isStopped('notgouv.qc.ca', ['gouv.qc.ca'])).toBe(false);
  });
});

describe('the inquiry', () => {
  it('asks the trade’s question in the site’s language, signed by the sender, the same for a prospect each time', () => {
    const input = { prospectId: 'b1c2', industry: 'dental', language: 'en' as const, senderName: 'Marie Tremblay' };
    const inquiry = composeInquiry(input);
    expect(inquiry.message).toMatch(
      /^Hello,\n\n.*(patients|children).*\n\nThank you, and have a good day!\nMarie Tremblay$/s,
    );
    expect(composeInquiry(input)).toEqual(inquiry);
    expect(composeInquiry({ ...input, industry: 'dog_grooming', language: 'fr' }).message).toContain('vos services');
  });
});
