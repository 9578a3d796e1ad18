import { composeReply } from '../domain/reply';
import { triageOffline } from '../domain/triage/offline';
import type { AiEngine, AiResult } from './ai';

/**
 * The offline engine: the EN/FR heuristics of worker/domain behind the AI port. It runs no
 * prompt (the variant is ignored), costs nothing, never fails, and cannot translate.
 */
export const offlineAi: AiEngine = {
  name: 'offline',
  async triage(input) {
    return timed(() => triageOffline(input));
  },
  async writeReply(input) {
    return timed(() => composeReply(input));
  },
  async translate() {
    return null;
  },
};

function timed<T>(work: () => T): AiResult<T> {
  const started = performance.now();
  const value = work();
  return { value, engine: 'offline', usage: null, latencyMs: performance.now() - started };
}
