// Fan-out between processes through PostgreSQL LISTEN/NOTIFY, knowing nothing of what is sent:
// one dedicated connection per process LISTENs on the channels asked for (and reconnects after a
// drop, telling subscribers so they can catch up on what they may have missed meanwhile), and a
// publish runs `pg_notify` on whatever connection it is given — inside a transaction, PostgreSQL
// sends the notification only when it commits, and never after a rollback.
//
// Embedded mode (PGlite behind src/platform/db/pglite-server.ts): PGlite is ONE session shared by
// every connection of the socket server, so LISTEN holds for all of them, and a notification comes
// back in the output of whichever connection committed it — the publisher's, not the listener's
// (checked: a `pg` client that LISTENs through the socket never receives another client's NOTIFY,
// while the publishing client does). The notifier therefore also takes notifications from every
// connection of this process's pool, which in embedded mode is where they arrive: an in-process
// path that keeps the same publish and listen code for both modes. Only the owning process serves
// the embedded database to long-running roles (`ariadne start`), so every publisher that matters is
// in that process; a CLI process borrowing the socket receives its own notifications itself.
// On PostgreSQL the pool's connections never LISTEN, so they never receive any: no duplicates.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database, DbOrTx } from './connect.js';

/** Largest payload PostgreSQL accepts (8000 bytes); send ids, not data. */
export const NOTIFY_PAYLOAD_MAX = 7999;
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export type NotifyHandler = (payload: string) => void;

export interface Notifier {
  /** Starts receiving a channel's notifications; resolves once LISTEN is in place. */
  listen(channel: string, handler: NotifyHandler): Promise<() => void>;
  /** Notifies a channel through `db`; within a transaction it goes out only if that commits. */
  publish(db: DbOrTx, channel: string, payload: string): Promise<void>;
  /** Called after the listening connection came back from a drop (notifications may be lost). */
  onReconnect(fn: () => void): () => void;
  close(): Promise<void>;
}

export interface NotifierOptions {
  log?: Logger;
  /** First wait before reconnecting; doubles up to maxReconnectMs. */
  reconnectMs?: number;
  maxReconnectMs?: number;
}

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) {
    throw new Error(`"${channel}" is not a notification channel name (a-z, 0-9, _)`);
  }
}

/**
 * Notifies a channel through `db` (what Notifier.publish does): usable where no listener runs, e.g.
 * in a job on a worker; inside a transaction it goes out only if that commits.
 */
export async function notify(db: DbOrTx, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  if (Buffer.byteLength(payload) > NOTIFY_PAYLOAD_MAX) {
    throw new Error(`A notification payload is limited to ${NOTIFY_PAYLOAD_MAX} bytes`);
  }
  await db.execute(sql`SELECT pg_notify(${channel}, ${payload})`);
}

export function createNotifier(
  database: Pick<Database, 'pool' | 'connection' | 'mode'>,
  opts: NotifierOptions = {},
): Notifier {
  const handlers = new Map<string, Set<NotifyHandler>>();
  const reconnectHandlers = new Set<() => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let backoff = opts.reconnectMs ?? 250;
  let retryTimer: NodeJS.Timeout | undefined;

  const dispatch = (msg: pg.Notification): void => {
    const set = handlers.get(msg.channel);
    if (!set) return;
    for (const h of set) {
      try {
        h(msg.payload ?? '');
      } catch (err) {
        opts.log?.error({ err, channel: msg.channel }, 'notification handler failed');
      }
    }
  };

  // Embedded mode: notifications arrive on the connection that committed (see the header).
  const tapped = new WeakSet<pg.PoolClient>();
  const tap = (c: pg.PoolClient): void => {
    if (tapped.has(c)) return;
    tapped.add(c);
    c.on('notification', dispatch);
  };
  if (database.mode === 'embedded') {
    database.pool.on('connect', tap);
    database.pool.on('acquire', tap);
  }

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ ...database.connection, application_name: 'ariadne-notify' });
    c.on('notification', dispatch);
    c.on('error', (err) => {
      opts.log?.warn({ err }, 'notification connection lost');
    });
    c.on('end', () => {
      if (client === c) client = null;
      if (!closed) scheduleReconnect();
    });
    await c.connect();
    for (const channel of handlers.keys()) await c.query(`LISTEN ${channel}`);
    return c;
  };

  const ensure = async (): Promise<pg.Client> => {
    if (client) return client;
    connecting ??= connect()
      .then((c) => {
        client = c;
        backoff = opts.reconnectMs ?? 250;
        return c;
      })
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };

  const scheduleReconnect = (): void => {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      ensure().then(
        () => {
          opts.log?.info('notification connection restored');
          for (const fn of reconnectHandlers) fn();
        },
        (err: unknown) => {
          opts.log?.warn({ err }, 'notification connection failed, retrying');
          backoff = Math.min(backoff * 2, opts.maxReconnectMs ?? 5000);
          scheduleReconnect();
        },
      );
    }, backoff);
    retryTimer.unref();
  };

  return {
    async listen(channel, handler) {
      checkChannel(channel);
      let set = handlers.get(channel);
      const first = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(handler);
      try {
        const c = await ensure();
        // connect() LISTENs on every channel known when it ran; one added later is LISTENed here.
        if (first) await c.query(`LISTEN ${channel}`);
      } catch (err) {
        // Not listening yet: keep trying, and the reconnect LISTENs on every channel known.
        scheduleReconnect();
        throw err;
      }
      return () => {
        set.delete(handler);
      };
    },
    publish: notify,
    onReconnect(fn) {
      reconnectHandlers.add(fn);
      return () => reconnectHandlers.delete(fn);
    },
    async close() {
      closed = true;
      handlers.clear();
      if (retryTimer) clearTimeout(retryTimer);
      if (database.mode === 'embedded') {
        database.pool.off('connect', tap);
        database.pool.off('acquire', tap);
      }
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      if (c) {
        // In embedded mode LISTEN belongs to the one shared session: take it back.
        await c.query('UNLISTEN *').catch(() => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
