import type { Embedder } from './ai/embeddings';
import { createOfflineEmbedder } from './ai/offline-embedding';
import { createOpenAiEngine } from './ai/openai';
import { createOpenAiEmbedder } from './ai/openai-embeddings';
import type { AiEngine } from './ai/port';
import type { DatabaseAccess } from './db';
import type { Env } from './env';
import { createGmailMailer } from './mail/gmail';
import { createGmailHistoryReader, type GmailHistoryReader } from './mail/gmail-history';
import { createOutboxMailer } from './mail/outbox';
import type { Address, Mailer } from './mail/port';

/**
 * The adapters the Worker's bindings configure. With no keys set everything still runs:
 * no AI provider (the features fall back on their offline engine), mail to the dev outbox.
 */

/** OpenAI when a key is configured, else null. */
export function aiFromEnv(env: Env): AiEngine | null {
  if (!env.OPENAI_API_KEY) return null;
  const timeoutMs = Number(env.OPENAI_TIMEOUT_MS);
  return createOpenAiEngine({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_MODEL ? { model: env.OPENAI_MODEL } : {}),
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  });
}

/** OpenAI's text-embedding-3-small when a key is configured, else the offline hash embedding. */
export function embedderFromEnv(env: Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_TIMEOUT_MS'>): Embedder {
  if (!env.OPENAI_API_KEY) return createOfflineEmbedder();
  const timeoutMs = Number(env.OPENAI_TIMEOUT_MS);
  return createOpenAiEmbedder({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  });
}

/** The Gmail account's credentials, when all four are set. */
function gmailAccount(env: Env) {
  const { GMAIL_CLIENT_ID: clientId, GMAIL_CLIENT_SECRET: clientSecret, GMAIL_REFRESH_TOKEN: refreshToken } = env;
  const sender = env.GMAIL_SENDER;
  return clientId && clientSecret && refreshToken && sender
    ? { clientId, clientSecret, refreshToken, sender: { email: sender } }
    : null;
}

/** The address mail goes out from: the Gmail account, or the dev outbox's. */
export function senderFromEnv(env: Env): Address {
  return gmailAccount(env)?.sender ?? { email: env.MAIL_FROM ?? 'replies@avenir.local' };
}

/** Gmail when all its credentials are set, else the dev outbox. */
export function mailerFromEnv(env: Env, db: DatabaseAccess): Mailer {
  const gmail = gmailAccount(env);
  return gmail ? createGmailMailer(gmail) : createOutboxMailer(db);
}

/** The sending Gmail account's mailbox reader (replies, bounces), when Gmail sends; the outbox has nothing to read. */
export function gmailReaderFromEnv(env: Env): { reader: GmailHistoryReader; mailbox: string } | null {
  const gmail = gmailAccount(env);
  return gmail ? { reader: createGmailHistoryReader(gmail), mailbox: gmail.sender.email.trim().toLowerCase() } : null;
}

/** The dashboard's origin without a trailing slash, for links in emails. */
export const appUrlFromEnv = (env: Env): string => (env.APP_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
