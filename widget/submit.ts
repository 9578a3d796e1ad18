import type { LeadErrors, LeadField, LeadIssue } from '../schema/lead-form';
import type { LeadAccepted, LeadPayload } from '../schema/widget-api';

export type SubmitResult =
  | ({ kind: 'sent' } & LeadAccepted)
  | { kind: 'invalid'; fields: LeadErrors }
  | { kind: 'refused' };

export interface SubmitDeps {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Told before each wait, so the form can say it keeps trying. */
  onRetry?: (attempt: number, delayMs: number) => void;
  timeoutMs?: number;
}

const MAX_BACKOFF_MS = 30_000;

/** 1 s, 2 s, 4 s … capped at 30 s, ±20 % jitter so many widgets do not retry in step. */
export const backoffMs = (attempt: number, random: () => number) =>
  Math.round(Math.min(1_000 * 2 ** (attempt - 1), MAX_BACKOFF_MS) * (0.8 + 0.4 * random()));

/**
 * Sends a lead until the server decides: retries network failures, timeouts, 408, 429
 * (after Retry-After) and 5xx forever with the same idempotency key, so a lead is stored
 * once however often it is sent.
 */
export async function submitLead(api: string, payload: LeadPayload, deps: SubmitDeps): Promise<SubmitResult> {
  const body = JSON.stringify(payload);
  for (let attempt = 1; ; attempt++) {
    let delay = backoffMs(attempt, deps.random);
    try {
      const response = await deps.fetch(`${api}/api/lead`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body,
        keepalive: true,
        credentials: 'omit',
        signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
      });
      if (response.status === 201) return { kind: 'sent', ...((await response.json()) as LeadAccepted) };
      if (response.status === 422) {
        // The form words the issues itself, with the messages the server would use.
        type Refusal = { error?: { details?: { fields?: Record<string, { issue: LeadIssue }> } } };
        const refusal = (await response.json()) as Refusal;
        const fields: LeadErrors = {};
        for (const [field, problem] of Object.entries(refusal.error?.details?.fields ?? {})) {
          fields[field as LeadField] = problem.issue;
        }
        return { kind: 'invalid', fields };
      }
      if (response.status === 429) delay = Number(response.headers.get('Retry-After') || 30) * 1_000;
      else if (response.status !== 408 && response.status < 500) return { kind: 'refused' };
    } catch {
      // Network failure or timeout: the lead may or may not have arrived; the key makes retrying safe.
    }
    deps.onRetry?.(attempt, delay);
    await deps.sleep(delay);
  }
}
