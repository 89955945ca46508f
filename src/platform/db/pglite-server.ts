// Serves an embedded PGlite database over the PostgreSQL wire protocol on a Unix socket, so that
// the whole code base (and every `ariadne` CLI process) uses the one `pg` driver in both modes.
//
// PGlite is a single session. pglite-socket's own multiplexer forwards each wire message on its own,
// which lets two clients' extended-protocol sequences (Parse/Bind/Execute…Sync) interleave and
// overwrite each other's unnamed statement. This server instead forwards whole batches — up to a
// Sync or a simple Query — and keeps the session for one client while that client is inside a
// transaction (ReadyForQuery status T or E), so every client sees ordinary PostgreSQL semantics.
//
// The socket lives in the data directory (mode 0700): PGlite has no authentication, and a Unix
// socket keeps other local users out where a TCP port would not.
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

export interface PgliteServerOptions {
  db: PGlite;
  /** Directory that will hold the socket file `.s.PGSQL.<port>` (pg's Unix-socket convention). */
  socketDir: string;
  /** Port number used only to name the socket file. */
  port?: number;
  /** A client that holds a transaction and stays silent this long is rolled back and dropped. */
  transactionIdleMs?: number;
  onError?: (err: unknown) => void;
}

export interface PgliteServer {
  socketDir: string;
  port: number;
  stop(): Promise<void>;
  stats(): { connections: number; waiting: number };
}

/** A mutex that one connection can hold across several batches (for a whole transaction). */
class SessionLock {
  private owner: number | null = null;
  private waiters: { id: number; resolve: () => void }[] = [];

  async acquire(id: number): Promise<void> {
    if (this.owner === id) return;
    if (this.owner === null) {
      this.owner = id;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push({ id, resolve }));
  }

  release(id: number): void {
    if (this.owner !== id) return;
    const next = this.waiters.shift();
    this.owner = next ? next.id : null;
    next?.resolve();
  }

  drop(id: number): void {
    this.waiters = this.waiters.filter((w) => w.id !== id);
  }

  get waiting(): number {
    return this.waiters.length;
  }
}

/** Status byte of the last ReadyForQuery ('Z') message in a backend response, if any. */
export function lastReadyStatus(data: Uint8Array): string | null {
  let status: string | null = null;
  let offset = 0;
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  while (offset + 5 <= view.length) {
    const type = view[offset];
    const length = view.readInt32BE(offset + 1);
    if (length < 4) break;
    if (type === 0x5a && length === 5 && offset + 6 <= view.length) {
      status = String.fromCharCode(view[offset + 5]!);
    }
    offset += 1 + length;
  }
  return status;
}

export async function startPgliteServer(options: PgliteServerOptions): Promise<PgliteServer> {
  const { db } = options;
  const port = options.port ?? 5432;
  const idleMs = options.transactionIdleMs ?? 60_000;
  mkdirSync(options.socketDir, { recursive: true, mode: 0o700 });
  chmodSync(options.socketDir, 0o700);
  const socketPath = path.join(options.socketDir, `.s.PGSQL.${port}`);
  rmSync(socketPath, { force: true });

  const lock = new SessionLock();
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const handle = (socket: net.Socket): void => {
    const id = nextId++;
    sockets.add(socket);
    let buffer: Buffer = Buffer.alloc(0);
    let started = false;
    let holding = false; // holds the session across batches (open transaction or unsynced extended query)
    let batch: Buffer[] = [];
    let chain = Promise.resolve();
    let idleTimer: NodeJS.Timeout | undefined;
    let closed = false;

    const run = async (message: Buffer, endsSequence: boolean): Promise<void> => {
      await lock.acquire(id);
      if (idleTimer) clearTimeout(idleTimer);
      if (closed) {
        await releaseAfterClose();
        return;
      }
      const out = await db.execProtocolRaw(new Uint8Array(message), { syncToFs: true });
      if (!socket.destroyed && out.length > 0) socket.write(out);
      const status = lastReadyStatus(out);
      holding = !endsSequence || status === 'T' || status === 'E' || (status === null && holding);
      if (holding) {
        idleTimer = setTimeout(() => {
          socket.destroy(new Error('transaction idle timeout'));
        }, idleMs);
        idleTimer.unref();
      } else {
        lock.release(id);
      }
    };

    const releaseAfterClose = async (): Promise<void> => {
      // A client that vanished inside a transaction must not leave it open for everyone else.
      if (db.isInTransaction()) {
        await db.exec('ROLLBACK').catch(() => undefined);
      }
      holding = false;
      lock.release(id);
    };

    const enqueue = (fn: () => Promise<void>): void => {
      chain = chain.then(fn).catch((err: unknown) => {
        options.onError?.(err);
        socket.destroy();
      });
    };

    const consume = (): void => {
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          if (code !== PROTOCOL_3) {
            socket.destroy();
            return;
          }
          started = true;
          const startup = Buffer.from(message);
          enqueue(() => run(startup, true));
          continue;
        }
        if (buffer.length < 5) return;
        const type = buffer[0];
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) return;
        const message = Buffer.from(buffer.subarray(0, 1 + length));
        buffer = buffer.subarray(1 + length);
        if (type === 0x58 /* X: Terminate */) {
          socket.end();
          return;
        }
        batch.push(message);
        // S: Sync, Q: simple Query end a sequence; H: Flush asks for output but keeps the session.
        if (type === 0x53 || type === 0x51 || type === 0x48) {
          const whole = Buffer.concat(batch);
          batch = [];
          enqueue(() => run(whole, type !== 0x48));
        }
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      consume();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      sockets.delete(socket);
      lock.drop(id);
      if (idleTimer) clearTimeout(idleTimer);
      chain = chain.then(async () => {
        if (holding) await releaseAfterClose();
      });
    });
  };

  const server = net.createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);

  return {
    socketDir: options.socketDir,
    port,
    stats: () => ({ connections: sockets.size, waiting: lock.waiting }),
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketPath, { force: true });
    },
  };
}
