import { describe, expect, it } from 'vitest';
import type { GrowthAnalysis } from '../../../schema/insights';
import type { Language } from '../../../schema/vocabulary';
import { type DigestInput, digestMail } from '../../../worker/features/insights/digest-mail';
import { chooseAdvice, offlineRecommendations } from '../../../worker/features/insights/recommendations';
import { busyWeek, franchise, noFollowUp, quietClient } from './analysis-fixtures';

const NBSP = '\u00a0';
const INSIGHTS_URL = 'https://app.avenir.example/app/insights';
const TURN_OFF_URL = 'https://app.avenir.example/digest/off?token=tok%2Fen';

function mail(analysis: GrowthAnalysis, language: Language, overrides: Partial<DigestInput> = {}) {
  return digestMail({
    language,
    businessName: 'Plomberie Tremblay',
    analysis,
    recommendations: offlineRecommendations(chooseAdvice(analysis))[language],
    insightsUrl: INSIGHTS_URL,
    turnOffUrl: TURN_OFF_URL,
    ...overrides,
  });
}
const lines = (text: string) => text.split('\n');

describe('the Monday digest, in English', () => {
  const analysis = busyWeek();
  const digest = mail(analysis, 'en');

  it('names the week’s lead count in the subject', () => {
    expect(digest.subject).toBe('Your week with Avenir: 30 leads');
  });

  it('gives the three figures: leads against the week before, urgent and still waiting, median first follow-up', () => {
    const text = lines(digest.text);
    expect(text).toContain('Leads: 30 (the week before: 14)');
    expect(text).toContain('Urgent requests: 9 (still waiting for you: 4)');
    expect(text).toContain(`First follow-up: 3${NBSP}h${NBSP}6${NBSP}min (median)`);
    expect(lines(digest.text)[0]).toBe("Here is Plomberie Tremblay's week, and what to do about it.");
  });

  it('numbers the recommendations in order, each title on its line and its body under it', () => {
    const recommendations = offlineRecommendations(chooseAdvice(analysis)).en;
    const text = lines(digest.text);
    const start = text.indexOf('This week:');
    expect(start).toBeGreaterThan(0);
    recommendations.forEach((item, index) => {
      const at = text.indexOf(`${index + 1}. ${item.title}`);
      expect(at, item.id).toBeGreaterThan(start);
      expect(text[at + 1], item.id).toBe(item.body);
    });
    // In the order given: 1. before 2. before 3.
    const positions = recommendations.map((item, index) => text.indexOf(`${index + 1}. ${item.title}`));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('ends with the insights link and the turn-off link, each on its own line', () => {
    const text = lines(digest.text);
    const open = text.indexOf(INSIGHTS_URL);
    const off = text.indexOf(TURN_OFF_URL);
    expect(text[open - 1]).toBe('See every figure and chart:');
    expect(text[off - 1]).toBe('You get this digest every Monday. To stop it, one click:');
    expect(off).toBeGreaterThan(open);
    expect(text.at(-1)).toBe(TURN_OFF_URL);
    const lastAdvice = text.indexOf(`5. ${offlineRecommendations(chooseAdvice(analysis)).en[4]!.title}`);
    expect(open).toBeGreaterThan(lastAdvice);
  });

  it('says so when no lead was followed up yet, instead of a median', () => {
    const text = mail(noFollowUp(), 'en').text;
    expect(lines(text)).toContain('First follow-up: no lead was followed up yet');
    expect(text).not.toContain('(median)');
  });

  it('writes one lead in the singular', () => {
    expect(mail(quietClient(), 'en').subject).toBe('Your week with Avenir: 1 lead');
  });

  it('leaves the “this week” heading out with no recommendation to give', () => {
    const text = mail(busyWeek(), 'en', { recommendations: [] }).text;
    expect(text).not.toContain('This week:');
    expect(text).not.toMatch(/^1\. /m);
    expect(lines(text)).toContain(INSIGHTS_URL);
  });
});

describe('the Monday digest, for a French-speaking client', () => {
  const analysis = busyWeek();
  const digest = mail(analysis, 'fr');

  it('is written in French, the subject naming the week’s demandes', () => {
    expect(digest.subject).toBe('Votre semaine avec Avenir : 30 demandes');
    expect(mail(quietClient(), 'fr').subject).toBe('Votre semaine avec Avenir : 1 demande');
    expect(lines(digest.text)[0]).toBe('Voici la semaine de Plomberie Tremblay et ce qu’il y a à faire ensuite.');
  });

  it('gives the three figures in French', () => {
    const text = lines(digest.text);
    expect(text).toContain('Demandes : 30 (la semaine d’avant : 14)');
    expect(text).toContain('Demandes urgentes : 9 (encore en attente : 4)');
    expect(text).toContain(`Premier suivi : 3${NBSP}h${NBSP}6${NBSP}min (médiane)`);
    expect(lines(mail(noFollowUp(), 'fr').text)).toContain('Premier suivi : aucune demande n’a encore eu de suivi');
  });

  it('lists the French recommendations and the French link lines', () => {
    const recommendations = offlineRecommendations(chooseAdvice(analysis)).fr;
    const text = lines(digest.text);
    expect(text).toContain('Cette semaine :');
    expect(text).toContain(`1. ${recommendations[0]!.title}`);
    expect(text[text.indexOf(INSIGHTS_URL) - 1]).toBe('Tous les chiffres et les graphiques :');
    expect(text[text.indexOf(TURN_OFF_URL) - 1]).toBe(
      'Vous recevez ce résumé chaque lundi. Pour ne plus le recevoir, un clic :',
    );
    expect(digest.text).not.toContain('This week:');
  });

  it('groups thousands the French way', () => {
    const big = mail(franchise(), 'fr');
    expect(big.subject).toBe(`Votre semaine avec Avenir : 4${NBSP}321 demandes`);
    expect(lines(big.text)).toContain(`Demandes : 4${NBSP}321 (la semaine d’avant : 3${NBSP}210)`);
    expect(lines(mail(franchise(), 'en').text)).toContain('Leads: 4,321 (the week before: 3,210)');
  });
});
