import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { listenWithClearPortError } from './postgres-wire-server';
import { RoundTripCounter } from './round-trips';

// Lets the Neon serverless driver (Postgres over WebSocket) reach a local
// Postgres wire server exactly as it reaches Neon in production.

export interface WebSocketProxyOptions {
  host?: string;
  port: number;
  /** Every WebSocket is piped here. The driver's `?address=` is ignored: dialing it would be an SSRF hole. */
  upstream: { host: string; port: number };
  portEnvName?: string;
}

export interface RunningProxy {
  host: string;
  port: number;
  /** Connections opened and query round trips made through the proxy so far. */
  stats(): ProxyStats;
  close(): Promise<void>;
}

export interface ProxyStats {
  connections: number;
  roundTrips: number;
}

const PROXY_DESCRIPTION = 'avenir websocket-to-postgres proxy';
// Stop reading from Postgres while this much is still queued for the browser/driver.
const HIGH_WATER_MARK_BYTES = 1024 * 1024;
const BACKPRESSURE_POLL_MS = 10;

export async function startWebSocketProxy(options: WebSocketProxyOptions): Promise<RunningProxy> {
  const host = options.host ?? '127.0.0.1';
  const webSockets = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const upgradeSockets = new Set<Duplex>();
  const httpServer = createServer(describeProxy);
  const totals: ProxyStats = { connections: 0, roundTrips: 0 };

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgradeSockets.add(socket);
    socket.once('close', () => upgradeSockets.delete(socket));
    webSockets.handleUpgrade(request, socket, head, (webSocket) => {
      totals.connections++;
      const counter = new RoundTripCounter(() => totals.roundTrips++);
      pipeToUpstream(webSocket, options.upstream, counter);
    });
  });

  const port = await listenWithClearPortError(httpServer, host, options.port, options.portEnvName ?? 'AVENIR_WS_PORT');
  return {
    host,
    port,
    stats: () => ({ ...totals }),
    close: async () => {
      for (const client of webSockets.clients) client.terminate();
      for (const socket of upgradeSockets) socket.destroy();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => webSockets.close(() => resolve()));
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

function describeProxy(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(PROXY_DESCRIPTION);
}

function pipeToUpstream(
  webSocket: WebSocket,
  upstream: { host: string; port: number },
  counter: RoundTripCounter,
): void {
  const tcp = connect({ host: upstream.host, port: upstream.port });
  tcp.setNoDelay(true);
  // Messages sent before the TCP connection is up are queued by net.Socket itself.
  webSocket.on('message', (data: RawData) => {
    const bytes = toBuffer(data);
    counter.feed(bytes);
    tcp.write(bytes);
  });
  tcp.on('data', (chunk: Buffer) => forwardToWebSocket(webSocket, tcp, chunk));

  const closeBoth = () => {
    tcp.destroy();
    if (webSocket.readyState === webSocket.OPEN || webSocket.readyState === webSocket.CONNECTING) webSocket.close();
  };
  webSocket.on('close', closeBoth);
  webSocket.on('error', closeBoth);
  tcp.on('close', closeBoth);
  tcp.on('error', closeBoth);
}

function forwardToWebSocket(webSocket: WebSocket, tcp: Socket, chunk: Buffer): void {
  if (webSocket.readyState !== webSocket.OPEN) return;
  webSocket.send(chunk, { binary: true });
  if (webSocket.bufferedAmount > HIGH_WATER_MARK_BYTES) {
    tcp.pause();
    resumeWhenDrained(webSocket, tcp);
  }
}

// ws has no 'drain' event, so poll its queue until it has room again.
function resumeWhenDrained(webSocket: WebSocket, tcp: Socket): void {
  const timer = setInterval(() => {
    if (webSocket.readyState !== webSocket.OPEN) {
      clearInterval(timer);
    } else if (webSocket.bufferedAmount <= HIGH_WATER_MARK_BYTES / 2) {
      clearInterval(timer);
      tcp.resume();
    }
  }, BACKPRESSURE_POLL_MS);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
