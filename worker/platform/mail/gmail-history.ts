import * as v from 'valibot';
import { base64ToBytes } from '../encoding';
import {
  type GmailAnswer,
  type GmailApiSettings,
  gmailApi,
  gmailMessage,
  gmailReasons,
  isRateLimited,
  parseJson,
  retryAfterSeconds,
} from './gmail';
import { MailError } from './port';

/**
 * What arrived in the connected Gmail account, read through the Gmail API with the same
 * refresh token and deadlines as the sender (mail/gmail.ts): the mailbox's current
 * history id (users.getProfile), the messages added since an earlier one
 * (users.history.list, every page), and one message as its raw MIME (users.messages.get).
 * Reading needs the gmail.readonly scope beside gmail.send; a token without it is refused
 * for good, with a message saying so. One try per call: the queue owns retries.
 */

export interface AddedMessage {
  id: string;
  threadId: string;
  /** Gmail's labels when the message was added: SENT for the account's own mail. */
  labelIds: string[];
  /** The history record that added it: a read from just before it reads it again. */
  historyId: string;
}

export interface HistoryBatch {
  /** In the order Gmail added them, each once. */
  messages: AddedMessage[];
  /** Where the next read starts: the mailbox's history id once every page was read, else the last record read. */
  historyId: string;
  /** False when more pages were left than one read takes: the next read goes on from `historyId`. */
  complete: boolean;
}

export interface RawGmailMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  /** The RFC 5322 message as Gmail keeps it. */
  raw: Uint8Array;
  /** When Gmail received it, or null when it does not say. */
  receivedAt: Date | null;
}

export interface GmailHistoryReader {
  /** The mailbox's current history id: nothing before it will be read. */
  currentHistoryId(): Promise<string>;
  /** The messages added since `startHistoryId`, or null when Gmail no longer keeps that far back (a 404). */
  messagesAddedSince(startHistoryId: string): Promise<HistoryBatch | null>;
  /** One message, or null when it was deleted since it was added. */
  rawMessage(id: string): Promise<RawGmailMessage | null>;
}

export interface GmailHistorySettings extends GmailApiSettings {
  /** Pages of 500 history records read at most per call, default 10. */
  maxPages?: number;
}

const PAGE_SIZE = 500;
const DEFAULT_MAX_PAGES = 10;
const SCOPE_MESSAGE = 'the Gmail refresh token may only send: reconnect Gmail with the gmail.readonly scope too';

/** Gmail's ids are unsigned 64-bit integers, written as decimal strings. */
const HistoryId = v.pipe(v.string(), v.regex(/^\d{1,20}$/));
const GmailId = v.pipe(v.string(), v.regex(/^[0-9a-zA-Z_-]{1,64}$/));
const Labels = v.optional(v.array(v.string()), []);

const Profile = v.object({ historyId: HistoryId });

const HistoryPage = v.object({
  history: v.optional(
    v.array(
      v.object({
        id: HistoryId,
        messagesAdded: v.optional(
          v.array(v.object({ message: v.object({ id: GmailId, threadId: GmailId, labelIds: Labels }) })),
          [],
        ),
      }),
    ),
    [],
  ),
  nextPageToken: v.optional(v.pipe(v.string(), v.nonEmpty())),
  historyId: HistoryId,
});

const RawMessage = v.object({
  id: GmailId,
  threadId: GmailId,
  labelIds: Labels,
  raw: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_=-]*$/)),
  internalDate: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/))),
});

export function createGmailHistoryReader(settings: GmailHistorySettings): GmailHistoryReader {
  const api = gmailApi(settings);
  const maxPages = settings.maxPages ?? DEFAULT_MAX_PAGES;

  /** A GET whose answer must match `schema`; null when Gmail answers 404 (no such history point, no such message). */
  async function get<T>(what: string, path: string, schema: v.GenericSchema<unknown, T>): Promise<T | null> {
    const answer = await api.request(path);
    if (answer.response.status === 404) return null;
    if (!answer.response.ok) throw readError(what, answer, api.now());
    const parsed = v.safeParse(schema, parseJson(answer.text));
    if (!parsed.success) throw new MailError(`Gmail answered ${what} with malformed JSON`, true);
    return parsed.output;
  }

  return {
    async currentHistoryId() {
      const profile = await get('the profile request', '/gmail/v1/users/me/profile', Profile);
      if (!profile) throw new MailError('Gmail knows no profile for the connected account', false);
      return profile.historyId;
    },

    async messagesAddedSince(startHistoryId) {
      if (!v.is(HistoryId, startHistoryId)) throw new TypeError(`not a Gmail history id: ${startHistoryId}`);
      const messages = new Map<string, AddedMessage>();
      let pageToken: string | undefined;
      let lastRecord: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const query = new URLSearchParams({
          startHistoryId,
          historyTypes: 'messageAdded',
          maxResults: String(PAGE_SIZE),
        });
        if (pageToken) query.set('pageToken', pageToken);
        const answer = await get('the history request', `/gmail/v1/users/me/history?${query}`, HistoryPage);
        if (!answer) return null;
        for (const record of answer.history) {
          lastRecord = record.id;
          for (const { message } of record.messagesAdded) {
            if (!messages.has(message.id)) messages.set(message.id, { ...message, historyId: record.id });
          }
        }
        if (!answer.nextPageToken)
          return { messages: [...messages.values()], historyId: answer.historyId, complete: true };
        pageToken = answer.nextPageToken;
      }
      // Pages left over: go on from the last record read (read again next time, which the caller's once-only rule absorbs).
      return { messages: [...messages.values()], historyId: lastRecord ?? startHistoryId, complete: false };
    },

    async rawMessage(id) {
      if (!v.is(GmailId, id)) throw new TypeError(`not a Gmail message id: ${id}`);
      const message = await get(
        'the message request',
        `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?format=raw`,
        RawMessage,
      );
      if (!message) return null;
      return {
        id: message.id,
        threadId: message.threadId,
        labelIds: message.labelIds,
        raw: base64UrlToBytes(message.raw),
        receivedAt: message.internalDate ? new Date(Number(message.internalDate)) : null,
      };
    },
  };
}

function readError(what: string, { response, text }: GmailAnswer, nowMs: number): MailError {
  const detail = gmailMessage(text);
  if (response.status === 429 || (response.status === 403 && isRateLimited(text))) {
    return new MailError(`Gmail rate limit reached: ${detail}`, true, retryAfterSeconds(response, nowMs));
  }
  if (response.status >= 500) return new MailError(`Gmail server error ${response.status}: ${detail}`, true);
  if (response.status === 403 && gmailReasons(text).includes('insufficientPermissions')) {
    return new MailError(SCOPE_MESSAGE, false);
  }
  return new MailError(`Gmail refused ${what} (${response.status}): ${detail}`, false);
}

/** Gmail's `raw` is base64url, padded or not. */
function base64UrlToBytes(text: string): Uint8Array {
  const standard = text.replaceAll('-', '+').replaceAll('_', '/').replace(/=+$/, '');
  return base64ToBytes(standard + '='.repeat((4 - (standard.length % 4)) % 4));
}
