import { describe, expect, it } from 'vitest';
import {
  providerStatus,
  providersFromEnv,
  providerTimeoutMs,
} from '../../../../worker/features/prospects/providers/registry';
import type { Env } from '../../../../worker/platform/env';

// Only the settings the registry reads; the bindings it never touches.
const env = (settings: Partial<Env>): Env => ({ DATABASE_URL: 'postgres://x', ...settings }) as Env;

describe('providersFromEnv', () => {
  it('turns on no provider without its setting', () => {
    expect(providersFromEnv(env({}))).toEqual({});
    expect(providersFromEnv(env({ PDL_API_KEY: '  ', DEMO_SITES_ORIGIN: '' }))).toEqual({});
  });

  it('turns on each provider whose setting is set', () => {
    const providers = providersFromEnv(
      env({
        PDL_API_KEY: 'pdl',
        APOLLO_API_KEY: 'apollo',
        GOOGLE_PLACES_API_KEY: 'google',
        DEMO_SITES_ORIGIN: 'http://127.0.0.1:8788',
      }),
    );
    expect(Object.keys(providers).sort()).toEqual(['apollo', 'demo', 'google_places', 'pdl']);
    for (const [name, provider] of Object.entries(providers)) expect(provider?.name).toBe(name);
  });

  it('refuses a demo origin that is not loopback', () => {
    expect(() => providersFromEnv(env({ DEMO_SITES_ORIGIN: 'https://demo.example.com' }))).toThrow(/loopback/);
  });
});

describe('providerStatus', () => {
  it('says which providers are on and which setting turns each on', () => {
    expect(providerStatus(env({ GOOGLE_PLACES_API_KEY: 'google', DEMO_SITES_ORIGIN: 'http://example.com' }))).toEqual([
      { name: 'pdl', provider: 'pdl', configured: false, setting: 'PDL_API_KEY' },
      { name: 'apollo', provider: 'apollo', configured: false, setting: 'APOLLO_API_KEY' },
      { name: 'google_places', provider: 'google_places', configured: true, setting: 'GOOGLE_PLACES_API_KEY' },
      { name: 'demo', provider: 'demo', configured: false, setting: 'DEMO_SITES_ORIGIN' },
    ]);
  });
});

describe('providerTimeoutMs', () => {
  it('reads PROVIDER_TIMEOUT_MS, else 15 seconds', () => {
    expect(providerTimeoutMs({ PROVIDER_TIMEOUT_MS: '8000' })).toBe(8000);
    expect(providerTimeoutMs({})).toBe(15_000);
    expect(providerTimeoutMs({ PROVIDER_TIMEOUT_MS: 'soon' })).toBe(15_000);
    expect(providerTimeoutMs({ PROVIDER_TIMEOUT_MS: '-1' })).toBe(15_000);
  });
});
