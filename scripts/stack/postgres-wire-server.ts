import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

// A Postgres wire-protocol server in front of one PGlite instance.
//
// PGlite is a single backend session, so client connections take turns holding
// an exclusive session lock. A connection keeps the lock from its first message
// until the backend's last response is ReadyForQuery with status 'I' and it has
// nothing more buffered: a whole extended-query round (Parse..Sync) and a whole
// transaction therefore run without another connection's messages in between.
//
// Because every connection shares that one session, session-level state
// (SET without LOCAL, prepared statements with names, temp tables) leaks from
// one connection to the next. The app only uses transaction-scoped settings.

export interface PostgresWireServerOptions {
  db: PGlite;
  host?: string;
  port: number;
  /** How long a connection may hold the session idle inside a transaction. */
  idleInTransactionMs?: number;
  /** Named in the "port already in use" error so the operator knows what to change. */
  portEnvName?: string;
}

export interface RunningServer {
  host: string;
  port: number;
  close(): Promise<void>;
}

const PROTOCOL_VERSION_3 = 196608;
const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const MAX_STARTUP_PACKET_LENGTH = 10_000;
const DEFAULT_IDLE_IN_TRANSACTION_MS = 30_000;

// PGlite does not survive message types it does not know: its main loop spins
// forever (synchronously, blocking Node) after the FATAL. Only these reach it.
const FORWARDED_MESSAGE_TYPES = new Set('QPBEDCSHFdcf');
const TERMINATE = 'X';
// The client may pipeline a password it was never asked for; PGlite trusts everyone.
const PASSWORD = 'p';

export async function startPostgresWireServer(options: PostgresWireServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const session: SessionContext = {
    db: options.db,
    lock: new SessionLock(),
    idleInTransactionMs: options.idleInTransactionMs ?? DEFAULT_IDLE_IN_TRANSACTION_MS,
  };
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    new WireConnection(socket, session);
  });
  const port = await listenWithClearPortError(server, host, options.port, options.portEnvName ?? 'AVENIR_PG_PORT');
  return {
    host,
    port,
    close: async () => {
      await closeServer(server, sockets);
      await session.lock.whenFree();
    },
  };
}

/** Listens and resolves the real port (port 0 picks a free one). */
export function listenWithClearPortError(
  server: Server,
  host: string,
  port: number,
  portEnvName: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`port ${port} on ${host} is already in use (set ${portEnvName} to another port)`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface SessionContext {
  db: PGlite;
  lock: SessionLock;
  idleInTransactionMs: number;
}

/** Exclusive ownership of the PGlite session, handed to waiters first come, first served. */
class SessionLock {
  private holder: object | null = null;
  private readonly waiting: Array<{ owner: object; settle: (granted: boolean) => void }> = [];

  isHeldBy(owner: object): boolean {
    return this.holder === owner;
  }

  /** Resolves true once `owner` holds the lock, false if it withdrew while waiting. */
  acquire(owner: object): Promise<boolean> {
    if (this.holder === null) {
      this.holder = owner;
      return Promise.resolve(true);
    }
    return new Promise((settle) => this.waiting.push({ owner, settle }));
  }

  release(owner: object): void {
    if (this.holder !== owner) return;
    const next = this.waiting.shift();
    this.holder = next?.owner ?? null;
    next?.settle(true);
  }

  /** Resolves once every current holder and waiter is done, e.g. after rolling back closed connections. */
  async whenFree(): Promise<void> {
    const sentinel = {};
    await this.acquire(sentinel);
    this.release(sentinel);
  }

  withdraw(owner: object): void {
    const index = this.waiting.findIndex((waiter) => waiter.owner === owner);
    if (index >= 0) this.waiting.splice(index, 1)[0]?.settle(false);
  }
}

type FrontendEvent =
  | { kind: 'ssl-request' }
  | { kind: 'cancel-request' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'message'; type: string; bytes: Buffer }
  | { kind: 'protocol-violation'; reason: string };

/** Splits the client byte stream into protocol messages, buffering partial ones. */
class FrontendFramer {
  private buffered: Buffer = Buffer.alloc(0);
  private startupDone = false;

  push(chunk: Buffer): FrontendEvent[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const events: FrontendEvent[] = [];
    for (let event = this.next(); event; event = this.next()) {
      events.push(event);
      if (event.kind === 'protocol-violation' || event.kind === 'cancel-request') break;
    }
    return events;
  }

  private next(): FrontendEvent | null {
    return this.startupDone ? this.nextMessage() : this.nextStartupPacket();
  }

  // Packets before the startup message have no type byte: int32 length, int32 code.
  private nextStartupPacket(): FrontendEvent | null {
    if (this.buffered.length < 8) return null;
    const length = this.buffered.readInt32BE(0);
    if (length < 8 || length > MAX_STARTUP_PACKET_LENGTH) {
      return { kind: 'protocol-violation', reason: 'invalid length of startup packet' };
    }
    if (this.buffered.length < length) return null;
    const code = this.buffered.readInt32BE(4);
    const bytes = this.take(length);
    if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) return { kind: 'ssl-request' };
    if (code === CANCEL_REQUEST_CODE) return { kind: 'cancel-request' };
    if (code !== PROTOCOL_VERSION_3) {
      return { kind: 'protocol-violation', reason: `unsupported frontend protocol ${code >> 16}.${code & 0xffff}` };
    }
    this.startupDone = true;
    return { kind: 'startup', bytes };
  }

  // Regular messages: type byte, int32 length (counting itself), body.
  private nextMessage(): FrontendEvent | null {
    if (this.buffered.length < 5) return null;
    const length = this.buffered.readInt32BE(1);
    if (length < 4) return { kind: 'protocol-violation', reason: 'invalid message length' };
    if (this.buffered.length < 1 + length) return null;
    const bytes = this.take(1 + length);
    return { kind: 'message', type: String.fromCharCode(bytes[0] ?? 0), bytes };
  }

  private take(length: number): Buffer {
    const bytes = this.buffered.subarray(0, length);
    this.buffered = this.buffered.subarray(length);
    return bytes;
  }
}

