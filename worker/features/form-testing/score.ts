import type { ScoreLine } from '../../../schema/form-tests-api';
import type { AutoresponderTone } from '../../../schema/vocabulary';

/**
 * How well a business answers a stranger who writes to its form, 0–100: how fast the
 * first answer came, what kind of answer it was, and how much of the question it took
 * up. No answer before the timeout is 0. The higher it is, the less the business needs
 * Avenir; outreach quotes the facts behind a low one. Pure.
 *
 *   speed      ≤ 5 min 40 · ≤ 1 h 34 · ≤ 4 h 28 · ≤ 24 h 20 · ≤ 72 h 10 · later 4
 *   kind       personalized 45 · human 35 · robotic (a template) 15
 *   substance  up to 15, in proportion to how much of the question the answer takes up
 */

const SPEED: readonly { withinMinutes: number; points: number; en: string; fr: string }[] = [
  { withinMinutes: 5, points: 40, en: 'answered within 5 minutes', fr: 'réponse en moins de 5 minutes' },
  { withinMinutes: 60, points: 34, en: 'answered within an hour', fr: 'réponse en moins d’une heure' },
  { withinMinutes: 240, points: 28, en: 'answered within 4 hours', fr: 'réponse en moins de 4 heures' },
  { withinMinutes: 1440, points: 20, en: 'answered within a day', fr: 'réponse en moins d’une journée' },
  { withinMinutes: 4320, points: 10, en: 'answered within 3 days', fr: 'réponse en moins de 3 jours' },
  {
    withinMinutes: Number.POSITIVE_INFINITY,
    points: 4,
    en: 'answered after 3 days',
    fr: 'réponse après plus de 3 jours',
  },
];

const KIND: Record<Exclude<AutoresponderTone, 'none'>, { points: number; en: string; fr: string }> = {
  personalized: { points: 45, en: 'the answer takes up what was asked', fr: 'la réponse reprend la demande' },
  human: { points: 35, en: 'a person wrote back', fr: 'une personne a répondu' },
  robotic: { points: 15, en: 'a template answered', fr: 'un gabarit automatique a répondu' },
};

export const SUBSTANCE_POINTS = 15;

export interface FormTestScore {
  score: number;
  lines: ScoreLine[];
}

export function scoreAnswer(answer: {
  minutes: number;
  tone: Exclude<AutoresponderTone, 'none'>;
  personalization: number;
}): FormTestScore {
  const speed = SPEED.find((step) => answer.minutes <= step.withinMinutes)!;
  const kind = KIND[answer.tone];
  const substance = Math.round(SUBSTANCE_POINTS * Math.min(1, Math.max(0, answer.personalization)));
  const lines: ScoreLine[] = [
    { key: 'speed', points: speed.points, label: { en: speed.en, fr: speed.fr } },
    { key: 'kind', points: kind.points, label: { en: kind.en, fr: kind.fr } },
  ];
  if (substance > 0) {
    lines.push({
      key: 'substance',
      points: substance,
      label: { en: 'answers the question itself', fr: 'répond à la question elle-même' },
    });
  }
  return {
    score: Math.min(
      100,
      lines.reduce((sum, line) => sum + line.points, 0),
    ),
    lines,
  };
}

export function scoreTimeout(minutes: number): FormTestScore {
  // The setting is in hours; a shorter wait (a demo's `--after-minutes`) is said in minutes.
  const hours = minutes / 60;
  const label = Number.isInteger(hours)
    ? {
        en: `no answer within ${hours} ${hours === 1 ? 'hour' : 'hours'}`,
        fr: `aucune réponse en ${hours} ${hours === 1 ? 'heure' : 'heures'}`,
      }
    : {
        en: `no answer within ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
        fr: `aucune réponse en ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
      };
  return { score: 0, lines: [{ key: 'no_answer', points: 0, label }] };
}
