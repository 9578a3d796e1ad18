/**
 * Deterministic traffic split: the same unit (a lead id) always lands in the same arm, and
 * units spread evenly. FNV-1a over the id, reduced to 0–99.99.
 */
export function bucketOf(unit: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < unit.length; i++) {
    hash ^= unit.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % 10_000) / 100;
}

/** Which arm of a test a unit is in, given the control's share in percent. */
export const armOf = (unit: string, controlPercentage: number): 'control' | 'treatment' =>
  bucketOf(unit) < controlPercentage ? 'control' : 'treatment';