/**
 * Follows the backend's response stream (which arrives in arbitrary chunks) just
 * far enough to know whether the last complete message was ReadyForQuery 'I'.
 */
class BackendResponseTracker {
  private readonly header = Buffer.alloc(5);
  private headerFilled = 0;
  private bodyRemaining = 0;
  private lastMessageType = 0;
  private readyForQueryStatus = 0;

  observe(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.headerFilled < 5) {
        const copied = Math.min(5 - this.headerFilled, chunk.length - offset);
        this.header.set(chunk.subarray(offset, offset + copied), this.headerFilled);
        this.headerFilled += copied;
        offset += copied;
        if (this.headerFilled === 5) this.startMessage();
        continue;
      }
      const consumed = Math.min(this.bodyRemaining, chunk.length - offset);
      if (this.isReadyForQuery() && consumed > 0) this.readyForQueryStatus = chunk[offset] ?? 0;
      this.bodyRemaining -= consumed;
      offset += consumed;
      if (this.bodyRemaining === 0) this.headerFilled = 0;
    }
  }

  /** The session is idle: no transaction and no unfinished extended-query round. */
  endsIdle(): boolean {
    return this.headerFilled === 0 && this.isReadyForQuery() && this.readyForQueryStatus === 'I'.charCodeAt(0);
  }

  private startMessage(): void {
    this.lastMessageType = this.header[0] ?? 0;
    this.readyForQueryStatus = 0;
    this.bodyRemaining = this.header.readInt32BE(1) - 4;
    if (this.bodyRemaining <= 0) this.headerFilled = 0;
  }

  private isReadyForQuery(): boolean {
    return this.lastMessageType === 'Z'.charCodeAt(0);
  }
}

type PendingWork = { kind: 'startup'; bytes: Buffer } | { kind: 'messages'; bytes: Buffer[] } | { kind: 'terminate' };

