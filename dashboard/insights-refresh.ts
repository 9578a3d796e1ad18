import { useEffect, useRef, useState } from 'preact/hooks';
import type { InsightsRefreshView } from '../schema/app-api';
import { ApiError, api, errorText } from './api';
import type { Lang, Strings } from './i18n';
import { formatTime } from './insights-format';
import './strings/insights';

/** How often a refresh under way is asked after: quick enough to feel live, light on the API. */
export const POLL_MS = 1500;

export const isPending = (status: InsightsRefreshView) => status.state === 'queued' || status.state === 'running';

/** When a 429 says to come back: its Retry-After from now, else the status's own `retryAt`. */
export function retryTime(
  retryAfterSeconds: number | null,
  status: InsightsRefreshView | null,
  now = Date.now(),
): string | null {
  if (retryAfterSeconds !== null) return new Date(now + retryAfterSeconds * 1000).toISOString();
  return status?.retryAt ?? null;
}

export interface Refresh {
  /** null until the screen's first answer. */
  status: InsightsRefreshView | null;
  /** Asked for and not finished: the button waits, the progress shows. */
  pending: boolean;
  /** What went wrong: the last refresh failed, the limit is reached, the connection dropped. */
  error: string;
  start: () => Promise<void>;
}

/**
 * The "Growth Copilot" refresh: asks for one (POST /insights/refresh), then follows it
 * (GET every POLL_MS) while it is queued or running, and calls `onFinished` once it is
 * done, for the screen to load the new analysis in place. A refresh already under way
 * when the screen opens (asked for from another tab) is followed the same way.
 * `initial` is the status the screen's last answer carried (null before the first).
 */
export function useRefresh(
  initial: InsightsRefreshView | null,
  t: Strings,
  lang: Lang,
  onFinished: () => Promise<void>,
): Refresh {
  const [status, setStatus] = useState(initial);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  /** Bumped after each look at a refresh under way: the next look is due POLL_MS later. */
  const [looks, setLooks] = useState(0);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const words = useRef(t);
  words.current = t;

  // Each answer of the screen carries the status as the server saw it then.
  useEffect(() => setStatus(initial), [initial]);

  const pending = status !== null && isPending(status);
  useEffect(() => {
    if (!pending) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const fresh = await api<InsightsRefreshView>('GET', '/insights/refresh');
        if (stopped) return;
        setStatus(fresh);
        setError(fresh.state === 'failed' ? words.current.insightsRefreshFailed : '');
        if (fresh.state === 'idle') await finished.current();
      } catch (caught) {
        // The connection dropped: say so, and look again at the next tick.
        if (!stopped) setError(errorText(caught, words.current));
      } finally {
        if (!stopped) setLooks((n) => n + 1);
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, looks]);

  const start = async () => {
    setAsking(true);
    setError('');
    try {
      const fresh = await api<InsightsRefreshView>('POST', '/insights/refresh');
      setStatus(fresh);
      // A refresh that finished before its answer left has nothing to follow.
      if (fresh.state === 'idle') await finished.current();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 429) {
        // The button shows what is left from the server's count, not from a guess.
        const latest = await api<InsightsRefreshView>('GET', '/insights/refresh').catch(() => status);
        if (latest) setStatus(latest);
        const at = retryTime(caught.retryAfterSeconds, latest);
        setError(at ? words.current.insightsRefreshLimited(formatTime(at, lang)) : errorText(caught, words.current));
      } else {
        setError(errorText(caught, words.current));
      }
    } finally {
      setAsking(false);
    }
  };

  return { status, pending: pending || asking, error, start };
}
