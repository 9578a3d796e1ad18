import { sql } from 'drizzle-orm';
import type { outreachEmails } from '../../../schema';
import type { Transaction } from '../../platform/db';
import type { InboundMessage } from '../../platform/mail/inbound';
import { checkBreaker } from './breaker';
import { recordBounce, recordReply, recordUnsubscribe } from './lifecycle';
import { classifyInbound } from './replies';
import type { SendingLimits } from './sending-rules';

/**
 * What a message about an outreach email does, however it came: through Email Routing to
 * the email's reply address (inbound.ts), or read from the Gmail account that sent it
 * (gmail-sync.ts). A reply stops the sequence and is kept to read; an auto-reply is noted
 * and the sequence goes on; a hard bounce suppresses the address and may trip the
 * campaign's breaker; "unsubscribe" unsubscribes. One function, so both ways agree.
 */

type EmailRow = typeof outreachEmails.$inferSelect;

export async function applyInboundToEmail(
  tx: Transaction,
  email: EmailRow,
  message: InboundMessage,
  context: { limits: SendingLimits; at: Date },
): Promise<Record<string, unknown>> {
  // A reply-all can reach both the reply address and the Gmail account: one message, one effect.
  if (message.messageId && (await appliedBefore(tx, email, message.messageId))) {
    return { ignored: 'already_applied' };
  }
  const { at } = context;
  const kind = classifyInbound(message);
  switch (kind.kind) {
    case 'bounce': {
      await recordBounce(tx, email, { status: kind.status, hard: kind.hard, at, diagnostic: kind.diagnostic });
      const paused = kind.hard ? await checkBreaker(tx, context.limits, email.campaignId) : false;
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
}

/**
 * Whether this Message-ID was already applied to this prospect's emails of this campaign,
 * by either way in: the reply address names the step it was sent with, Gmail's thread the
 * latest step, so one reply-all can name two emails of one sequence. inbound_messages keeps
 * a row per delivery, and a row's outcome is set only once its effects are (the caller's
 * own row, just inserted, has none yet).
 */
async function appliedBefore(
  tx: Transaction,
  email: Pick<EmailRow, 'campaignId' | 'prospectId' | 'id'>,
  messageId: string,
): Promise<boolean> {
  const sameSequence = email.prospectId
    ? sql`e.campaign_id = ${email.campaignId} and e.prospect_id = ${email.prospectId}`
    : sql`e.id = ${email.id}`;
  const { rows } = await tx.execute(sql`
    select 1 from inbound_messages m join outreach_emails e on e.id = m.target_id
     where m.purpose = 'outreach' and m.message_id = ${messageId} and m.outcome is not null and ${sameSequence}
     limit 1`);
  return rows.length > 0;
}
