import type { AiEngine, AiResult } from '../../platform/ai/port';
import { triageOffline } from './offline';
import { composeReply } from './reply/compose';

/**
 * The offline engine: the EN/FR heuristics of this feature behind the AI port. It runs no
 * prompt (the variant is ignored), costs nothing, never fails, and cannot translate (it writes
 * its summary in both languages itself instead: see `Triage.summaries`).
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
