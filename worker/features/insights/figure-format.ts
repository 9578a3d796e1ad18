import type { Language } from '../../../schema/vocabulary';

/**
 * How the recommendations write a figure, in each language, without I/O. Quebec French
 * puts a no-break space before % and uses a comma for decimals ("12,5 %"); durations are
 * written the way people say them ("3 h 6 min"). The recommendations' number check
 * (tests/unit/insights) reads the numbers back out of these strings.
 */

export type FigureKind = 'count' | 'percent' | 'minutes' | 'ratio' | 'decimal';

const NBSP = '\u00a0';
const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

const formatters = new Map<string, Intl.NumberFormat>();
function decimal(value: number, language: Language, maxDigits: number): string {
  const key = `${language}:${maxDigits}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: maxDigits });
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** Minutes as people say them: "45 min", "3 h 6 min", "2 d 3 h" ("2 j 3 h"). */
function duration(minutes: number, language: Language): string {
  if (minutes < 60) return `${decimal(minutes, language, 1)}${NBSP}min`;
  const wholeMinutes = Math.round(minutes);
  const hours = Math.floor(wholeMinutes / 60);
  const rest = wholeMinutes % 60;
  if (hours < 24) return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${rest}${NBSP}min`;
  const days = Math.floor(hours / 24);
  const dayUnit = language === 'fr' ? 'j' : 'd';
  const restHours = hours % 24;
  return restHours === 0 ? `${days}${NBSP}${dayUnit}` : `${days}${NBSP}${dayUnit}${NBSP}${restHours}${NBSP}h`;
}

export function formatFigure(value: number, kind: FigureKind, language: Language): string {
  switch (kind) {
    case 'count':
      return decimal(value, language, 0);
    case 'percent':
      return language === 'fr' ? `${decimal(value, language, 1)}${NBSP}%` : `${decimal(value, language, 1)}%`;
    case 'minutes':
      return duration(value, language);
    case 'ratio':
      return language === 'fr' ? `${decimal(value, language, 1)}${NBSP}fois` : `${decimal(value, language, 1)}×`;
    case 'decimal':
      return decimal(value, language, 1);
  }
}

/**
 * The numbers written in `text`, as numbers: digit groups joined (English commas, French
 * spaces), French decimal commas read as points. "1,234.5" (en) and "1 234,5" (fr) are 1234.5.
 */
export function numbersIn(text: string, language: Language): number[] {
  const pattern =
    language === 'fr'
      ? /\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g
      : /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
  return [...text.matchAll(pattern)].map(([match]) =>
    Number(language === 'fr' ? match.replace(/[\u00a0\u202f ]/g, '').replace(',', '.') : match.replaceAll(',', '')),
  );
}
