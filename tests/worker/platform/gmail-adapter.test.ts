import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGmailMailer, type GmailSettings } from '../../../worker/platform/mail/gmail';
import { MailError, type OutgoingMail } from '../../../worker/platform/mail/port';

// A local stand-in for Google: the OAuth token endpoint and Gmail's send endpoint, each
// answering from its own script, one answer per request in order (the last one repeats).

interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
type Answer = (res: ServerResponse) => void;

const TOKEN_PATH = '/token';
const SEND_PATH = '/gmail/v1/users/me/messages/send';

let server: Server;
let origin: string;
let tokenRequests: RecordedRequest[];
let sendRequests: RecordedRequest[];
let tokenAnswers: Answer[];
let sendAnswers: Answer[];
let clock: number;

beforeEach(async () => {
  tokenRequests = [];
  sendRequests = [];
  tokenAnswers = [token('ya29.first')];
  sendAnswers = [sent('18f0c1a2b3c4d5e6', '18f0c1a2b3c4d5e0')];
  clock = Date.UTC(2025, 6, 1, 12, 0, 0);
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const record = { path: req.url ?? '', headers: req.headers, body };
      const [log, answers] =
        req.method === 'POST' && record.path === TOKEN_PATH
          ? [tokenRequests, tokenAnswers]
          : req.method === 'POST' && record.path === SEND_PATH
            ? [sendRequests, sendAnswers]
            : [null, []];
      if (!log) {
        res.writeHead(404).end();
        return;
      }
      log.push(record);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      answer?.(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
    res.end(JSON.stringify(body));
  };
}

function token(accessToken: string, expiresIn = 3599): Answer {
  return json(200, {
    access_token: accessToken,
    expires_in: expiresIn,
    scope: 'https://www.googleapis.com/auth/gmail.send',
    token_type: 'Bearer',
  });
}

function sent(id: string, threadId: string): Answer {
  return json(200, { id, threadId, labelIds: ['SENT'] });
}

function googleError(status: number, message: string, reason: string, headers: Record<string, string> = {}): Answer {
  return json(
    status,
    { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: 'ERR' } },
    headers,
  );
}

const never: Answer = () => {};

function mailer(overrides: Partial<GmailSettings> = {}) {
  return createGmailMailer({
    clientId: 'client-123.apps.googleusercontent.com',
    clientSecret: 'secret-456',
    refreshToken: '1//refresh-789',
    sender: { email: 'bonjour@renovationscote.ca', name: 'Rénovations Côté' },
    oauthUrl: `${origin}${TOKEN_PATH}`,
    apiUrl: origin,
    now: () => clock,
    ...overrides,
  });
}

const mail: OutgoingMail = {
  from: { email: 'bonjour@renovationscote.ca', name: 'Rénovations Côté' },
  to: { email: 'marie@example.ca', name: 'Marie Tremblay' },
  replyTo: { email: 'info@renovationscote.ca' },
  subject: 'Votre soumission — Rénovations Côté',
  text: 'Bonjour Marie,\n\nMerci pour votre message.',
  html: '<p>Bonjour Marie,</p><p>Merci pour votre message.</p>',
  idempotencyKey: 'reply-lead-42',
};

/** The MIME message inside a recorded send request. */
function mimeOf(request: RecordedRequest | undefined): string {
  const { raw } = JSON.parse(request?.body ?? '{}') as { raw: string };
  expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
  return Buffer.from(raw, 'base64url').toString('utf8');
}

async function failure(promise: Promise<unknown>): Promise<MailError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the send to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MailError);
  return error as MailError;
}

