import { describe, expect, it } from 'vitest';
import type { Language } from '../../../schema/vocabulary';
import { type FigureKind, formatFigure, numbersIn } from '../../../worker/features/insights/figure-format';

/** Intl's and the writer's spaces, spelled out so a failure shows which one is wrong. */
const NBSP = '\u00a0';

describe('formatFigure: counts', () => {
  it('groups thousands with a comma in English and a no-break space in Quebec French', () => {
    expect(formatFigure(12, 'count', 'en')).toBe('12');
    expect(formatFigure(1234, 'count', 'en')).toBe('1,234');
    expect(formatFigure(1234, 'count', 'fr')).toBe(`1${NBSP}234`);
    expect(formatFigure(1_000_000, 'count', 'fr')).toBe(`1${NBSP}000${NBSP}000`);
    expect(formatFigure(0, 'count', 'fr')).toBe('0');
  });
});

describe('formatFigure: percentages and decimals', () => {
  it('writes "12.5%" in English and "12,5 %" (no-break space) in French', () => {
    expect(formatFigure(12.5, 'percent', 'en')).toBe('12.5%');
    expect(formatFigure(12.5, 'percent', 'fr')).toBe(`12,5${NBSP}%`);
    expect(formatFigure(40, 'percent', 'en')).toBe('40%');
    expect(formatFigure(40, 'percent', 'fr')).toBe(`40${NBSP}%`);
    expect(formatFigure(1250, 'percent', 'fr')).toBe(`1${NBSP}250${NBSP}%`);
  });

  it('shows at most one decimal and no trailing zero', () => {
    expect(formatFigure(2.46, 'decimal', 'en')).toBe('2.5');
    expect(formatFigure(2.46, 'decimal', 'fr')).toBe('2,5');
    expect(formatFigure(3, 'decimal', 'en')).toBe('3');
  });
});

describe('formatFigure: durations, the way people say them', () => {
  it('keeps minutes under an hour', () => {
    expect(formatFigure(45, 'minutes', 'en')).toBe(`45${NBSP}min`);
    expect(formatFigure(12.5, 'minutes', 'en')).toBe(`12.5${NBSP}min`);
    expect(formatFigure(12.5, 'minutes', 'fr')).toBe(`12,5${NBSP}min`);
  });

  it('writes hours and minutes, and whole hours alone', () => {
    expect(formatFigure(186, 'minutes', 'en')).toBe(`3${NBSP}h${NBSP}6${NBSP}min`);
    expect(formatFigure(186, 'minutes', 'fr')).toBe(`3${NBSP}h${NBSP}6${NBSP}min`);
    expect(formatFigure(60, 'minutes', 'en')).toBe(`1${NBSP}h`);
    expect(formatFigure(119.6, 'minutes', 'en')).toBe(`2${NBSP}h`);
    expect(formatFigure(1439, 'minutes', 'en')).toBe(`23${NBSP}h${NBSP}59${NBSP}min`);
  });

  it('writes days and hours past a day: "2 d 3 h" in English, "2 j 3 h" in French', () => {
    expect(formatFigure(2 * 1440 + 180, 'minutes', 'en')).toBe(`2${NBSP}d${NBSP}3${NBSP}h`);
    expect(formatFigure(2 * 1440 + 180, 'minutes', 'fr')).toBe(`2${NBSP}j${NBSP}3${NBSP}h`);
    expect(formatFigure(1440, 'minutes', 'en')).toBe(`1${NBSP}d`);
    expect(formatFigure(1440, 'minutes', 'fr')).toBe(`1${NBSP}j`);
  });
});

describe('formatFigure: ratios', () => {
  it('writes "2.4×" in English and "2,4 fois" in French', () => {
    expect(formatFigure(2.4, 'ratio', 'en')).toBe('2.4×');
    expect(formatFigure(2.4, 'ratio', 'fr')).toBe(`2,4${NBSP}fois`);
    expect(formatFigure(0.3, 'ratio', 'en')).toBe('0.3×');
  });
});

describe('numbersIn: the numbers a text quotes', () => {
  it('reads English digit groups and decimal points', () => {
    expect(numbersIn('Only 5 of 1,234 leads, 12.5% of them, 2.4× the usual', 'en')).toEqual([5, 1234, 12.5, 2.4]);
    expect(numbersIn('No number here', 'en')).toEqual([]);
  });

  it('reads French digit groups (any space Intl or a person types) and decimal commas', () => {
    expect(numbersIn(`1${NBSP}234,5 demandes, 12,5${NBSP}%`, 'fr')).toEqual([1234.5, 12.5]);
    expect(numbersIn('1\u202f234 et 2 345', 'fr')).toEqual([1234, 2345]);
  });

  it('does not join two figures a comma and a space apart', () => {
    expect(numbersIn('from 3, to 12', 'en')).toEqual([3, 12]);
    expect(numbersIn('de 3, à 12', 'fr')).toEqual([3, 12]);
  });

  it('reads back every number formatFigure writes, in both languages', () => {
    const values = [0, 0.3, 1, 2.4, 7, 12.5, 45, 99.9, 100, 999, 1000, 1234, 12_345.6, 1_000_000];
    const kinds: FigureKind[] = ['count', 'percent', 'ratio', 'decimal'];
    for (const language of ['en', 'fr'] as Language[]) {
      for (const kind of kinds) {
        for (const value of values) {
          const shown = formatFigure(value, kind, language);
          const expected = kind === 'count' ? Math.round(value) : Math.round(value * 10) / 10;
          expect(numbersIn(shown, language), `${kind} ${value} (${language}): "${shown}"`).toEqual([expected]);
        }
      }
    }
  });

  it('reads a duration back as its parts', () => {
    for (const language of ['en', 'fr'] as Language[]) {
      expect(numbersIn(formatFigure(45, 'minutes', language), language)).toEqual([45]);
      expect(numbersIn(formatFigure(186, 'minutes', language), language)).toEqual([3, 6]);
      expect(numbersIn(formatFigure(3060, 'minutes', language), language)).toEqual([2, 3]);
      expect(numbersIn(formatFigure(30 * 1440, 'minutes', language), language)).toEqual([30]);
      expect(numbersIn(formatFigure(1500 * 1440, 'minutes', language), language)).toEqual([1500]);
    }
  });
});
