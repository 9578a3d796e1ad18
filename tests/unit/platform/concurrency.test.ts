import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../worker/platform/concurrency';

describe('mapConcurrent', () => {
  it('keeps the order, never runs more than the limit, and lets a slow item hold only its own slot', async () => {
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const delays = [50, 1, 1, 1, 1, 1];
    const results = await mapConcurrent(delays, 2, async (delay) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running--;
      finished.push(delay);
      return delay * 10;
    });
    expect(results).toEqual([500, 10, 10, 10, 10, 10]);
    expect(most).toBe(2);
    // The five quick items all finished while the slow one still ran in the other slot.
    expect(finished.indexOf(50)).toBe(5);
  });

  it('answers an empty list with an empty list', async () => {
    expect(await mapConcurrent([], 4, async (x: number) => x)).toEqual([]);
  });
});
