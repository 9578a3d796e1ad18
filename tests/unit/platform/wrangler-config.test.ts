import { describe, expect, it } from 'vitest';
import { crons, jobs } from '../../../worker/app';
import { readWranglerConfig, type WranglerConfig, wranglerMismatches } from '../../support/wrangler-config';

const config = readWranglerConfig();
const code = { crons, jobs };

describe('wrangler.toml and the code', () => {
  it('agree on every cron, queue, binding and rate limit', () => {
    expect(wranglerMismatches(config, code)).toEqual([]);
  });

  it('catch a cron added to wrangler.toml alone', () => {
    const more: WranglerConfig = { ...config, triggers: { crons: [...(config.triggers?.crons ?? []), '0 11 * * *'] } };
    expect(wranglerMismatches(more, code)).toEqual([
      'cron "0 11 * * *" fires in wrangler.toml but no feature handles it',
    ]);
  });

  it('catch a handler whose cron left wrangler.toml', () => {
    const crons = (config.triggers?.crons ?? []).filter((cron) => cron !== '30 8 * * *');
    const fewer: WranglerConfig = { ...config, triggers: { crons } };
    expect(wranglerMismatches(fewer, code)).toEqual([
      'cron "30 8 * * *" has a handler but wrangler.toml never fires it',
    ]);
  });

  it('catch a missing queue consumer and a missing rate limit', () => {
    const broken: WranglerConfig = {
      ...config,
      queues: { ...config.queues, consumers: config.queues?.consumers?.filter((c) => c.queue !== 'avenir-jobs-dlq') },
      ratelimits: config.ratelimits?.filter((limit) => limit.name !== 'SETTINGS_ACTION_LIMIT'),
    };
    expect(wranglerMismatches(broken, code)).toEqual([
      'no [[queues.consumers]] for "avenir-jobs-dlq"',
      'rate limit SETTINGS_ACTION_LIMIT is used by the code but not declared in [[ratelimits]]',
    ]);
  });

  it('catch a rate limit whose period changed on one side', () => {
    const changed: WranglerConfig = {
      ...config,
      ratelimits: config.ratelimits?.map((limit) =>
        limit.name === 'IP_RATE_LIMIT' ? { ...limit, simple: { limit: 20, period: 10 } } : limit,
      ),
    };
    expect(wranglerMismatches(changed, code)).toEqual([
      'rate limit IP_RATE_LIMIT is 20/10s in wrangler.toml, 20/60s in the code',
    ]);
  });
});
