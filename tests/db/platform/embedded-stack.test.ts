import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Client, neonConfig, Pool } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { openEmbeddedDatabase } from '../../../scripts/stack/embedded-database';
import { startPostgresWireServer } from '../../../scripts/stack/postgres-wire-server';
import { startWebSocketProxy } from '../../../scripts/stack/websocket-proxy';

// Each stack has its own proxy; the driver picks it by the database port it was asked for.
const proxyPortByDatabasePort = new Map<number, number>();

neonConfig.webSocketConstructor = ws;
neonConfig.wsProxy = (_host, port) => `127.0.0.1:${proxyPortByDatabasePort.get(Number(port))}/v1`;
neonConfig.useSecureWebSocket = false;
neonConfig.pipelineConnect = false;
neonConfig.forceDisablePgSSL = true;

interface Stack {
  db: PGlite;
  serverPort: number;
  proxyPort: number;
  connectionString: string;
  close(): Promise<void>;
}

async function startStack(options: { dataDir?: string; idleInTransactionMs?: number } = {}): Promise<Stack> {
  const embedded = await openEmbeddedDatabase({ dataDir: options.dataDir });
  const { db } = embedded;
  const server = await startPostgresWireServer({ db, port: 0, idleInTransactionMs: options.idleInTransactionMs });
  const proxy = await startWebSocketProxy({ port: 0, upstream: { host: server.host, port: server.port } });
  proxyPortByDatabasePort.set(server.port, proxy.port);
  return {
    db,
    serverPort: server.port,
    proxyPort: proxy.port,
    connectionString: `postgres://postgres:postgres@127.0.0.1:${server.port}/postgres`,
    close: async () => {
      await proxy.close();
      await server.close();
      await embedded.close();
    },
  };
}

async function connectClient(stack: Stack): Promise<Client> {
  const client = new Client({ connectionString: stack.connectionString });
  // A server-initiated termination arrives as an 'error' event; the tests inspect it themselves.
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function labels(pool: Pool, table: string): Promise<string[]> {
  const result = await pool.query<{ label: string }>(`select label from ${table} order by label`);
  return result.rows.map((row) => row.label);
}

// A bare TCP Postgres client, for what the driver never does: vanish or send garbage.
function rawStartupPacket(): Buffer {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + params.length, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, params]);
}

function rawMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function rawQuery(sql: string): Buffer {
  return rawMessage('Q', Buffer.from(`${sql}\0`));
}

async function openRawConnection(port: number): Promise<{ socket: Socket; received: () => Buffer }> {
  const socket = connect({ host: '127.0.0.1', port });
  let received = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, received: () => received };
}

const BIND_COMPLETE = Buffer.from([0x32, 0, 0, 0, 4]);

function readyForQuery(status: 'I' | 'T'): Buffer {
  return Buffer.concat([Buffer.from('Z'), Buffer.from([0, 0, 0, 5]), Buffer.from(status)]);
}

async function untilReceivedEndsWith(received: () => Buffer, expected: Buffer): Promise<void> {
  while (!received().subarray(-expected.length).equals(expected)) await sleep(5);
}

async function openStartedRawConnection(port: number): Promise<{ socket: Socket; received: () => Buffer }> {
  const raw = await openRawConnection(port);
  raw.socket.write(rawStartupPacket());
  await untilReceivedEndsWith(raw.received, readyForQuery('I'));
  return raw;
}

// Parse + Bind into the unnamed statement and portal, then Flush: the round stays open until Sync.
function rawParseBindFlush(sql: string): Buffer {
  return Buffer.concat([
    rawMessage('P', Buffer.concat([Buffer.from(`\0${sql}\0`), Buffer.from([0, 0])])),
    rawMessage('B', Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])),
    rawMessage('H', Buffer.alloc(0)),
  ]);
}

function rawExecuteSync(): Buffer {
  return Buffer.concat([rawMessage('E', Buffer.from([0, 0, 0, 0, 0])), rawMessage('S', Buffer.alloc(0))]);
}

