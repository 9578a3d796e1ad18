import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a provider's API, on 127.0.0.1 and a free port: it records every
 * request and answers with the replies each test scripts, in order (the last one repeats).
 */

export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body as JSON, or undefined when it was none. */
  json: unknown;
}

export type Reply =
  | { status: number; body?: unknown; raw?: string; headers?: Record<string, string> }
  /** Never answer: the client's timeout has to end it. */
  | 'hang';

export interface FakeApi {
  origin: string;
  received: Received[];
  /** The replies to the next requests, in order; the last one repeats. */
  script(...replies: (Reply | ((request: Received) => Reply))[]): void;
  close(): Promise<void>;
}

export async function startFakeApi(): Promise<FakeApi> {
  const received: Received[] = [];
  let replies: (Reply | ((request: Received) => Reply))[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      const request: Received = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        text,
        json,
      };
      received.push(request);
      const next = replies.length > 1 ? replies.shift() : replies[0];
      const reply = typeof next === 'function' ? next(request) : next;
      if (reply === undefined) {
        res.writeHead(599).end('no reply scripted');
        return;
      }
      if (reply === 'hang') return;
      const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    script(...next) {
      received.length = 0;
      replies = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the tests catch: the rejection of a promise expected to fail, to assert on. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}
