import { describe, expect, it } from 'vitest';
import {
  type ArmCounts,
  DEFAULT_SEQUENTIAL_OPTIONS,
  type SequentialDecision,
  type SequentialOptions,
  sequentialLook,
} from '../../../worker/features/learning/sequential-test';

/**
 * The A/B tests' statistics, proven by simulation: monitored every day, an A/A test (two
 * identical arms) calls a winner no more often than the significance level promises, and a
 * real difference is found, in the right direction, with a stated power.
 */

/** mulberry32: seeded, so every run draws the same simulated tests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const successesIn = (trials: number, rate: number, draw: () => number) => {
  let count = 0;
  for (let n = 0; n < trials; n++) if (draw() < rate) count++;
  return count;
};

interface Simulated {
  decision: SequentialDecision;
  /** Leads per arm when it stopped (or at the end). */
  perArm: number;
}

/** One test, looked at once a day for `days` days, `daily` leads per arm a day. */
function simulate(
  rates: { control: number; treatment: number },
  plan: { days: number; daily: number },
  draw: () => number,
  options: SequentialOptions = DEFAULT_SEQUENTIAL_OPTIONS,
): Simulated {
  const control: ArmCounts = { trials: 0, successes: 0 };
  const treatment: ArmCounts = { trials: 0, successes: 0 };
  let pValue = 1;
  for (let day = 0; day < plan.days; day++) {
    control.trials += plan.daily;
    control.successes += successesIn(plan.daily, rates.control, draw);
    treatment.trials += plan.daily;
    treatment.successes += successesIn(plan.daily, rates.treatment, draw);
    const look = sequentialLook(pValue, control, treatment, options);
    pValue = look.pValue;
    if (look.decision !== 'continue') return { decision: look.decision, perArm: control.trials };
  }
  return { decision: 'continue', perArm: control.trials };
}

function many(count: number, seed: number, run: (draw: () => number) => Simulated): Simulated[] {
  const draw = random(seed);
  return Array.from({ length: count }, () => run(draw));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const TESTS = 1_000;
const { alpha } = DEFAULT_SEQUENTIAL_OPTIONS;
/** Three standard errors of a rate of alpha measured over TESTS simulations. */
const SIMULATION_ERROR = 3 * Math.sqrt((alpha * (1 - alpha)) / TESTS);

describe('the sequential A/B statistics', () => {
  it.each([
    { rate: 0.2, daily: 40, what: 'a 20% rate, 40 leads a day per arm' },
    { rate: 0.05, daily: 25, what: 'a rare outcome (5%), 25 leads a day per arm' },
  ])('call a winner in at most 5% of A/A tests checked every day for 60 days ($what)', ({ rate, daily }) => {
    const results = many(TESTS, 7 + daily, (draw) =>
      simulate({ control: rate, treatment: rate }, { days: 60, daily }, draw),
    );
    const falsePositives = results.filter((result) => result.decision !== 'continue').length / TESTS;
    expect(falsePositives).toBeLessThanOrEqual(alpha + SIMULATION_ERROR);
  });

  it('finds a ten-point rise (20% → 30%) in most tests, always as the treatment, and says how fast', () => {
    const results = many(TESTS, 11, (draw) =>
      simulate({ control: 0.2, treatment: 0.3 }, { days: 30, daily: 40 }, draw),
    );
    const decided = results.filter((result) => result.decision !== 'continue');
    const power = decided.length / TESTS;
    expect(power).toBeGreaterThanOrEqual(0.9);
    expect(decided.filter((result) => result.decision === 'control').length).toBeLessThanOrEqual(TESTS * 0.001);
    // Half the tests have decided by 320 leads an arm (eight days at this traffic); a
    // fixed-horizon test of the same power would wait for all 30.
    expect(median(decided.map((result) => result.perArm))).toBeLessThanOrEqual(400);
  });

  it('names the treatment when a lower rate is better (fewer corrections), and the control when it is worse', () => {
    const fewer = { ...DEFAULT_SEQUENTIAL_OPTIONS, higherIsBetter: false };
    const better = many(200, 3, (draw) =>
      simulate({ control: 0.3, treatment: 0.15 }, { days: 30, daily: 40 }, draw, fewer),
    );
    const worse = many(200, 4, (draw) =>
      simulate({ control: 0.15, treatment: 0.3 }, { days: 30, daily: 40 }, draw, fewer),
    );
    expect(better.filter((result) => result.decision === 'treatment').length).toBeGreaterThanOrEqual(190);
    expect(worse.filter((result) => result.decision === 'control').length).toBeGreaterThanOrEqual(190);
  });

  it('decides nothing before both arms reach the minimum sample, however lopsided the first leads', () => {
    const look = sequentialLook(1, { trials: 29, successes: 0 }, { trials: 29, successes: 29 });
    expect(look).toMatchObject({ pValue: 1, decision: 'continue' });
    expect(sequentialLook(1, { trials: 30, successes: 0 }, { trials: 30, successes: 30 }).decision).toBe('treatment');
  });

  it('never raises its p-value again once evidence has been seen', () => {
    const strong = sequentialLook(1, { trials: 100, successes: 20 }, { trials: 100, successes: 32 });
    const weaker = sequentialLook(strong.pValue, { trials: 200, successes: 40 }, { trials: 200, successes: 42 });
    expect(strong.pValue).toBeLessThan(1);
    expect(weaker.pValue).toBe(strong.pValue);
  });
});
