import * as v from 'valibot';
import { bytesToBase64Url } from '../encoding';
import { buildMimeMessage, messageIdFor } from './mime';
import { type Address, MailError, type Mailer, type OutgoingMail, type SentMail } from './port';

/**
 * The mail port over the Gmail API: an OAuth refresh token buys short-lived access tokens,
 * and each mail is sent as a raw MIME message. One try per call (plus one after a stale
 * token): the queue owns retries and their spacing.
 */

/** The connected account's OAuth credentials and where to reach Google: what every Gmail API call needs. */
export interface GmailApiSettings {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  oauthUrl?: string;
  apiUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface GmailSettings extends GmailApiSettings {
  /** The connected Gmail account; its domain names the Message-IDs. */
  sender: Address;
}

const DEFAULT_OAUTH_URL = 'https://oauth2.googleapis.com/token';
const DEFAULT_API_URL = 'https://gmail.googleapis.com';
const DEFAULT_TIMEOUT_MS = 15_000;
/** A token this close to expiry is treated as expired, so it cannot lapse mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

const RECONNECT_MESSAGE = 'the Gmail refresh token was revoked or expired: reconnect Gmail';
/** Gmail's 403 reasons that mean "slow down", not "never". */
const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'dailyLimitExceeded',
  'quotaExceeded',
]);

const TokenResponse = v.object({
  access_token: v.pipe(v.string(), v.nonEmpty()),
  expires_in: v.optional(v.number(), 0),
});

const SendResponse = v.object({
  id: v.pipe(v.string(), v.nonEmpty()),
  threadId: v.nullish(v.string()),
});

/** An answer of Google's, read whole under the request's deadline. */
export interface GmailAnswer {
  response: Response;
  text: string;
}

export interface GmailRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface GmailApi {
  /**
   * One call to the Gmail API (`path` from `/gmail/v1/…`) with a current access token; a
   * 401 (a token revoked or rotated before its expiry) gets a fresh token and one more try.
   * Network faults, timeouts and token failures throw a MailError; any other answer is returned.
   */
  request(path: string, init?: GmailRequest): Promise<GmailAnswer>;
  readonly now: () => number;
}

/**
 * The Gmail API behind the account's refresh token: the sender and the history reader
 * (mail/gmail-history.ts) share it, so both get their tokens and deadlines the same way.
 */
export function gmailApi(settings: GmailApiSettings): GmailApi {
  const oauthUrl = settings.oauthUrl ?? DEFAULT_OAUTH_URL;
  const apiUrl = (settings.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = settings.fetch ?? ((input, init) => fetch(input, init));
  const now = settings.now ?? Date.now;

  // The token itself is cached, not a pending promise: a Worker must not await a promise
  // created while serving another request.
  let cached: { token: string; expiresAt: number } | null = null;

  async function accessToken(): Promise<string> {
    if (cached && now() < cached.expiresAt) return cached.token;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      refresh_token: settings.refreshToken,
    });
    const { response, text } = await call('Google OAuth', oauthUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    if (!response.ok) throw oauthError(response, text, now());
    const token = v.safeParse(TokenResponse, parseJson(text));
    if (!token.success) throw new MailError('Google OAuth answered with malformed JSON instead of a token', true);
    cached = { token: token.output.access_token, expiresAt: now() + token.output.expires_in * 1000 - EXPIRY_MARGIN_MS };
    return cached.token;
  }

  /** One request and its body, under one deadline; network faults become retryable errors. */
  async function call(service: string, url: string, init: RequestInit): Promise<GmailAnswer> {
    try {
      const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(Math.ceil(timeoutMs)) });
      return { response, text: await response.text() };
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new MailError(`${service} did not answer within ${timeoutMs} ms`, true, undefined, { cause: error });
      }
      throw new MailError(`Could not reach ${service}: ${String(error)}`, true, undefined, { cause: error });
    }
  }

  async function authorized(path: string, init: GmailRequest): Promise<GmailAnswer> {
    const headers = { ...init.headers, authorization: `Bearer ${await accessToken()}` };
    return call('Gmail', `${apiUrl}${path}`, { ...init, headers });
  }

  return {
    now,
    async request(path, init = {}) {
      let answer = await authorized(path, init);
      if (answer.response.status === 401) {
        cached = null;
        answer = await authorized(path, init);
        if (answer.response.status === 401) {
          throw new MailError(`Gmail rejected a freshly issued access token: ${gmailMessage(answer.text)}`, false);
        }
      }
      return answer;
    },
  };
}

