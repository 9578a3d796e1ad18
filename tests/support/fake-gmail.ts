import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for one Gmail account, on 127.0.0.1 and a free port, speaking the parts
 * of Google's REST API that Avenir uses: the OAuth token endpoint (refresh_token grant),
 * users.messages.send, users.getProfile, users.history.list (messageAdded records, paged,
 * a 404 for a start older than it keeps) and users.messages.get (format=raw). Every message
 * sent or delivered adds a history record, as Gmail does; ids grow with gaps, as Gmail's do.
 */

export interface FakeGmailRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  raw: string;
  internalDate: number;
  historyId: bigint;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGmail {
  origin: string;
  /** Where the token endpoint answers, for `oauthUrl`. */
  oauthUrl: string;
  address: string;
  requests: FakeGmailRequest[];
  messages: StoredMessage[];
  /** History records per page of users.history.list, whatever maxResults asks (Gmail's own is up to 500). */
  pageSize: number;
  /** The mailbox's current history id. */
  historyId(): string;
  /** A message arriving (or, labelled SENT, sent from another client); in a new thread unless one is named. */
  deliver(raw: string, options?: { threadId?: string; labelIds?: string[]; receivedAt?: Date }): StoredMessage;
  /** Gmail no longer keeps the history before this point: a read that starts earlier gets a 404. */
  forgetHistory(): void;
  /** The next `times` requests whose path starts with `path` get this answer instead. */
  fail(path: string, answer: Answer, times?: number): void;
  /** Access tokens issued so far stop working (a revoked or rotated token): the next call gets a 401. */
  revokeTokens(): void;
  close(): Promise<void>;
}

const API = '/gmail/v1/users/me';

export async function startFakeGmail(address = 'marie@avenir.test'): Promise<FakeGmail> {
  const requests: FakeGmailRequest[] = [];
  const messages: StoredMessage[] = [];
  const failures: { path: string; answer: Answer; times: number }[] = [];
  const validTokens = new Set<string>();
  let tokenCount = 0;
  let history = 4_100n;
  let keptFrom = 0n;
  let nextId = 0x18f0_c1a2_0000;

  const newId = () => (nextId++).toString(16);

  function store(raw: string, options: { threadId?: string; labelIds?: string[]; receivedAt?: Date }): StoredMessage {
    // Real history ids are not contiguous.
    history += 7n;
    const id = newId();
    const message: StoredMessage = {
      id,
      threadId: options.threadId ?? id,
      labelIds: options.labelIds ?? ['INBOX', 'UNREAD'],
      raw,
      internalDate: (options.receivedAt ?? new Date()).getTime(),
      historyId: history,
    };
    messages.push(message);
    return message;
  }

  function route(request: FakeGmailRequest): Answer {
    const failure = failures.find((candidate) => request.path.startsWith(candidate.path) && candidate.times > 0);
    if (failure) {
      failure.times--;
      return failure.answer;
    }
    if (request.method === 'POST' && request.path === '/token') {
      const form = new URLSearchParams(request.body);
      if (form.get('grant_type') !== 'refresh_token' || !form.get('refresh_token')) {
        return { status: 400, body: { error: 'invalid_request' } };
      }
      const token = `ya29.fake-${++tokenCount}`;
      validTokens.add(token);
      return { status: 200, body: { access_token: token, expires_in: 3599, token_type: 'Bearer' } };
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !validTokens.has(token)) {
      return googleError(401, 'Request had invalid authentication credentials.', 'authError');
    }
    if (request.method === 'POST' && request.path === `${API}/messages/send`) {
      const { raw, threadId } = JSON.parse(request.body) as { raw: string; threadId?: string };
      const sent = store(Buffer.from(raw, 'base64url').toString('utf8'), {
        labelIds: ['SENT'],
        ...(threadId ? { threadId } : {}),
      });
      return { status: 200, body: { id: sent.id, threadId: sent.threadId, labelIds: sent.labelIds } };
    }
    if (request.method !== 'GET') return { status: 404 };
    if (request.path === `${API}/profile`) {
      return {
        status: 200,
        body: { emailAddress: address, messagesTotal: messages.length, threadsTotal: 0, historyId: String(history) },
      };
    }
    if (request.path === `${API}/history`) return historyPage(request.query);
    const get = new RegExp(`^${API}/messages/([0-9a-f]+)$`).exec(request.path);
    if (get) {
      const message = messages.find((candidate) => candidate.id === get[1]);
      if (!message) return googleError(404, 'Requested entity was not found.', 'notFound');
      if (request.query.get('format') !== 'raw') return { status: 400 };
      return {
        status: 200,
        body: {
          id: message.id,
          threadId: message.threadId,
          labelIds: message.labelIds,
          snippet: '',
          sizeEstimate: message.raw.length,
          historyId: String(message.historyId),
          internalDate: String(message.internalDate),
          raw: Buffer.from(message.raw, 'utf8').toString('base64url'),
        },
      };
    }
    return { status: 404 };
  }

  function historyPage(query: URLSearchParams): Answer {
    const start = BigInt(query.get('startHistoryId') ?? '0');
    if (start < keptFrom || query.get('historyTypes') !== 'messageAdded') {
      return googleError(404, 'Requested entity was not found.', 'notFound');
    }
    const records = messages.filter((message) => message.historyId > start);
    const offset = Number(query.get('pageToken') ?? '0');
    const size = Math.min(fake.pageSize, Number(query.get('maxResults') ?? '100'));
    const page = records.slice(offset, offset + size);
    return {
      status: 200,
      body: {
        history: page.map((message) => ({
          id: String(message.historyId),
          messages: [{ id: message.id, threadId: message.threadId }],
          messagesAdded: [{ message: { id: message.id, threadId: message.threadId, labelIds: message.labelIds } }],
        })),
        ...(offset + size < records.length ? { nextPageToken: String(offset + size) } : {}),
        historyId: String(history),
      },
    };
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
      };
      requests.push(request);
      const answer = route(request);
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', ...answer.headers });
      res.end(
        answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeGmail = {
    origin,
    oauthUrl: `${origin}/token`,
    address,
    requests,
    messages,
    pageSize: 100,
    historyId: () => String(history),
    deliver: (raw, options = {}) => store(raw, options),
    forgetHistory() {
      history += 1_000n;
      keptFrom = history;
    },
    fail(path, answer, times = 1) {
      failures.push({ path, answer, times });
    },
    revokeTokens() {
      validTokens.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** Google's error body: `{ error: { code, message, errors: [{ reason }], status } }`. */
export function googleError(status: number, message: string, reason: string, headers?: Record<string, string>): Answer {
  return {
    status,
    body: { error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: 'ERROR' } },
    ...(headers ? { headers } : {}),
  };
}
