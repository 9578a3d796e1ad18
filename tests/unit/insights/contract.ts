/**
 * The recommendations' contract, as assertions: every number a reader sees is one the
 * analysis stored, quoted through its evidence, and every link opens a real dashboard filter.
 */
import * as v from 'valibot';
import { expect } from 'vitest';
import type { GrowthAnalysis, Recommendation } from '../../../schema/insights';
import { INTENT_KEYS, type IntentKey, type Language } from '../../../schema/vocabulary';
import { activityQuery, leadListQuery } from '../../../worker/features/inbox/query';
import { type FigureKind, formatFigure, numbersIn } from '../../../worker/features/insights/figure-format';

/** The value at a dotted path of the analysis (`figures.anomalies.0.ratio`, `topIntents.2.changePercent`). */
export function valueAt(analysis: GrowthAnalysis, path: string): unknown {
  let value: unknown = analysis;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** How each kind of figure is written; a figure not listed here is one the test does not know yet. */
const KINDS: [RegExp, FigureKind][] = [
  [/^figures\.counts\.(waitingHigh|leads|autoReplied)$/, 'count'],
  [/^figures\.anomalies\.\d+\.period$/, 'count'],
  [/^figures\.anomalies\.\d+\.ratio$/, 'ratio'],
  [/^figures\.anomalies\.\d+\.average$/, 'decimal'],
  [/^figures\.speedToLead\.firstAction\.all\.(median|p90)$/, 'minutes'],
  [/^topIntents\.\d+\.changePercent$/, 'percent'],
  [/^topIntents\.\d+\.(previous|period)$/, 'count'],
  [/^figures\.conversionByIntent\.\d+\.rate$/, 'percent'],
  [/^totalLeads$/, 'count'],
  [/^figures\.forecast\.(expected|low|high)$/, 'count'],
  [/^languageRatio\.fr$/, 'percent'],
];
export function kindOf(figure: string): FigureKind {
  const kind = KINDS.find(([pattern]) => pattern.test(figure))?.[1];
  if (!kind) throw new Error(`no known kind for the figure ${figure}`);
  return kind;
}

const INBOX_FILTERS = new Set(['status', 'q', 'tag', 'urgency', 'intent', 'language', 'from', 'to', 'test', 'sort']);
const ACTIVITY_FILTERS = new Set(['action', 'from', 'to']);

/** The link opens a screen with filters that screen reads and its API accepts. */
export function expectRealLink(recommendation: Recommendation, analysis: GrowthAnalysis) {
  const { link, id } = recommendation;
  if (link === null) return;
  expect(['inbox', 'activity', 'settings'], id).toContain(link.screen);
  expect(link.query.startsWith('?'), id).toBe(false);
  const params = new URLSearchParams(link.query);
  const names = [...params.keys()];
  expect(new Set(names).size, `${id}: a filter given twice`).toBe(names.length);
  if (link.screen === 'settings') {
    expect(link.query, id).toBe('');
    return;
  }
  const known = link.screen === 'inbox' ? INBOX_FILTERS : ACTIVITY_FILTERS;
  for (const name of names) expect(known.has(name), `${id}: ${link.screen} has no filter "${name}"`).toBe(true);
  const schema = link.screen === 'inbox' ? leadListQuery : activityQuery;
  const parsed = v.safeParse(schema, Object.fromEntries(params));
  expect(parsed.success, `${id}: ${link.query} ${JSON.stringify(parsed.issues?.map((issue) => issue.message))}`).toBe(
    true,
  );
  const intent = params.get('intent');
  if (intent !== null) expect(INTENT_KEYS, id).toContain(intent as IntentKey);
  // The period's leads: from the period's first instant.
  const from = params.get('from');
  if (from !== null) expect(from, id).toBe(analysis.figures.period.start);
}

/** Every evidence item is the analysis's figure, shown the way its kind is written. */
export function expectFaithfulEvidence(recommendation: Recommendation, analysis: GrowthAnalysis, language: Language) {
  for (const item of recommendation.evidence) {
    const where = `${recommendation.id}: ${item.figure}`;
    expect(typeof item.value, where).toBe('number');
    expect(valueAt(analysis, item.figure), where).toBe(item.value);
    expect(item.display, where).toBe(formatFigure(item.value, kindOf(item.figure), language));
    expect(item.label.trim(), where).not.toBe('');
  }
}

/** The numbers of a recommendation's text that none of its evidence displays (none, for a faithful text). */
export function strayNumbersOf(recommendation: Recommendation, language: Language): number[] {
  const allowed = new Set(recommendation.evidence.flatMap((item) => numbersIn(item.display, language)));
  return numbersIn(`${recommendation.title}\n${recommendation.body}`, language).filter((value) => !allowed.has(value));
}

/** The whole contract, for one language's recommendations. */
export function expectContract(
  recommendations: readonly Recommendation[],
  analysis: GrowthAnalysis,
  language: Language,
) {
  for (const recommendation of recommendations) {
    expect(recommendation.title.trim(), recommendation.id).not.toBe('');
    expect(recommendation.body.trim(), recommendation.id).not.toBe('');
    expect(
      strayNumbersOf(recommendation, language),
      `${recommendation.id} (${language}): ${recommendation.title} / ${recommendation.body}`,
    ).toEqual([]);
    expectFaithfulEvidence(recommendation, analysis, language);
    expectRealLink(recommendation, analysis);
  }
}
