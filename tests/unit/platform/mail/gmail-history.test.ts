import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGmailHistoryReader, type GmailHistorySettings } from '../../../../worker/platform/mail/gmail-history';
import { MailError } from '../../../../worker/platform/mail/port';
import { type FakeGmail, googleError, startFakeGmail } from '../../../support/fake-gmail';

/** The Gmail history reader against a local Gmail: what it reads, page by page, and how it fails. */

let gmail: FakeGmail;

beforeEach(async () => {
  gmail = await startFakeGmail();
});
afterEach(async () => {
  await gmail.close();
});

function reader(overrides: Partial<GmailHistorySettings> = {}) {
  return createGmailHistoryReader({
    clientId: 'client-123.apps.googleusercontent.com',
    clientSecret: 'secret-456',
    refreshToken: '1//refresh-789',
    oauthUrl: gmail.oauthUrl,
    apiUrl: gmail.origin,
    ...overrides,
  });
}

const mail = (subject: string, body = 'Bonjour') =>
  `From: Luc <luc@plomberie.test>\r\nTo: marie@avenir.test\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@plomberie.test>\r\n\r\n${body}\r\n`;

const api = () => gmail.requests.filter((request) => request.path.startsWith('/gmail/'));

async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

describe('Gmail history reader: reading', () => {
  it('reads the mailbox’s current history id with a token from the refresh-token grant', async () => {
    gmail.deliver(mail('Avant'));
    const history = reader();
    expect(await history.currentHistoryId()).toBe(gmail.historyId());

    const [token] = gmail.requests.filter((request) => request.path === '/token');
    expect(new URLSearchParams(token!.body).get('grant_type')).toBe('refresh_token');
    expect(new URLSearchParams(token!.body).get('refresh_token')).toBe('1//refresh-789');
    expect(api()[0]!.headers.authorization).toBe('Bearer ya29.fake-1');
  });

  it('lists every message added since a history id, across pages, in order, with threads and labels', async () => {
    const start = gmail.historyId();
    const first = gmail.deliver(mail('Un'));
    const sent = gmail.deliver(mail('Deux'), { threadId: first.threadId, labelIds: ['SENT'] });
    const third = gmail.deliver(mail('Trois'));
    gmail.pageSize = 2;

    const batch = await reader().messagesAddedSince(start);

    expect(batch).toEqual({
      messages: [
        { id: first.id, threadId: first.threadId, labelIds: ['INBOX', 'UNREAD'], historyId: String(first.historyId) },
        { id: sent.id, threadId: first.threadId, labelIds: ['SENT'], historyId: String(sent.historyId) },
        { id: third.id, threadId: third.id, labelIds: ['INBOX', 'UNREAD'], historyId: String(third.historyId) },
      ],
      historyId: gmail.historyId(),
      complete: true,
    });
    const pages = api().filter((request) => request.path.endsWith('/history'));
    expect(pages).toHaveLength(2);
    expect(pages.map((page) => page.query.get('startHistoryId'))).toEqual([start, start]);
    expect(pages.map((page) => page.query.get('historyTypes'))).toEqual(['messageAdded', 'messageAdded']);
    expect(pages[0]!.query.get('pageToken')).toBeNull();
    expect(pages[1]!.query.get('pageToken')).toBe('2');
  });

  it('stops after its page budget and says where to go on from', async () => {
    const start = gmail.historyId();
    const first = gmail.deliver(mail('Un'));
    const second = gmail.deliver(mail('Deux'));
    gmail.deliver(mail('Trois'));
    gmail.pageSize = 2;

    const batch = await reader({ maxPages: 1 }).messagesAddedSince(start);

    expect(batch?.messages.map((message) => message.id)).toEqual([first.id, second.id]);
    expect(batch).toMatchObject({ historyId: String(second.historyId), complete: false });
  });

  it('answers null when Gmail no longer keeps the history since the id (a 404)', async () => {
    const start = gmail.historyId();
    gmail.deliver(mail('Un'));
    gmail.forgetHistory();
    expect(await reader().messagesAddedSince(start)).toBeNull();
  });

  it('returns a message as its raw bytes, UTF-8 intact, with its thread, labels and time of arrival', async () => {
    const raw = mail('Réponse', 'Oui, appelez-moi jeudi à 14 h — merci ?>>>?');
    const stored = gmail.deliver(raw, { receivedAt: new Date('2026-12-01T15:04:05.000Z') });

    const message = await reader().rawMessage(stored.id);

    expect(new TextDecoder().decode(message!.raw)).toBe(raw);
    expect(message).toMatchObject({
      id: stored.id,
      threadId: stored.threadId,
      labelIds: ['INBOX', 'UNREAD'],
      receivedAt: new Date('2026-12-01T15:04:05.000Z'),
    });
    expect(api()[0]!.query.get('format')).toBe('raw');
  });

  it('answers null for a message deleted since it was added', async () => {
    expect(await reader().rawMessage('18f0c1a2ffff')).toBeNull();
  });
});

describe('Gmail history reader: failures', () => {
  it('gets a fresh token once when Gmail refuses the current one, and goes on', async () => {
    const history = reader();
    await history.currentHistoryId();
    gmail.revokeTokens();
    expect(await history.currentHistoryId()).toBe(gmail.historyId());
    expect(gmail.requests.filter((request) => request.path === '/token')).toHaveLength(2);
  });

  it('reports a 500 and a 429 as retryable, with the Retry-After passed on', async () => {
    gmail.fail('/gmail/v1/users/me/history', googleError(500, 'Backend Error', 'backendError'));
    const server = await failure(reader().messagesAddedSince(gmail.historyId()));
    expect(server.retryable).toBe(true);
    expect(server.message).toContain('Gmail server error 500');

    gmail.fail(
      '/gmail/v1/users/me/messages/',
      googleError(429, 'Too many concurrent requests for user', 'rateLimitExceeded', { 'retry-after': '30' }),
    );
    const limited = await failure(reader().rawMessage('18f0c1a20000'));
    expect(limited).toMatchObject({ retryable: true, retryAfterSeconds: 30 });
  });

  it('says to reconnect Gmail with the read scope, not retryable, when the token may only send', async () => {
    gmail.fail(
      '/gmail/v1/users/me/profile',
      googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions'),
    );
    const error = await failure(reader().currentHistoryId());
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/gmail\.readonly/);
  });

  it('says to reconnect Gmail, not retryable, when the refresh token was revoked', async () => {
    gmail.fail('/token', {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
    const error = await failure(reader().currentHistoryId());
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/reconnect Gmail/);
  });

  it('reports an answer that is not the documented JSON as retryable, with a clear message', async () => {
    gmail.fail('/gmail/v1/users/me/history', {
      status: 200,
      body: { history: [{ id: 'not-a-number' }], historyId: '1' },
    });
    const error = await failure(reader().messagesAddedSince('4100'));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Gmail answered the history request with malformed JSON');
  });

  it('reports a Gmail that never answers as a retryable timeout', async () => {
    const hanging: typeof fetch = (input, init) =>
      String(input).includes('/token')
        ? fetch(input, init)
        : new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failure(reader({ fetch: hanging, timeoutMs: 50 }).currentHistoryId());
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Gmail did not answer within 50 ms');
  });
});
