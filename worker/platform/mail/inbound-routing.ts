import { eq } from 'drizzle-orm';
import { inboundMessages } from '../../../schema';
import type { InboundPurpose } from '../../../schema/vocabulary';
import { type DatabaseAccess, openDatabase } from '../db';
import { bytesToHex } from '../encoding';
import type { Env } from '../env';
import { INBOUND_MAX_RAW_BYTES, type InboundMessage, InboundTooLarge, readInbound } from './inbound';
import { type ReplyTarget, readReplyAddress, replyAddressConfig } from './reply-address';

/**
 * The Worker's email() handler: Email Routing delivers every message for the inbound
 * domain here. The recipient's signed token decides everything: no token, a forged one or
 * a feature that is not listening, and the message is rejected (the sender learns it);
 * a known one is parsed once (a redelivery is recognised by its Message-ID and recipient)
 * and handed to the feature that gave the address out.
 */

export interface InboundHandler {
  purpose: InboundPurpose;
  /** What the feature made of the message, stored beside it. Throwing refuses the delivery, so it is tried again. */
  handle(
    message: InboundMessage,
    target: ReplyTarget,
    deps: { env: Env; db: DatabaseAccess },
  ): Promise<Record<string, unknown>>;
}

export const defineInboundHandler = (handler: InboundHandler): InboundHandler => handler;

/** What the Worker receives (a subset of ForwardableEmailMessage, so tests can build one). */
export interface ReceivedEmail {
  readonly from: string;
  readonly to: string;
  readonly raw: ReadableStream<Uint8Array>;
  readonly rawSize: number;
  /** Synchronous on Cloudflare; a promise through miniflare's RPC in local runs, so awaited. */
  setReject(reason: string): void | Promise<void>;
}

export type InboundResult =
  | { status: 'handled'; purpose: InboundPurpose; targetId: string; outcome: Record<string, unknown> }
  | { status: 'duplicate'; purpose: InboundPurpose; targetId: string }
  | { status: 'rejected'; reason: string };

export const REJECTIONS = {
  notConfigured: 'This address does not accept mail.',
  unknownRecipient: 'No such recipient here.',
  tooLarge: `Message too large: this address accepts at most ${INBOUND_MAX_RAW_BYTES / 1024 / 1024} MB.`,
  unreadable: 'The message could not be read as email.',
} as const;

/** One delivery's identity: its Message-ID, or (a message without one) a digest of what it says. */
async function dedupeKey(message: InboundMessage, recipient: string): Promise<string> {
  const identity =
    message.messageId ?? `${message.from.address ?? ''}\n${message.date ?? ''}\n${message.subject}\n${message.text}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${identity}\n${recipient}`));
  return bytesToHex(new Uint8Array(digest));
}

export async function receiveEmail(
  handlers: readonly InboundHandler[],
  email: ReceivedEmail,
  env: Env,
): Promise<InboundResult> {
  const reject = async (reason: string): Promise<InboundResult> => {
    await email.setReject(reason);
    return { status: 'rejected', reason };
  };
  const config = replyAddressConfig(env);
  if (!config) return reject(REJECTIONS.notConfigured);
  const target = await readReplyAddress(config, email.to);
  const handler = target && handlers.find((candidate) => candidate.purpose === target.purpose);
  if (!target || !handler) return reject(REJECTIONS.unknownRecipient);
  if (email.rawSize > INBOUND_MAX_RAW_BYTES) return reject(REJECTIONS.tooLarge);

  let message: InboundMessage;
  try {
    message = await readInbound({
      raw: email.raw,
      rawSize: email.rawSize,
      envelopeFrom: email.from,
      envelopeTo: email.to,
    });
  } catch (error) {
    if (error instanceof InboundTooLarge) return reject(REJECTIONS.tooLarge);
    console.warn(`inbound mail for ${target.purpose} could not be parsed: ${(error as Error).message}`);
    return reject(REJECTIONS.unreadable);
  }

  const db = openDatabase(env);
  try {
    const recipient = email.to.trim().toLowerCase();
    const key = await dedupeKey(message, recipient);
    const [row] = await db.service((tx) =>
      tx
        .insert(inboundMessages)
        .values({
          dedupeKey: key,
          recipient,
          purpose: target.purpose,
          targetId: target.id,
          messageId: message.messageId,
          fromAddress: message.from.address,
          subject: message.subject.slice(0, 500),
          rawSize: message.rawSize,
          autoSubmitted: message.auto.submitted,
          isBounce: message.bounce !== null,
        })
        .onConflictDoNothing({ target: inboundMessages.dedupeKey })
        .returning({ id: inboundMessages.id }),
    );
    if (!row) return { status: 'duplicate', purpose: target.purpose, targetId: target.id };
    let outcome: Record<string, unknown>;
    try {
      outcome = await handler.handle(message, target, { env, db });
    } catch (error) {
      // Forget the delivery so the retry the failure causes is handled, not skipped as a duplicate.
      await db.service((tx) => tx.delete(inboundMessages).where(eq(inboundMessages.id, row.id)));
      throw error;
    }
    await db.service((tx) => tx.update(inboundMessages).set({ outcome }).where(eq(inboundMessages.id, row.id)));
    return { status: 'handled', purpose: target.purpose, targetId: target.id, outcome };
  } finally {
    await db.close();
  }
}
