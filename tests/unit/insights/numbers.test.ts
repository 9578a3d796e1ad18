import { describe, expect, it } from 'vitest';
import { clamp, percent, round } from '../../../worker/features/insights/numbers';

describe('round: the one rounding every stored figure follows', () => {
  it('rounds halves away from zero, as Postgres rounds numerics', () => {
    expect(round(2.5, 0)).toBe(3);
    expect(round(0.25, 1)).toBe(0.3);
    expect(round(12.45, 1)).toBe(12.5);
    // Math.round would give -2 and -0.2: a negative change would not match the SQL's.
    expect(round(-2.5, 0)).toBe(-3);
    expect(round(-0.25, 1)).toBe(-0.3);
  });

  it('absorbs binary representation error (1.005 is stored as 1.00499…)', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(0.285, 2)).toBe(0.29);
  });

  it('keeps the requested decimals and no more', () => {
    expect(round(33.333333, 1)).toBe(33.3);
    expect(round(0.12345, 3)).toBe(0.123);
    expect(round(186.04, 1)).toBe(186);
    expect(round(7, 1)).toBe(7);
    expect(round(0, 1)).toBe(0);
  });
});

describe('percent', () => {
  it('is part / whole × 100 to one decimal', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(4, 10)).toBe(40);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
  });

  it('is null with nothing to divide by, not 0 or NaN', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(3, 0)).toBeNull();
  });
});

describe('clamp', () => {
  it('keeps a value inside its bounds and leaves one inside alone', () => {
    expect(clamp(150, 0, 100)).toBe(100);
    expect(clamp(-20, 0, 100)).toBe(0);
    expect(clamp(42.5, 0, 100)).toBe(42.5);
    expect(clamp(0, 0, 100)).toBe(0);
    expect(clamp(100, 0, 100)).toBe(100);
  });
});
