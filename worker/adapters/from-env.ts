import type { DatabaseAccess } from '../db';
import type { Env } from '../env';
import type { EnrichmentDeps } from '../services/enrichment';
import type { AiEngine } from './ai';
import { createGmailMailer } from './gmail';
import type { Address, Mailer } from './mail';
import { offlineAi } from './offline-ai';
import { createOpenAiEngine } from './openai';
import { createOutboxMailer } from './outbox';

/** OpenAI when a key is configured, else the offline engine. */
export function aiFromEnv(env: Env): AiEngine {
  if (!env.OPENAI_API_KEY) return offlineAi;
  const timeoutMs = Number(env.OPENAI_TIMEOUT_MS);
  return createOpenAiEngine({
    apiKey: env.OPENAI_API_KEY,
    ...(env.OPENAI_MODEL ? { model: env.OPENAI_MODEL } : {}),
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
    ...(Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}),
  });
}

const gmailConfigured = (env: Env) =>
  Boolean(env.GMAIL_CLIENT_ID && env.GMAIL_CLIENT_SECRET && env.GMAIL_REFRESH_TOKEN && env.GMAIL_SENDER);

/** The address mail goes out from: the Gmail account, or the dev outbox's. */
export function senderFromEnv(env: Env): Address {
  return { email: gmailConfigured(env) ? env.GMAIL_SENDER! : (env.MAIL_FROM ?? 'replies@avenir.local') };
}

/** Gmail when all its credentials are set, else the dev outbox. */
export function mailerFromEnv(env: Env, db: DatabaseAccess): Mailer {
  if (!gmailConfigured(env)) return createOutboxMailer(db);
  return createGmailMailer({
    clientId: env.GMAIL_CLIENT_ID!,
    clientSecret: env.GMAIL_CLIENT_SECRET!,
    refreshToken: env.GMAIL_REFRESH_TOKEN!,
    sender: senderFromEnv(env),
  });
}

/** Everything the enrichment job needs, from the Worker's bindings. */
export function enrichmentDepsFromEnv(env: Env, db: DatabaseAccess): EnrichmentDeps {
  return {
    db,
    ai: aiFromEnv(env),
    mailer: mailerFromEnv(env, db),
    sender: senderFromEnv(env),
    appUrl: (env.APP_URL ?? 'http://127.0.0.1:8787').replace(/\/$/, ''),
  };
}