export function createGmailMailer(settings: GmailSettings): Mailer {
  const api = gmailApi(settings);
  const senderDomain = settings.sender.email.split('@')[1];
  if (!senderDomain) throw new TypeError(`The Gmail sender is not an email address: ${settings.sender.email}`);

  /** users.messages.send; a follow-up names its conversation's threadId, as Gmail requires to thread it. */
  function post(raw: string, threadId?: string | null): Promise<GmailAnswer> {
    return api.request('/gmail/v1/users/me/messages/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(threadId ? { raw, threadId } : { raw }),
    });
  }

  return {
    provider: 'gmail',

    async send(mail: OutgoingMail): Promise<SentMail> {
      let messageId: string;
      let raw: string;
      try {
        messageId = messageIdFor(mail.idempotencyKey, senderDomain);
        raw = base64Url(buildMimeMessage(mail, { date: new Date(api.now()), messageId }));
      } catch (error) {
        // A header that cannot be written safely will not become writable on a retry; the
        // builder says so itself (a MailError that is not retryable), a bad sender domain too.
        if (error instanceof MailError) throw error;
        throw new MailError(`Cannot build the message: ${String(error)}`, false, undefined, { cause: error });
      }

      const { response, text } = await post(raw, mail.thread?.threadId);
      if (!response.ok) throw sendError(response, text, api.now());

      const sent = v.safeParse(SendResponse, parseJson(text));
      if (!sent.success) throw new MailError('Gmail answered the send with malformed JSON', true);
      return {
        provider: 'gmail',
        providerMessageId: sent.output.id,
        threadId: sent.output.threadId ?? null,
        messageId,
      };
    },
  };
}

function oauthError(response: Response, text: string, nowMs: number): MailError {
  const body = parseJson(text);
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : null;
  if (code === 'invalid_grant') return new MailError(RECONNECT_MESSAGE, false);
  if (response.status === 429) {
    return new MailError('Google OAuth rate limit reached', true, retryAfterSeconds(response, nowMs));
  }
  if (response.status >= 500) return new MailError(`Google OAuth server error ${response.status}`, true);
  // invalid_client, unauthorized_client, …: the app's credentials, which waiting will not fix.
  return new MailError(`Google OAuth refused the token request (${response.status} ${code ?? 'error'})`, false);
}

function sendError(response: Response, text: string, nowMs: number): MailError {
  const detail = gmailMessage(text);
  if (response.status === 429) {
    return new MailError(`Gmail rate limit reached: ${detail}`, true, retryAfterSeconds(response, nowMs));
  }
  if (response.status >= 500) return new MailError(`Gmail server error ${response.status}: ${detail}`, true);
  if (response.status === 403 && isRateLimited(text)) {
    return new MailError(`Gmail sending limit reached: ${detail}`, true, retryAfterSeconds(response, nowMs));
  }
  return new MailError(`Gmail refused the message (${response.status}): ${detail}`, false);
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function retryAfterSeconds(response: Response, nowMs: number): number | undefined {
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return undefined;
  if (/^\d+$/.test(header)) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** Google's error body: `{ error: { code, message, errors: [{ reason }] } }`. */
export function gmailMessage(text: string): string {
  const body = parseJson(text);
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  return text.slice(0, 200) || 'no details';
}

export function gmailReasons(text: string): string[] {
  const body = parseJson(text);
  if (!isRecord(body) || !isRecord(body.error) || !Array.isArray(body.error.errors)) return [];
  return body.error.errors.flatMap((item: unknown) =>
    isRecord(item) && typeof item.reason === 'string' ? [item.reason] : [],
  );
}

/** A 403 that means "slow down" (a rate or quota limit), not "never". */
export const isRateLimited = (text: string): boolean =>
  gmailReasons(text).some((reason) => RATE_LIMIT_REASONS.has(reason));

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** base64url of the message's UTF-8 bytes, without padding, as Gmail's `raw` wants it. */
function base64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}
