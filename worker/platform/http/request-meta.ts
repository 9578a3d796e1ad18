import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { repairText } from '../../../schema/lead-form';
import type { Language } from '../../../schema/vocabulary';
import type { AppEnv, RequestMeta } from '../env';
import { parseIpAddress } from './ip-address';

/** The longest User-Agent any table keeps; longer ones are cut here, once. */
export const MAX_USER_AGENT_LENGTH = 500;

/** The language of an Accept-Language header, if it names one we speak. */
export function preferredLanguage(acceptLanguage: string | undefined): Language | null {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'fr' || tag === 'en') return tag;
  }
  return null;
}

/**
 * Who sent the request. The headers kept in tables (User-Agent) go through the one text rule
 * too, repaired rather than refused: no visitor can correct what their browser sends.
 */
export function readRequestMeta(headers: { header(name: string): string | undefined }): RequestMeta {
  const userAgent = headers.header('User-Agent');
  return {
    ip: parseIpAddress(headers.header('CF-Connecting-IP')),
    userAgent: userAgent === undefined ? null : repairText(userAgent.slice(0, MAX_USER_AGENT_LENGTH)),
    origin: headers.header('Origin') ?? null,
    language: preferredLanguage(headers.header('Accept-Language')),
  };
}

/** Sets `c.var.meta` for every request. */
export const requestMeta = createMiddleware<AppEnv>(async (c, next) => {
  c.set('meta', readRequestMeta(c.req));
  await next();
});

/**
 * The language a person reading this answer reads: the dashboard sends its choice as
 * Accept-Language, browsers send theirs; English when it names neither.
 */
export const requestLanguage = (c: Context<AppEnv>): Language => c.var.meta?.language ?? 'en';
