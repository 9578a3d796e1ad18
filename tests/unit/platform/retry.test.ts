import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../../worker/platform/jobs/consumer';

describe('queue retry delays', () => {
  it('doubles from 10 seconds and stops growing at 15 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([10, 20, 40, 80]);
    expect(retryDelaySeconds(20)).toBe(900);
  });
});
