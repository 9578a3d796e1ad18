import type { AiEngine } from '../../platform/ai/port';
import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import type { Address, Mailer } from '../../platform/mail/port';
import { aiFromEnv, appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import { offlineAi } from '../triage';

export interface EnrichmentDeps {
  db: DatabaseAccess;
  /** The engine to try first; the offline engine answers when it fails. */
  ai: AiEngine;
  mailer: Mailer;
  /** The address emails go out from; its display name becomes the business's. */
  sender: Address;
  /** The dashboard's origin, for links to a lead. */
  appUrl: string;
}

/** Everything the enrichment job needs, from the Worker's bindings: the offline engine when no AI is configured. */
export function enrichmentDeps(env: Env, db: DatabaseAccess): EnrichmentDeps {
  return {
    db,
    ai: aiFromEnv(env) ?? offlineAi,
    mailer: mailerFromEnv(env, db),
    sender: senderFromEnv(env),
    appUrl: appUrlFromEnv(env),
  };
}
