import { eq } from 'drizzle-orm';
import { outreachEmails } from '../../../schema';
import { defineInboundHandler } from '../../platform/mail/inbound-routing';
import { applyInboundToEmail } from './inbound-effects';
import { sendingLimits } from './limits';

/**
 * Mail to an outreach email's reply address (its Reply-To, and the List-Unsubscribe
 * mailto), as Email Routing delivers it; what it does is inbound-effects.ts's, the same
 * as for what the Gmail account receives (gmail-sync.ts).
 */
export const outreachInbound = defineInboundHandler({
  purpose: 'outreach',
  async handle(message, target, { env, db }) {
    const at = new Date();
    return db.service(async (tx) => {
      const [email] = await tx.select().from(outreachEmails).where(eq(outreachEmails.id, target.id));
      if (!email) return { ignored: 'unknown_email' };
      return applyInboundToEmail(tx, email, message, { limits: sendingLimits(env), at });
    });
  },
});