describe('embedded database behind the wire server and WebSocket proxy', () => {
  let stack: Stack;
  let pool: Pool;

  beforeAll(async () => {
    stack = await startStack();
    pool = new Pool({ connectionString: stack.connectionString });
    await pool.query('create table items (label text not null)');
  }, 30_000);

  afterAll(async () => {
    await pool?.end();
    await stack?.close();
  });

  it('round-trips a parameterised query', async () => {
    const result = await pool.query('select $1::text as greeting, $2::int + 1 as answer', ['hello', 41]);
    expect(result.rows).toEqual([{ greeting: 'hello', answer: 42 }]);
  });

  it('computes pgvector distances', async () => {
    const result = await pool.query(`select '[1,2,3]'::vector(3) <-> '[1,2,4]'::vector(3) as distance`);
    expect(result.rows[0].distance).toBe(1);
  });

  it('gives each of 20 concurrent connections the results of its own interleaved parameterised queries', async () => {
    const clients = await Promise.all(Array.from({ length: 20 }, () => connectClient(stack)));
    try {
      const mismatches = await Promise.all(
        clients.map(async (client, clientIndex) => {
          const wrong: string[] = [];
          for (let round = 0; round < 50; round += 1) {
            const n = clientIndex * 1000 + round;
            // Distinct statement text per client, so a clobbered unnamed statement shows up too.
            const result = await client.query(`select $1::int as n, ${clientIndex} as client`, [n]);
            const row = result.rows[0];
            if (row?.n !== n || row?.client !== clientIndex)
              wrong.push(`client ${clientIndex} sent ${n}, got ${JSON.stringify(row)}`);
          }
          return wrong;
        }),
      );
      expect(mismatches.flat()).toEqual([]);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }, 30_000);

  it('keeps an extended-query round split across writes exclusive until its Sync', async () => {
    const raw = await openStartedRawConnection(stack.serverPort);
    try {
      raw.socket.write(rawParseBindFlush(`select 'from the raw connection' as source`));
      await untilReceivedEndsWith(raw.received, BIND_COMPLETE);

      let driverFinished = false;
      const driverQuery = pool.query(`select 'from the driver' as source`).then((result) => {
        driverFinished = true;
        return result;
      });
      await sleep(200);
      expect(driverFinished).toBe(false);

      raw.socket.write(rawExecuteSync());
      await untilReceivedEndsWith(raw.received, readyForQuery('I'));
      expect(raw.received().toString('latin1')).toContain('from the raw connection');
      expect((await driverQuery).rows).toEqual([{ source: 'from the driver' }]);
    } finally {
      raw.socket.destroy();
    }
  });

  it('serialises concurrent transactions so another connection never writes inside them', async () => {
    await pool.query('create table serialised (label text not null)');
    const [clientA, clientB] = await Promise.all([connectClient(stack), connectClient(stack)]);
    try {
      await clientA.query('begin');
      await clientA.query(`insert into serialised values ($1)`, ['a']);
      const insertB = clientB.query(`insert into serialised values ($1)`, ['b']);
      await sleep(200);
      await clientA.query('rollback');
      await insertB;
      expect(await labels(pool, 'serialised')).toEqual(['b']);
    } finally {
      await Promise.all([clientA.end(), clientB.end()]);
    }
  });

  it('makes a connection wait while another holds an open transaction', async () => {
    const [clientA, clientB] = await Promise.all([connectClient(stack), connectClient(stack)]);
    try {
      await clientA.query('begin');
      let bFinished = false;
      const queryB = clientB.query('select 1').then(() => (bFinished = true));
      await sleep(200);
      expect(bFinished).toBe(false);
      await clientA.query('commit');
      await queryB;
      expect(bFinished).toBe(true);
    } finally {
      await Promise.all([clientA.end(), clientB.end()]);
    }
  });

  it('rolls back the transaction of a driver client that ends mid-transaction and lets others continue', async () => {
    await pool.query('create table ended (label text not null)');
    const leaver = await connectClient(stack);
    await leaver.query('begin');
    await leaver.query(`insert into ended values ($1)`, ['left behind']);
    await leaver.end();

    await pool.query(`insert into ended values ($1)`, ['after']);
    expect(await labels(pool, 'ended')).toEqual(['after']);
  });

  it('rolls back the transaction of a connection that vanishes without Terminate and lets others continue', async () => {
    await pool.query('create table vanished (label text not null)');
    const raw = await openStartedRawConnection(stack.serverPort);
    raw.socket.write(rawQuery(`begin; insert into vanished values ('orphan')`));
    await untilReceivedEndsWith(raw.received, readyForQuery('T'));
    raw.socket.destroy();

    await pool.query(`insert into vanished values ($1)`, ['survivor']);
    expect(await labels(pool, 'vanished')).toEqual(['survivor']);
  });

  it('closes a connection that sends an unknown message type instead of handing it to PGlite', async () => {
    const raw = await openStartedRawConnection(stack.serverPort);
    const closed = new Promise<void>((resolve) => raw.socket.once('close', () => resolve()));
    raw.socket.write(rawMessage('y', Buffer.from('zz')));
    await closed;

    expect(raw.received().toString('latin1')).toContain('C08P01');
    const result = await pool.query('select $1::int as still_alive', [1]);
    expect(result.rows).toEqual([{ still_alive: 1 }]);
  });

  it('ignores the address parameter and always dials its fixed upstream', async () => {
    const client = new Client({ connectionString: stack.connectionString });
    client.neonConfig.wsProxy = () => `127.0.0.1:${stack.proxyPort}/v1?address=198.51.100.1:5432`;
    await client.connect();
    try {
      const result = await client.query('select 7 as seven');
      expect(result.rows).toEqual([{ seven: 7 }]);
    } finally {
      await client.end();
    }
  });

  it('answers a plain HTTP GET with a description of the proxy', async () => {
    const response = await fetch(`http://127.0.0.1:${stack.proxyPort}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('avenir websocket-to-postgres proxy');
  });

  it('explains which env var to change when the database port is taken', async () => {
    await expect(startPostgresWireServer({ db: stack.db, port: stack.serverPort })).rejects.toThrow(
      `port ${stack.serverPort} on 127.0.0.1 is already in use (set AVENIR_PG_PORT to another port)`,
    );
    await expect(
      startPostgresWireServer({ db: stack.db, port: stack.serverPort, portEnvName: 'TEST_PG_PORT' }),
    ).rejects.toThrow(`port ${stack.serverPort} on 127.0.0.1 is already in use (set TEST_PG_PORT to another port)`);
  });

  it('explains which env var to change when the proxy port is taken', async () => {
    const upstream = { host: '127.0.0.1', port: stack.serverPort };
    await expect(startWebSocketProxy({ port: stack.proxyPort, upstream })).rejects.toThrow(
      `port ${stack.proxyPort} on 127.0.0.1 is already in use (set AVENIR_WS_PORT to another port)`,
    );
  });
});

describe('idle-in-transaction timeout', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ idleInTransactionMs: 300 });
    const setup = await connectClient(stack);
    await setup.query('create table idle (label text not null)');
    await setup.end();
  }, 30_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('terminates a connection idling in a transaction, rolls it back and frees the session', async () => {
    const [idler, waiter] = await Promise.all([connectClient(stack), connectClient(stack)]);
    const idlerError = new Promise<Error & { code?: string }>((resolve) => idler.on('error', resolve));
    await idler.query('begin');
    await idler.query(`insert into idle values ($1)`, ['stuck']);

    const startedAt = Date.now();
    const result = await waiter.query<{ label: string }>('select label from idle');
    const waitedMs = Date.now() - startedAt;

    expect(result.rows).toEqual([]);
    expect(waitedMs).toBeGreaterThanOrEqual(200);
    const error = await idlerError;
    expect(error.code).toBe('25P03');
    expect(error.message).toBe('terminating connection due to idle-in-transaction timeout');
    await waiter.end();
  }, 10_000);
});

describe('persistence', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'avenir-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps data written through the driver after the database is closed and reopened', async () => {
    const first = await startStack({ dataDir });
    const writer = await connectClient(first);
    await writer.query('create table kept (label text not null)');
    await writer.query(`insert into kept values ($1)`, ['durable']);
    await writer.end();
    await first.close();

    const reopened = await openEmbeddedDatabase({ dataDir });
    try {
      const result = await reopened.db.query<{ label: string }>('select label from kept');
      expect(result.rows).toEqual([{ label: 'durable' }]);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
