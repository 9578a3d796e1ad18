import { MIN_FILL_MS } from '../../../schema/lead-form';
import type { SpamReason } from '../../../schema/vocabulary';

/**
 * Bot signals of a form submission: the hidden `website` field filled in, or a form
 * completed faster than a person can type. Integrations that send no fill time are not
 * judged on it.
 */
export function spamReason(signals: {
  honeypot?: string | undefined;
  elapsedMs?: number | undefined;
}): SpamReason | null {
  if (signals.honeypot && signals.honeypot.trim() !== '') return 'honeypot';
  if (signals.elapsedMs !== undefined && signals.elapsedMs < MIN_FILL_MS) return 'too_fast';
  return null;
}