describe('Gmail mailer: sending', () => {
  it('sends the mail as base64url MIME and returns Gmail ids and the Message-ID', async () => {
    const result = await mailer().send(mail);
    expect(result).toEqual({
      provider: 'gmail',
      providerMessageId: '18f0c1a2b3c4d5e6',
      threadId: '18f0c1a2b3c4d5e0',
      messageId: '<reply-lead-42@renovationscote.ca>',
    });

    const [request] = sendRequests;
    expect(request?.headers.authorization).toBe('Bearer ya29.first');
    expect(request?.headers['content-type']).toBe('application/json');
    const mime = mimeOf(request);
    expect(mime).toContain('\r\nTo: "Marie Tremblay" <marie@example.ca>\r\n');
    expect(mime).toContain('\r\nReply-To: <info@renovationscote.ca>\r\n');
    expect(mime).toContain('\r\nMessage-ID: <reply-lead-42@renovationscote.ca>\r\n');
    expect(mime).toContain('\r\nDate: Tue, 01 Jul 2025 12:00:00 +0000\r\n');
    expect(mime).toMatch(/^From: =\?UTF-8\?B\?[^?]+\?= <bonjour@renovationscote\.ca>\r\n/);
    expect(mime).toMatch(/\r\nSubject: =\?UTF-8\?B\?/);
    const parts = mime.split(/\r\n--=_avenir_[0-9a-f]+/);
    expect(parts).toHaveLength(4);
    const decode = (part: string | undefined) =>
      Buffer.from((part ?? '').split('\r\n\r\n')[1] ?? '', 'base64').toString('utf8');
    expect(parts[1]).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(decode(parts[1])).toBe('Bonjour Marie,\r\n\r\nMerci pour votre message.');
    expect(parts[2]).toContain('Content-Type: text/html; charset=UTF-8');
    expect(decode(parts[2])).toBe(mail.html);
  });

  it('gets its access token with a form-encoded refresh_token grant', async () => {
    await mailer().send(mail);
    const [request] = tokenRequests;
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-123.apps.googleusercontent.com',
      client_secret: 'secret-456',
      refresh_token: '1//refresh-789',
    });
  });

  it('fetches the token once for two sends, and again within 60 s of its expiry', async () => {
    tokenAnswers = [token('ya29.first', 3600), token('ya29.second', 3600)];
    const gmail = mailer();
    await gmail.send(mail);
    await gmail.send({ ...mail, idempotencyKey: 'reply-lead-43' });
    expect(tokenRequests).toHaveLength(1);

    clock += (3600 - 61) * 1000;
    await gmail.send(mail);
    expect(tokenRequests).toHaveLength(1);
    clock += 2000;
    await gmail.send(mail);
    expect(tokenRequests).toHaveLength(2);
    expect(sendRequests.map((request) => request.headers.authorization)).toEqual([
      'Bearer ya29.first',
      'Bearer ya29.first',
      'Bearer ya29.first',
      'Bearer ya29.second',
    ]);
  });

  it('sends the same Message-ID each time the same mail is retried', async () => {
    const gmail = mailer();
    await gmail.send(mail);
    clock += 60_000;
    await gmail.send(mail);
    const ids = sendRequests.map((request) => /\r\nMessage-ID: (\S+)\r\n/.exec(mimeOf(request))?.[1]);
    expect(ids).toEqual(['<reply-lead-42@renovationscote.ca>', '<reply-lead-42@renovationscote.ca>']);
  });

  it('refuses a mail whose header would inject another, without sending it', async () => {
    const error = await failure(mailer().send({ ...mail, subject: 'Hi\r\nBcc: victim@example.com' }));
    expect(error.retryable).toBe(false);
    expect(sendRequests).toHaveLength(0);
  });

  it('sends an internationalised domain in punycode, never raw UTF-8 in a header', async () => {
    await mailer().send({ ...mail, to: { email: 'emilie@exemple-québec.ca', name: 'Emilie Roy' } });
    const mime = mimeOf(sendRequests[0]);
    expect(mime).toContain('\r\nTo: "Emilie Roy" <emilie@xn--exemple-qubec-khb.ca>\r\n');
    expect(mime.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('refuses, for good and without sending, an address with accents before the @ (no SMTPUTF8)', async () => {
    const error = await failure(mailer().send({ ...mail, to: { email: 'émilie@exemple-québec.ca' } }));
    expect(error).toMatchObject({ retryable: false, message: 'To address cannot be written in a mail header' });
    expect(sendRequests).toHaveLength(0);
  });
});

describe('Gmail mailer: failures', () => {
  it('refreshes the token once on a 401 and retries the send', async () => {
    tokenAnswers = [token('ya29.stale'), token('ya29.fresh')];
    sendAnswers = [googleError(401, 'Request had invalid authentication credentials.', 'authError'), sent('m2', 't2')];
    const result = await mailer().send(mail);
    expect(result.providerMessageId).toBe('m2');
    expect(tokenRequests).toHaveLength(2);
    expect(sendRequests.map((request) => request.headers.authorization)).toEqual([
      'Bearer ya29.stale',
      'Bearer ya29.fresh',
    ]);
  });

  it('gives up, not retryable, when a fresh token is rejected too', async () => {
    sendAnswers = [googleError(401, 'Invalid Credentials', 'authError')];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(false);
    expect(sendRequests).toHaveLength(2);
  });

  it('says to reconnect Gmail, not retryable, when the refresh token is revoked (invalid_grant)', async () => {
    tokenAnswers = [json(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('the Gmail refresh token was revoked or expired: reconnect Gmail');
    expect(sendRequests).toHaveLength(0);
  });

  it('reports bad OAuth client credentials as not retryable', async () => {
    tokenAnswers = [json(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' })];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('invalid_client');
  });

  it('passes on the Retry-After of a 429 as a retryable error, and the next try succeeds', async () => {
    sendAnswers = [
      googleError(429, 'Too many concurrent requests for user', 'rateLimitExceeded', { 'retry-after': '120' }),
      sent('m2', 't2'),
    ];
    const gmail = mailer();
    const error = await failure(gmail.send(mail));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBe(120);
    expect(sendRequests).toHaveLength(1);
    // The queue's retry: the same mailer, the same mail.
    expect((await gmail.send(mail)).providerMessageId).toBe('m2');
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const at = new Date(clock + 90_000).toUTCString();
    sendAnswers = [googleError(429, 'Too many requests', 'rateLimitExceeded', { 'retry-after': at })];
    const error = await failure(mailer().send(mail));
    expect(error.retryAfterSeconds).toBe(90);
  });

  it('reports a 500 as retryable, without retrying inside the adapter', async () => {
    sendAnswers = [googleError(500, 'Backend Error', 'backendError')];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Backend Error');
    expect(sendRequests).toHaveLength(1);
  });

  it('treats a 403 sending limit as retryable and other 403s and 400s as final', async () => {
    sendAnswers = [googleError(403, 'User-rate limit exceeded', 'userRateLimitExceeded')];
    expect((await failure(mailer().send(mail))).retryable).toBe(true);
    sendAnswers = [googleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions')];
    expect((await failure(mailer().send(mail))).retryable).toBe(false);
    sendAnswers = [googleError(400, 'Invalid To header', 'invalidArgument')];
    const invalid = await failure(mailer().send(mail));
    expect(invalid.retryable).toBe(false);
    expect(invalid.message).toContain('Invalid To header');
  });

  it('reports a send that never answers as a retryable timeout', async () => {
    sendAnswers = [never];
    const started = performance.now();
    const error = await failure(mailer({ timeoutMs: 200 }).send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('did not answer within 200 ms');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reports a token endpoint that never answers as a retryable timeout', async () => {
    tokenAnswers = [never];
    const error = await failure(mailer({ timeoutMs: 200 }).send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Google OAuth did not answer');
  });

  it('reports malformed JSON from the send endpoint as retryable, with a clear message', async () => {
    sendAnswers = [
      (res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "m1", "threadId": ');
      },
    ];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('Gmail answered the send with malformed JSON');
  });

  it('reports malformed JSON from the token endpoint as retryable, with a clear message', async () => {
    tokenAnswers = [
      (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>captive portal</html>');
      },
    ];
    const error = await failure(mailer().send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('malformed JSON');
    expect(sendRequests).toHaveLength(0);
  });

  it('reports an unreachable server as a retryable network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failure(mailer({ oauthUrl: `http://127.0.0.1:${port}/token` }).send(mail));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('Could not reach Google OAuth');
  });
});
