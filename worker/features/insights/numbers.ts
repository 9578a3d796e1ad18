/** The analysis's rounding, without I/O: the one rule every stored and quoted figure follows. */

/**
 * `value` rounded to `decimals`, halves away from zero (as Postgres rounds numerics), so a
 * figure computed here and one computed in SQL agree. The tiny nudge absorbs binary
 * representation error (1.005 is stored as 1.00499…).
 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = Math.round(scaled * (1 + Number.EPSILON)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** `part / whole × 100` to one decimal; null when `whole` is 0. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : round((part / whole) * 100, 1);

export const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
