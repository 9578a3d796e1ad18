import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { listenWithClearPortError } from './postgres-wire-server';

/**
 * The address `npm start` gives out, in front of `wrangler dev`. Everything is passed
 * through as it came, Host header included, so the Worker sees the URL the browser used.
 * One path is answered differently: the pinned miniflare sends the cron trigger wrangler
 * prints (`/cdn-cgi/handler/scheduled`) to its static-assets router, which has no
 * scheduled handler, and answers 500 "exception" for every cron (workers-sdk#9882, fixed
 * in #14177 in releases that need Node 22). Only local runs are affected: on Cloudflare a
 * Cron Trigger calls the Worker's scheduled() itself. Here the same request goes to the
 * route `wrangler dev --test-scheduled` adds inside the Worker, with the same `cron` and
 * `time` parameters.
 */
const PRINTED_TRIGGER = '/cdn-cgi/handler/scheduled';
const WORKER_TRIGGER = '/__scheduled';

export interface DevFront {
  port: number;
  close(): Promise<void>;
}

export async function startDevFront(options: { port: number; upstreamPort: number }): Promise<DevFront> {
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const trigger = url === PRINTED_TRIGGER || url.startsWith(`${PRINTED_TRIGGER}?`);
    const path = trigger ? url.replace(PRINTED_TRIGGER, WORKER_TRIGGER) : url;
    const upstream = http.request(
      { host: '127.0.0.1', port: options.upstreamPort, method: request.method, path, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        // An answer cut off upstream is cut off here too (never ended as if complete), and
        // a browser that goes away stops the upstream request.
        pipeline(answer, response).catch(() => upstream.destroy());
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('The Worker is not answering yet (wrangler dev is starting or restarting).');
    });
    pipeline(request, upstream).catch(() => upstream.destroy());
  });
  const port = await listenWithClearPortError(server, '127.0.0.1', options.port, 'PORT');
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on now, for a server this process starts next. */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  const port = await listenWithClearPortError(server, '127.0.0.1', 0, 'PORT');
  await new Promise((resolve) => server.close(resolve));
  return port;
}
