import type { InsightLink } from '../../../schema/insights';
import type { Language } from '../../../schema/vocabulary';
import type { FigureKind } from './figure-format';

/**
 * One piece of advice, without I/O: the figures it rests on, the leads it is about, and the
 * deterministic writer's words for it in each language. The advice-*.ts modules each decide
 * one family of advice from the analysis; recommendations.ts ranks and words them.
 */

export interface Fact {
  figure: string;
  value: number;
  kind: FigureKind;
  label: Record<Language, string>;
}

export type Words = { title: string; body: string };
/** Writes one piece of advice in one language, from its facts' displays (in the facts' order). */
export type Writer = (shown: readonly string[]) => Words;

export interface Advice {
  id: string;
  /** Higher comes first. */
  priority: number;
  facts: Fact[];
  link: InsightLink | null;
  write: Record<Language, Writer>;
}

export const inbox = (params: Record<string, string>): InsightLink => ({
  screen: 'inbox',
  query: new URLSearchParams(params).toString(),
});
export const settings: InsightLink = { screen: 'settings', query: '' };

export const fact = (figure: string, value: number, kind: FigureKind, en: string, fr: string): Fact => ({
  figure,
  value,
  kind,
  label: { en, fr },
});

/** "1 lead" / "2 leads": English plural by count. */
export const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);
