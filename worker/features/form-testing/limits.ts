import type { Env } from '../../platform/env';

/**
 * The limits a responsible operator keeps, from the Worker's settings: tests a day, hours
 * before silence is a timeout, domains never tested. The 90 days between two tests of one
 * business is not a setting: it is the rule.
 */

export const RETEST_DAYS = 90;
export const DEFAULT_TESTS_PER_DAY = 20;
export const DEFAULT_TIMEOUT_HOURS = 72;
export const MAX_BATCH_SIZE = 100;

export interface FormTestLimits {
  perDay: number;
  timeoutHours: number;
  retestDays: number;
  stopDomains: string[];
}

function positiveInteger(value: string | undefined, fallback: number, max: number): number {
  const parsed = Number(value?.trim());
  return Number.isInteger(parsed) && parsed > 0 ? Math.min(parsed, max) : fallback;
}

export function formTestLimits(
  env: Pick<Env, 'FORM_TESTS_PER_DAY' | 'FORM_TEST_TIMEOUT_HOURS' | 'FORM_TEST_STOP_DOMAINS'>,
): FormTestLimits {
  return {
    perDay: positiveInteger(env.FORM_TESTS_PER_DAY, DEFAULT_TESTS_PER_DAY, 1000),
    timeoutHours: positiveInteger(env.FORM_TEST_TIMEOUT_HOURS, DEFAULT_TIMEOUT_HOURS, 24 * 30),
    retestDays: RETEST_DAYS,
    stopDomains: (env.FORM_TEST_STOP_DOMAINS ?? '')
      .split(',')
      .map((domain) =>
        domain
          .trim()
          .toLowerCase()
          .replace(/^\*?\./, ''),
      )
      .filter(Boolean),
  };
}

/** A domain on the stop list, or under one of its domains (shop.example.ca under example.ca). */
export function isStopped(domain: string, stopDomains: readonly string[]): boolean {
  const host = domain.toLowerCase();
  return stopDomains.some((stopped) => host === stopped || host.endsWith(`.${stopped}`));
}
