import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import { replyAddressConfig } from '../../platform/mail/reply-address';
import { appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import type { SenderIdentity } from './identification';
import { sendingLimits } from './limits';
import type { SchedulerDeps } from './scheduler';

/** The scheduler's adapters from the Worker's bindings, or null while replies and unsubscribes could not come back. */
export function schedulerDeps(env: Env, db: DatabaseAccess): SchedulerDeps | null {
  const addresses = replyAddressConfig(env);
  if (!addresses) return null;
  return {
    db,
    mailer: mailerFromEnv(env, db),
    limits: sendingLimits(env),
    tracking: { appUrl: appUrlFromEnv(env), secret: addresses.secret },
    addresses,
  };
}

/** The mailboxes a campaign may send from: the Gmail account, or the dev outbox's address. */
export const mailboxesFromEnv = (env: Env): string[] => [senderFromEnv(env).email.toLowerCase()];

/** The identification a new campaign starts from: the operator's, as far as settings give it. */
export function defaultIdentity(env: Env): SenderIdentity {
  const operator = env.OPERATOR_NAME?.trim() || 'Avenir';
  return {
    senderName: env.FORM_TEST_SENDER_NAME?.trim() || '',
    businessName: operator,
    postalAddress: env.OUTREACH_POSTAL_ADDRESS?.trim() || '',
    contact: senderFromEnv(env).email,
  };
}
