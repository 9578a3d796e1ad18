import { eq } from 'drizzle-orm';
import { outreachEmails } from '../../../schema';
import { defineInboundHandler } from '../../platform/mail/inbound-routing';
import { checkBreaker } from './breaker';
import { recordBounce, recordReply, recordUnsubscribe } from './lifecycle';
import { sendingLimits } from './limits';
import { classifyInbound } from './replies';

/**
 * Mail to an outreach email's reply address (its Reply-To, and the List-Unsubscribe
 * mailto): a reply stops the sequence and is kept to read; an auto-reply is noted and the
 * sequence goes on; a hard bounce suppresses the address and may trip the campaign's
 * breaker; "unsubscribe" unsubscribes.
 */
export const outreachInbound = defineInboundHandler({
  purpose: 'outreach',
  async handle(message, target, { env, db }) {
    const kind = classifyInbound(message);
    const at = new Date();
    return db.service(async (tx) => {
      const [email] = await tx.select().from(outreachEmails).where(eq(outreachEmails.id, target.id));
      if (!email) return { ignored: 'unknown_email' };
      switch (kind.kind) {
        case 'bounce': {
          await recordBounce(tx, email, { status: kind.status, hard: kind.hard, at, diagnostic: kind.diagnostic });
          const paused = kind.hard ? await checkBreaker(tx, sendingLimits(env), email.campaignId) : false;
          return { bounce: kind.hard ? 'hard' : 'soft', status: kind.status, paused };
        }
        case 'delay':
          return { ignored: 'delivery_delayed' };
        case 'unsubscribe':
          return { unsubscribe: await recordUnsubscribe(tx, email, 'mail', at) };
        case 'auto_reply':
          return { ignored: 'auto_reply', reasons: kind.reasons };
        case 'reply':
          return {
            reply: await recordReply(tx, email, {
              from: message.from.address,
              subject: message.subject,
              text: message.newText || message.text,
              at,
            }),
          };
      }
    });
  },
});
