/** The mail port. Two adapters: the Gmail API (mail/gmail.ts) and the dev outbox (mail/outbox.ts). */

export interface Address {
  email: string;
  name?: string | undefined;
}

export interface OutgoingMail {
  from: Address;
  to: Address;
  replyTo?: Address | undefined;
  subject: string;
  /** Plain-text part. */
  text: string;
  /** HTML part; every user-supplied string in it already escaped. */
  html: string;
  /**
   * The URL that unsubscribes the recipient in one click (RFC 8058): sent as List-Unsubscribe
   * with List-Unsubscribe-Post, so mail clients show their own "unsubscribe" button.
   */
  listUnsubscribe?: string | undefined;
  /** An address that unsubscribes whoever writes to it: listed beside the URL (RFC 2369), for clients without one-click. */
  listUnsubscribeMailto?: string | undefined;
  /** A follow-up in an earlier message's conversation: its headers (RFC 5322 §3.6.4) and, for Gmail, its thread. */
  thread?: MailThread | undefined;
  /** Stable across retries of the same mail: becomes the Message-ID's local part. */
  idempotencyKey: string;
}

export interface MailThread {
  /** The Message-ID answered, angle brackets included. */
  inReplyTo: string;
  /** The conversation's Message-IDs, oldest first, the answered one last. */
  references: string[];
  /** Gmail's thread id of the conversation, when Gmail sent it. */
  threadId?: string | null | undefined;
}

export interface SentMail {
  provider: 'gmail' | 'outbox';
  /** The provider's id of the message (Gmail's message id, or the outbox row id). */
  providerMessageId: string;
  /** Gmail's thread id; null for the outbox. */
  threadId: string | null;
  /** The RFC 5322 Message-ID header sent. */
  messageId: string;
}

export interface Mailer {
  readonly provider: SentMail['provider'];
  send(mail: OutgoingMail): Promise<SentMail>;
}

/** Why a mailer gave up; `retryable` says whether the queue should try again later. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailError';
  }
}
