import type { Env } from '../../platform/env';
import { DEFAULT_SENDING_LIMITS as D, type SendingLimits } from './sending-rules';

/** The sending limits from the Worker's settings (platform/env.ts documents each), defaults where unset or invalid. */

function whole(value: string | undefined, fallback: number, min: number, max: number): number {
  const parsed = Number(value?.trim());
  return value?.trim() && Number.isInteger(parsed) && parsed >= min ? Math.min(parsed, max) : fallback;
}

function hours(value: string | undefined): [number, number] {
  const match = /^(\d{1,2})\s*-\s*(\d{1,2})$/.exec(value?.trim() ?? '');
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  return match && start < end && end <= 24 ? [start, end] : [D.windowStartHour, D.windowEndHour];
}

export function sendingLimits(env: Env): SendingLimits {
  const [windowStartHour, windowEndHour] = hours(env.OUTREACH_SENDING_HOURS);
  const threshold = Number(env.OUTREACH_BOUNCE_THRESHOLD);
  return {
    // Google Workspace refuses more than 2,000 a day per user: no setting goes past it.
    mailboxDailyCap: whole(env.OUTREACH_MAILBOX_DAILY_CAP, D.mailboxDailyCap, 1, 2_000),
    warmupStart: whole(env.OUTREACH_WARMUP_START, D.warmupStart, 1, 2_000),
    warmupStep: whole(env.OUTREACH_WARMUP_STEP, D.warmupStep, 0, 2_000),
    globalDailyCap: whole(env.OUTREACH_GLOBAL_DAILY_CAP, D.globalDailyCap, 1, 2_000),
    windowStartHour,
    windowEndHour,
    weekends: env.OUTREACH_WEEKENDS === 'on',
    spacingSeconds: whole(env.OUTREACH_SPACING_SECONDS, D.spacingSeconds, 0, 3_600),
    jitterSeconds: whole(env.OUTREACH_JITTER_SECONDS, D.jitterSeconds, 0, 3_600),
    bounceThreshold: threshold > 0 && threshold < 1 ? threshold : D.bounceThreshold,
    bounceWindow: D.bounceWindow,
  };
}
