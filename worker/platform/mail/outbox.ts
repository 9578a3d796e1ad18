import { sql } from 'drizzle-orm';
import type { DatabaseAccess } from '../db';
import { buildMimeMessage, messageIdFor } from './mime';
import type { Mailer, SentMail } from './port';

const display = (address: { email: string; name?: string | undefined }) =>
  address.name ? `${address.name} <${address.email}>` : address.email;

/**
 * The dev mailer: keeps each message, whole MIME included, in dev_outbox instead of sending
 * it; /dev/outbox shows them. Used wherever no Gmail account is configured. Sending the same
 * message twice (same idempotency key) stores it once.
 */
export function createOutboxMailer(db: DatabaseAccess, now: () => Date = () => new Date()): Mailer {
  return {
    provider: 'outbox',
    async send(mail): Promise<SentMail> {
      const messageId = messageIdFor(mail.idempotencyKey, mail.from.email.split('@')[1] ?? 'avenir.local');
      const raw = buildMimeMessage(mail, { date: now(), messageId });
      const id = await db.service(async (tx) => {
        const inserted = await tx.execute<{ id: string }>(sql`
          insert into dev_outbox (message_id, from_address, to_address, reply_to, subject, text_body, html_body, raw_mime)
          values (${messageId}, ${display(mail.from)}, ${display(mail.to)}, ${mail.replyTo ? display(mail.replyTo) : null},
            ${mail.subject}, ${mail.text}, ${mail.html}, ${raw})
          on conflict (message_id) do nothing
          returning id`);
        if (inserted.rows[0]) return inserted.rows[0].id;
        const existing = await tx.execute<{ id: string }>(
          sql`select id from dev_outbox where message_id = ${messageId}`,
        );
        return existing.rows[0]!.id;
      });
      return { provider: 'outbox', providerMessageId: id, threadId: null, messageId };
    },
  };
}
