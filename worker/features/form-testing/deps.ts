import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import { replyAddressConfig } from '../../platform/mail/reply-address';
import { crawlerFetcher } from '../prospects';
import { formTestLimits } from './limits';
import type { RunDeps } from './run';

/** Who signs the inquiries: a person of the operator, else its team. */
export const senderName = (env: Env) =>
  env.FORM_TEST_SENDER_NAME?.trim() || `${env.OPERATOR_NAME?.trim() || 'Avenir'} (équipe / team)`;

/** A batch run's adapters from the Worker's bindings, or null while replies could not come back. */
export function formTestDeps(env: Env, db: DatabaseAccess): RunDeps | null {
  const addresses = replyAddressConfig(env);
  if (!addresses) return null;
  return {
    db,
    fetcher: crawlerFetcher(env, db),
    addresses,
    limits: formTestLimits(env),
    sender: {
      name: senderName(env),
      phone: env.FORM_TEST_PHONE?.trim() || null,
      company: env.OPERATOR_NAME?.trim() || 'Avenir',
    },
  };
}
