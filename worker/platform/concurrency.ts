/**
 * `work` over `items`, at most `limit` at once, results in the items' order. Each slot takes
 * the next item as soon as it is free, so one slow item (a site that times out) holds one
 * slot, not a whole batch.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const slot = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, slot));
  return results;
}
