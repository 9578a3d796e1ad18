import type { Evidence, GrowthAnalysis, Recommendation } from '../../../schema/insights';
import type { Language } from '../../../schema/vocabulary';
import { frenchTypography } from '../../platform/french-typography';
import type { Advice, Words } from './advice';
import { anomalyAdvice } from './advice-anomalies';
import { demandAdvice } from './advice-demand';
import { followUpAdvice } from './advice-follow-up';
import { HABITS } from './advice-habits';
import { formatFigure } from './figure-format';

/**
 * What the analysis advises this week, without I/O: the advice that applies (each family
 * in its advice-*.ts), the most pressing first, each with the figures it rests on and the
 * leads it is about, and the deterministic writer's words for it in English and Quebec
 * French. The words quote figures only through their `display` (figure-format.ts), so every
 * number a reader sees is a number the analysis stored; other writers (OpenAI) are held to
 * the same figures (writer.ts).
 */

export { SLOW_FIRST_ACTION_MINUTES } from './advice-follow-up';
export type { Advice };

export const MIN_RECOMMENDATIONS = 3;
export const MAX_RECOMMENDATIONS = 5;

/** Every piece of advice the analysis supports, the most pressing first. */
export function adviceFor(analysis: GrowthAnalysis): Advice[] {
  return [...followUpAdvice(analysis), ...anomalyAdvice(analysis), ...demandAdvice(analysis), ...HABITS].sort(
    (a, b) => b.priority - a.priority,
  );
}

/** The advice a week's analysis gives: the most pressing, at most MAX_RECOMMENDATIONS; none without a lead. */
export function chooseAdvice(analysis: GrowthAnalysis): Advice[] {
  if (analysis.totalLeads === 0) return [];
  return adviceFor(analysis).slice(0, MAX_RECOMMENDATIONS);
}

/** The facts of a piece of advice as the reader sees them, in one language. */
export function evidenceOf(advice: Advice, language: Language): Evidence[] {
  return advice.facts.map((f) => ({
    label: f.label[language],
    figure: f.figure,
    value: f.value,
    display: formatFigure(f.value, f.kind, language),
  }));
}

/** One recommendation, with the deterministic writer's words unless `words` are given. */
export function recommendation(advice: Advice, language: Language, words?: Words): Recommendation {
  const evidence = evidenceOf(advice, language);
  const written = words ?? advice.write[language](evidence.map((item) => item.display));
  if (language === 'en') return { id: advice.id, ...written, evidence, link: advice.link };
  return {
    id: advice.id,
    title: frenchTypography(written.title),
    body: frenchTypography(written.body),
    evidence: evidence.map((item) => ({ ...item, label: frenchTypography(item.label) })),
    link: advice.link,
  };
}

/** The deterministic writer: every chosen piece of advice in both languages. */
export function offlineRecommendations(advice: readonly Advice[]): Record<Language, Recommendation[]> {
  return {
    en: advice.map((item) => recommendation(item, 'en')),
    fr: advice.map((item) => recommendation(item, 'fr')),
  };
}
