import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../worker/platform/ttl-cache';

describe('TtlCache', () => {
  it('forgets an entry once its time is up', () => {
    let now = 1_000;
    const cache = new TtlCache<string, number>(10, () => now);
    cache.set('key', 1, 500);
    now = 1_499;
    expect(cache.get('key')).toBe(1);
    now = 1_500;
    expect(cache.get('key')).toBeUndefined();
  });

  it('keeps a cached null apart from a miss', () => {
    const cache = new TtlCache<string, number | null>(10);
    cache.set('unknown', null, 1_000);
    expect(cache.get('unknown')).toBeNull();
    expect(cache.get('never-set')).toBeUndefined();
  });

  it('evicts the oldest write when full', () => {
    const cache = new TtlCache<string, number>(2);
    cache.set('a', 1, 1_000);
    cache.set('b', 2, 1_000);
    cache.set('a', 3, 1_000); // rewriting makes "a" the newest
    cache.set('c', 4, 1_000);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
    expect(cache.size).toBe(2);
  });
});
