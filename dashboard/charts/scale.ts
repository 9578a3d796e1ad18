/**
 * The arithmetic of the charts, kept apart from their drawing so it can be tested: where
 * an axis ends, its ticks, which labels fit, and lines with gaps.
 */

/**
 * The round number an axis ends at: the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above `value`
 * (14 → 20, 0.72 → 1), so its ticks land on numbers people read at a glance. At least
 * `floor` (1 by default), so an all-zero series still has an axis.
 */
export function niceCeiling(value: number, floor = 1): number {
  const target = Math.max(value, floor);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 2.5, 5, 10]) {
    // The product's float error (0.1 × 3) must not push a round value one step up.
    const candidate = Number((step * magnitude).toPrecision(12));
    if (candidate >= target) return candidate;
  }
  return 10 * magnitude;
}

/** Whether a tick step reads as round: 1, 2, 2.5 or 5 × 10ⁿ. */
function roundStep(step: number): boolean {
  if (!(step > 0)) return false;
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((candidate) => Math.abs(mantissa - candidate) < 1e-9);
}

/**
 * Ticks from 0 to `max` (from niceCeiling) inclusive, 4 or 5 steps when a round step
 * allows, fewer otherwise: 0, 5, 10, 15, 20. `integer`: only whole steps, for counts
 * (an axis of leads has no 2.5).
 */
export function ticks(max: number, options: { integer?: boolean } = {}): number[] {
  for (const count of [4, 5, 2, 1]) {
    const step = max / count;
    if (roundStep(step) && (!options.integer || Number.isInteger(Number(step.toPrecision(12))))) {
      return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
    }
  }
  return [0, max];
}

/** A value's place on a 0–`max` scale, 0 to 1, clamped: a bar never runs past its track. */
export const fraction = (value: number, max: number) => (max > 0 ? Math.min(1, Math.max(0, value / max)) : 0);

/**
 * Which of `count` evenly spaced labels to draw when each needs `labelWidth` pixels and
 * the axis has `width`: every `stride`-th, counted back from the last so the newest stays.
 */
export function labelStride(count: number, width: number, labelWidth: number): number {
  if (count <= 1 || width <= 0) return 1;
  const fits = Math.max(1, Math.floor(width / labelWidth));
  return Math.max(1, Math.ceil(count / fits));
}

export const showsLabel = (index: number, count: number, stride: number) => (count - 1 - index) % stride === 0;

export interface Point {
  x: number;
  y: number;
}

/**
 * An SVG path through the points, broken where a point is missing (a week with no
 * triaged lead): a line through a gap would claim a value nobody measured.
 */
export function linePath(points: readonly (Point | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)},${round(point.y)}`;
    drawing = true;
  }
  return path;
}

/** Two decimals are sub-pixel: more only makes the markup longer. */
const round = (value: number) => Math.round(value * 100) / 100;
