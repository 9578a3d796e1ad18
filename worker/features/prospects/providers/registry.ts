import type { ProviderStatusView } from '../../../../schema/prospects-api';
import type { SearchProvider } from '../../../../schema/vocabulary';
import type { Env } from '../../../platform/env';
import { createApolloProvider } from './apollo';
import { createDemoProvider, isLoopbackOrigin } from './demo';
import { createGooglePlacesProvider } from './google-places';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from './http';
import { createPdlProvider } from './pdl';
import type { ProspectProviderAdapter } from './port';

/** Which providers this deployment can search, read from its settings: a provider is on when its secret is set. */

/** The setting that turns each provider on. */
export const PROVIDER_SETTINGS = {
  pdl: 'PDL_API_KEY',
  apollo: 'APOLLO_API_KEY',
  google_places: 'GOOGLE_PLACES_API_KEY',
  demo: 'DEMO_SITES_ORIGIN',
} as const satisfies Record<SearchProvider, keyof Env>;

export type ProviderSetting = (typeof PROVIDER_SETTINGS)[SearchProvider];

export interface ProviderStatus extends ProviderStatusView {
  name: SearchProvider;
  /** The same as `name`: the dashboard's view (schema/prospects-api.ts) reads this one. */
  provider: SearchProvider;
  configured: boolean;
  setting: ProviderSetting;
}

/**
 * The adapters of the configured providers. The demo provider needs DEMO_SITES_ORIGIN, which
 * only `npm start` sets; an origin that is not loopback throws here rather than being searched.
 */
export function providersFromEnv(env: Env): Partial<Record<SearchProvider, ProspectProviderAdapter>> {
  const timeoutMs = providerTimeoutMs(env);
  const providers: Partial<Record<SearchProvider, ProspectProviderAdapter>> = {};
  const pdl = setting(env.PDL_API_KEY);
  if (pdl) providers.pdl = createPdlProvider({ apiKey: pdl, baseUrl: setting(env.PDL_BASE_URL), timeoutMs });
  const apollo = setting(env.APOLLO_API_KEY);
  if (apollo) {
    providers.apollo = createApolloProvider({ apiKey: apollo, baseUrl: setting(env.APOLLO_BASE_URL), timeoutMs });
  }
  const google = setting(env.GOOGLE_PLACES_API_KEY);
  if (google) {
    providers.google_places = createGooglePlacesProvider({
      apiKey: google,
      baseUrl: setting(env.GOOGLE_PLACES_BASE_URL),
      timeoutMs,
    });
  }
  const demo = setting(env.DEMO_SITES_ORIGIN);
  if (demo) providers.demo = createDemoProvider({ origin: demo, timeoutMs });
  return providers;
}

/** For the screen that says which providers are on, and which secret turns each one on. */
export function providerStatus(env: Env): ProviderStatus[] {
  return (Object.entries(PROVIDER_SETTINGS) as [SearchProvider, ProviderSetting][]).map(([name, key]) => {
    const value = setting(env[key]);
    // A non-loopback demo origin is refused by providersFromEnv: it is not "on".
    const configured = name === 'demo' ? value !== undefined && isLoopbackOrigin(value) : value !== undefined;
    return { name, provider: name, configured, setting: key };
  });
}

/** PROVIDER_TIMEOUT_MS when it is a positive number, else the default. */
export function providerTimeoutMs(env: Pick<Env, 'PROVIDER_TIMEOUT_MS'>): number {
  const value = Number(env.PROVIDER_TIMEOUT_MS?.trim() || Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PROVIDER_TIMEOUT_MS;
}

/** A setting's value, or undefined when unset or blank (an empty line in .dev.vars). */
const setting = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};