/** One client connection: frames its messages and runs them on PGlite while holding the session lock. */
class WireConnection {
  private readonly framer = new FrontendFramer();
  private readonly responses = new BackendResponseTracker();
  private readonly pending: PendingWork[] = [];
  private pumping = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly session: SessionContext,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => this.markClosed());
    socket.on('close', () => this.markClosed());
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    for (const event of this.framer.push(chunk)) this.accept(event);
    void this.pump();
  }

  private accept(event: FrontendEvent): void {
    switch (event.kind) {
      case 'ssl-request':
        this.socket.write('N');
        return;
      case 'cancel-request':
        this.socket.destroy();
        return;
      case 'protocol-violation':
        this.failAndClose('08P01', event.reason);
        return;
      case 'startup':
        this.pending.push({ kind: 'startup', bytes: event.bytes });
        return;
      case 'message':
        this.acceptMessage(event.type, event.bytes);
    }
  }

  private acceptMessage(type: string, bytes: Buffer): void {
    if (type === PASSWORD) return;
    if (type === TERMINATE) {
      this.pending.push({ kind: 'terminate' });
      return;
    }
    if (!FORWARDED_MESSAGE_TYPES.has(type)) {
      this.failAndClose('08P01', `invalid frontend message type ${type.charCodeAt(0)}`);
      return;
    }
    const last = this.pending.at(-1);
    if (last?.kind === 'messages') last.bytes.push(bytes);
    else this.pending.push({ kind: 'messages', bytes: [bytes] });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.closed && this.pending.length > 0) {
        if (!this.session.lock.isHeldBy(this) && !(await this.session.lock.acquire(this))) return;
        this.stopIdleTimer();
        const work = this.pending.shift();
        if (work?.kind === 'terminate') {
          this.socket.end();
          this.markClosed();
        } else if (work) {
          await this.runOnBackend(work.kind === 'startup' ? work.bytes : Buffer.concat(work.bytes));
        }
      }
    } catch (error) {
      this.failAndClose('XX000', `embedded database failed: ${String(error)}`);
    } finally {
      this.pumping = false;
      void this.settleLock();
    }
  }

  // PGlite answers a repeated startup message like the first: AuthenticationOk,
  // ParameterStatus of the current session, BackendKeyData, ReadyForQuery.
  private async runOnBackend(bytes: Buffer): Promise<void> {
    await this.session.db.runExclusive(() =>
      // Always the streaming variant: PGlite keeps the last onRawData callback, so a
      // later plain execProtocolRaw would write into a previous connection's socket.
      this.session.db.execProtocolRawStream(new Uint8Array(bytes), {
        onRawData: (data) => {
          this.responses.observe(data);
          // `data` is a view into WASM memory that PGlite reuses; Buffer.from copies it.
          if (!this.socket.destroyed) this.socket.write(Buffer.from(data));
        },
      }),
    );
  }

  /** Called whenever no work is running: hand the session on, or guard it with the idle timer. */
  private async settleLock(): Promise<void> {
    const lock = this.session.lock;
    if (!lock.isHeldBy(this)) return;
    if (this.closed) {
      if (!this.responses.endsIdle()) await this.rollBackAbandonedSession();
      lock.release(this);
    } else if (this.pending.length > 0) {
      void this.pump();
    } else if (this.responses.endsIdle()) {
      lock.release(this);
    } else {
      this.startIdleTimer();
    }
  }

  private async rollBackAbandonedSession(): Promise<void> {
    try {
      await this.session.db.runExclusive(() =>
        this.session.db.execProtocolRawStream(new Uint8Array(ABANDONED_SESSION_CLEANUP), { onRawData: () => {} }),
      );
    } catch {
      // Nothing more to do for a client that is gone; the next client gets the session as it is.
    }
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.failAndClose('25P03', 'terminating connection due to idle-in-transaction timeout');
    }, this.session.idleInTransactionMs);
  }

  private stopIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private failAndClose(sqlState: string, message: string): void {
    if (!this.socket.destroyed) this.socket.end(fatalErrorResponse(sqlState, message));
    this.markClosed();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.length = 0;
    this.stopIdleTimer();
    this.session.lock.withdraw(this);
    if (!this.pumping) void this.settleLock();
  }
}

function frontendMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function simpleQuery(sql: string): Buffer {
  return frontendMessage('Q', Buffer.from(`${sql}\0`));
}

// The departed client may have left the backend in any state: inside a
// transaction, in a failed extended-query round where everything up to Sync is
// ignored, or mid-round in an implicit transaction. The first ROLLBACK ends an
// open transaction (explicit or implicit), Sync ends an ignore-till-Sync round,
// and the second ROLLBACK ends the transaction that round was part of.
const ABANDONED_SESSION_CLEANUP = Buffer.concat([
  simpleQuery('ROLLBACK'),
  frontendMessage('S', Buffer.alloc(0)),
  simpleQuery('ROLLBACK'),
]);

function fatalErrorResponse(sqlState: string, message: string): Buffer {
  const fields = [`SFATAL`, `VFATAL`, `C${sqlState}`, `M${message}`].map((field) => `${field}\0`).join('');
  return Buffer.concat([
    Buffer.from('E', 'latin1'),
    int32(4 + Buffer.byteLength(fields) + 1),
    Buffer.from(fields),
    Buffer.from([0]),
  ]);
}

function int32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
}
