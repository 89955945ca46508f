// The chat line across two `ariadne serve` processes on one fresh PostgreSQL database, as a
// deployment behind a load balancer runs it: the visitor's socket lands on one server, the
// operator works on the other, and every message crosses between them through LISTEN/NOTIFY. Then
// the visitor's server is stopped mid-chat (a restart, a deploy): the widget reconnects to the other
// with the last seq it holds and gets exactly what it missed — nothing lost, nothing doubled,
// because each message was stored before it was acknowledged.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorFrame, OperatorServerFrame } from '../../src/chat/events.js';
import { JsonSocket, openVisitor, type VisitorSocket } from '../helpers/chat-client.js';
import { runCli, startServer, type RunningServer } from '../helpers/cli.js';
import { firstSignIn, type ConsoleSession } from '../helpers/console-session.js';
import { createPgDatabase, testSecretsEnv } from '../helpers/test-db.js';

const START_TIMEOUT_MS = 300_000;
const WIDGET_ORIGIN = 'https://help.example.org';
const CONSOLE = 'http://console.example.org';

describe('a chat carried across two servers on one PostgreSQL database', () => {
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const d = mkdtempSync(path.join(tmpdir(), `ariadne-chat2-${name}-`));
    dirs.push(d);
    return d;
  };
  let database: { url: string; drop(): Promise<void> } | undefined;
  const servers: RunningServer[] = [];
  const sockets: { close(): void }[] = [];
  let env: Record<string, string>;
  let operator: ConsoleSession;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await createPgDatabase();
    env = {
      DATABASE_URL: database.url,
      ...testSecretsEnv(),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: CONSOLE,
      CHAT_PUBLIC_ORIGINS: WIDGET_ORIGIN,
    };
    const migrated = await runCli(['migrate'], { ...env, DATA_DIR: tempDir('cli') }, 240_000);
    expect(migrated.code, migrated.stderr).toBe(0);
    const created = await runCli(
      ['users', 'create', '--email', 'chat@example.org', '--role', 'outreach_worker'],
      { ...env, DATA_DIR: tempDir('cli') },
      240_000,
    );
    expect(created.code, created.stderr).toBe(0);
    const oneTime = /One-time password: (\S+)/.exec(created.stdout)?.[1];
    if (!oneTime) throw new Error(`no one-time password in: ${created.stdout}`);
    const started = await Promise.allSettled(
      [0, 1].map((i) =>
        startServer(
          { ...env, DATA_DIR: tempDir(`serve-${i}`), PORT: '0' },
          ['serve'],
          START_TIMEOUT_MS,
        ),
      ),
    );
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;

    const A = servers[0]!.url;
    operator = await firstSignIn(A, 'chat@example.org', oneTime, 'lantern meadow river 83');
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, START_TIMEOUT_MS + 240_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await Promise.all(servers.map((s) => s.stop()));
    await sql?.end().catch(() => undefined);
    await database?.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('delivers both ways between the servers and survives the loss of one', async () => {
    const A = servers[0]!.url;
    const B = servers[1]!.url;
    // The operator's console on A; the visitor's widget on B.
    const events = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
      `${A.replace(/^http/, 'ws')}/api/chat/events`,
      { origin: CONSOLE, cookie: operator.cookieHeader() },
    );
    sockets.push(events);
    await events.take('hello');
    const v: VisitorSocket = await openVisitor(B, WIDGET_ORIGIN);
    sockets.push(v);
    v.send({ type: 'start', language: 'en', triage: { ageGroup: 'under_18' } });
    const welcome = await v.take('welcome');
    expect(welcome.status).toMatchObject({ state: 'queued', position: 1 });
    await events.take('queue');

    const taken = await operator.call<{ id: string }>(A, 'POST', '/api/chat/take', {});
    expect(taken.status).toBe(200);
    const chatId = taken.json.id;
    await v.take('status', (f) => f.status.state === 'active');

    const first = randomUUID();
    v.send({ type: 'message', clientId: first, body: 'is anyone there?' });
    expect(await v.take('ack')).toMatchObject({ clientId: first, seq: 1 });
    expect((await events.take('message')).message).toMatchObject({
      seq: 1,
      body: 'is anyone there?',
    });
    const reply = await operator.call(A, 'POST', `/api/chat/chats/${chatId}/messages`, {
      body: 'Yes. You are safe to talk here.',
    });
    expect(reply.status).toBe(200);
    expect((await v.take('message')).message).toMatchObject({ seq: 2, from: 'operator' });

    // B goes away mid-chat; the operator writes meanwhile (to A).
    await servers[1]!.stop();
    await v.closed;
    for (const body of ['Are you still there?', 'Take your time.']) {
      expect(
        (await operator.call(A, 'POST', `/api/chat/chats/${chatId}/messages`, { body })).status,
      ).toBe(200);
    }
    // The widget reconnects — the balancer sends it to A — with the last seq it holds, and
    // resends the message it wrote while the connection was down.
    const back: VisitorSocket = await openVisitor(A, WIDGET_ORIGIN);
    sockets.push(back);
    back.send({ type: 'resume', token: welcome.token, lastSeq: 2 });
    const resumed = await back.take('welcome');
    expect(resumed.messages.map((m) => [m.seq, m.body])).toEqual([
      [3, 'Are you still there?'],
      [4, 'Take your time.'],
    ]);
    const offline = randomUUID();
    back.send({ type: 'message', clientId: offline, body: 'sorry, my phone died' });
    back.send({ type: 'message', clientId: offline, body: 'sorry, my phone died' });
    const acks = [await back.take('ack'), await back.take('ack')];
    expect(acks.map((a) => a.seq)).toEqual([5, 5]);
    expect((await events.take('message', (f) => f.message.seq === 5)).message.body).toBe(
      'sorry, my phone died',
    );
    const rows = await sql.query<{ seq: number }>(
      'SELECT seq FROM chat_messages WHERE chat_id = $1 ORDER BY seq',
      [chatId],
    );
    expect(rows.rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    // The console heard every message once: the visitor's (taken above) and its own, 2 to 4.
    const rest = events.pending().flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
    expect(rest).toEqual([2, 3, 4]);
  });
});
