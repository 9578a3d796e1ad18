/** Polls `check` every 250 ms until it holds; throws naming `what` once `timeoutMs` has passed. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Waits, when the wall-clock minute ends within 10 s, for the next one: the local rate
 * limiter (miniflare) counts in windows aligned to the minute, so a burst that crossed one
 * would be counted in two and never reach its limit.
 */
export async function clearOfMinuteBoundary(): Promise<void> {
  const secondsLeft = 60 - new Date().getSeconds();
  if (secondsLeft < 10) await new Promise((resolve) => setTimeout(resolve, secondsLeft * 1000 + 200));
}
