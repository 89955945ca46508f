// The session core against a socket the test drives frame by frame, on timers the test moves:
// the states, the outbox and its resend after a reconnect, the merge by seq (nothing lost, nothing
// twice), backoff with jitter, the heartbeat, resume and continue, typing, read marks, quick exit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VisitorFrame,
  parseFrame,
  type ChatMessage,
  type ChatState,
  type ServerFrame,
} from '../../../src/contracts/chat-protocol';
import {
  BACKOFF,
  ChatSession,
  ENDED_LINGER_MS,
  HEARTBEAT,
  backoffDelay,
  normaliseCode,
  type SocketEvents,
} from './session';

const TOKEN = 'tok-0123456789abcdefghij';
const AT = '2026-12-06T18:00:00.000Z';

/** Timers that fire only when the test moves time. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    set: (fn: () => void, ms: number) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h: unknown) => {
      pending.delete(h as number);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
    count: () => pending.size,
  };
}

/** One connection the session made: what it sent, and the server's side to play. */
interface Conn {
  sent: VisitorFrame[];
  closed: boolean;
  open(): void;
  receive(frame: ServerFrame): void;
  receiveText(text: string): void;
  drop(): void;
}

function setup(random = () => 0.5) {
  const timers = manualTimers();
  const conns: Conn[] = [];
  let ids = 0;
  /** What navigator.onLine says. */
  const network = { online: true };
  const session = new ChatSession({
    timers,
    random,
    online: () => network.online,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    connect: (events: SocketEvents) => {
      const conn: Conn = {
        sent: [],
        closed: false,
        open: () => events.open(),
        receive: (f) => events.message(JSON.stringify(f)),
        receiveText: (t) => events.message(t),
        drop: () => {
          conn.closed = true;
          events.close();
        },
      };
      conns.push(conn);
      return {
        send: (text) => {
          if (conn.closed) throw new Error('send on a closed socket');
          const f = parseFrame(VisitorFrame, text);
          if (!f) throw new Error(`the widget sent an invalid frame: ${text}`);
          conn.sent.push(f);
        },
        close: () => {
          conn.closed = true;
        },
      };
    },
  });
  const last = () => {
    const c = conns.at(-1);
    if (!c) throw new Error('no connection made');
    return c;
  };
  return { session, timers, conns, last, network };
}

const queued = (position = 3, waitMinutes?: number): ChatState => ({
  state: 'queued',
  open: true,
  position,
  ...(waitMinutes !== undefined ? { waitMinutes } : {}),
});
const active: ChatState = { state: 'active', open: true, operatorName: 'Sam' };
const msg = (seq: number, from: ChatMessage['from'], body: string, clientId?: string) => ({
  seq,
  from,
  body,
  at: AT,
  ...(clientId ? { clientId } : {}),
});
const bodies = (s: ChatSession) => s.view().messages.map((m) => `${m.body}${m.pending ? '…' : ''}`);

/** A session welcomed into a queued chat. */
function started() {
  const t = setup();
  t.session.chooseLanguage('nl');
  t.session.start({});
  t.last().open();
  t.last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued() });
  return t;
}

describe('ChatSession: opening a chat', () => {
  it('goes from language to first questions to connecting to queued, sending only the answers given', () => {
    const { session, last } = setup();
    expect(session.view().phase).toBe('language');
    session.start({}); // not before a language is chosen
    expect(session.view().phase).toBe('language');
    session.chooseLanguage('en');
    expect(session.view()).toMatchObject({ phase: 'questions', language: 'en' });
    session.start({ safeNow: 'no', ageGroup: undefined, topic: 'online' });
    expect(session.view()).toMatchObject({ phase: 'connecting', connection: 'connecting' });
    last().open();
    expect(last().sent).toEqual([
      {
        type: 'start',
        language: 'en',
        triage: { safeNow: 'no', topic: 'online' },
        startId: '00000000-0000-4000-8000-000000000001',
      },
    ]);
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued(2, 7) });
    expect(session.view()).toMatchObject({
      phase: 'queued',
      connection: 'online',
      status: { position: 2, waitMinutes: 7, open: true },
    });
    last().receive({ type: 'status', status: active });
    expect(session.view()).toMatchObject({
      phase: 'active',
      status: { operatorName: 'Sam' },
    });
  });

  it('sends no triage at all when every question was left as "rather not say"', () => {
    const { session, last } = setup();
    session.chooseLanguage('nl');
    session.start({ safeNow: undefined });
    last().open();
    expect(last().sent).toEqual([
      { type: 'start', language: 'nl', startId: '00000000-0000-4000-8000-000000000001' },
    ]);
  });

  it('continues with a code the person typed in any case and spacing, and goes back on an unknown one', () => {
    const { session, last, conns } = setup();
    expect(session.continueWith('KX4M-7PQ2', 'nl')).toBe(false);
    expect(conns).toHaveLength(0);
    expect(session.continueWith(' kx4m 7pq2 rt9w ', 'nl')).toBe(true);
    last().open();
    expect(last().sent).toEqual([{ type: 'continue', code: 'KX4M-7PQ2-RT9W', language: 'nl' }]);
    last().receive({ type: 'error', code: 'unknown_chat' });
    expect(session.view()).toMatchObject({
      phase: 'language',
      notice: 'unknown_code',
      connection: 'idle',
    });
    expect(last().closed).toBe(true);
  });

  it('shows the whole earlier chat after continuing with a code', () => {
    const { session, last } = setup();
    session.continueWith('KX4M7PQ2RT9W', 'en');
    last().open();
    last().receive({
      type: 'welcome',
      token: TOKEN,
      messages: [
        msg(1, 'visitor', 'hi', '00000000-0000-4000-8000-00000000aaaa'),
        msg(2, 'operator', 'hello'),
      ],
      status: active,
    });
    expect(session.view().phase).toBe('active');
    expect(bodies(session)).toEqual(['hi', 'hello']);
    expect(session.lastSeq()).toBe(2);
  });

  it('normalises codes and refuses what cannot be one', () => {
    expect(normaliseCode('ab12cd34ef56')).toBe('AB12-CD34-EF56');
    expect(normaliseCode('AB12-CD34-EF5')).toBeUndefined();
    expect(normaliseCode('AB12-CD34-EF567')).toBeUndefined();
  });
});

describe('ChatSession: messages', () => {
  it('keeps a message pending until acknowledged, then shows it at its seq', () => {
    const { session, last } = started();
    expect(session.send('hello')).toBe(true);
    expect(last().sent.at(-1)).toEqual({
      type: 'message',
      clientId: '00000000-0000-4000-8000-000000000002',
      body: 'hello',
    });
    expect(session.view().messages).toMatchObject([{ body: 'hello', pending: true }]);
    last().receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000002',
      seq: 1,
      at: AT,
    });
    expect(session.view().messages).toMatchObject([{ body: 'hello', pending: false, seq: 1 }]);
    expect(session.lastSeq()).toBe(1);
  });

  it('holds a message written while connecting until the welcome', () => {
    const { session, last } = setup();
    session.chooseLanguage('en');
    session.start({});
    expect(session.send('early')).toBe(true);
    last().open();
    expect(last().sent.map((f) => f.type)).toEqual(['start']);
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued() });
    expect(last().sent.at(-1)).toMatchObject({ type: 'message', body: 'early' });
  });

  it('refuses empty and too long messages, and any before the chat is started', () => {
    const fresh = setup();
    fresh.session.chooseLanguage('en');
    expect(fresh.session.send('too early')).toBe(false);
    const { session } = started();
    expect(session.send('   ')).toBe(false);
    expect(session.send('x'.repeat(4001))).toBe(false);
    expect(session.view().notice).toBe('too_long');
    expect(session.view().messages).toHaveLength(0);
    expect(session.send('x'.repeat(4000))).toBe(true);
  });

  it('merges by seq: the same message twice, or out of order, shows once and in order', () => {
    const { session, last } = started();
    last().receive({ type: 'message', message: msg(2, 'operator', 'second') });
    last().receive({ type: 'message', message: msg(1, 'system', 'first') });
    last().receive({ type: 'message', message: msg(2, 'operator', 'second') });
    expect(bodies(session)).toEqual(['first', 'second']);
  });

  it('ignores frames that break the contract', () => {
    const { session, last } = started();
    last().receiveText('not json');
    last().receiveText(JSON.stringify({ type: 'message', message: { seq: 'x' } }));
    expect(session.view()).toMatchObject({ phase: 'queued', messages: [] });
  });

  it('after a drop: reconnects with backoff, resumes after the last seq it holds, resends the outbox, loses and duplicates nothing', () => {
    const { session, last, conns, timers } = started();
    const first = last();
    first.receive({ type: 'status', status: active });
    session.send('one');
    first.receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000002',
      seq: 1,
      at: AT,
    });
    first.receive({ type: 'message', message: msg(2, 'operator', 'two') });
    session.send('three'); // sent, never acknowledged: the network drops
    first.drop();
    expect(session.view()).toMatchObject({ connection: 'reconnecting', phase: 'active' });
    session.send('four'); // written while offline
    expect(bodies(session)).toEqual(['one', 'two', 'three…', 'four…']);

    // Backoff: nothing before the delay (1 s at jitter 0.5: 500 + 250 ms), then a new socket.
    timers.advance(backoffDelay(0, 0.5) - 1);
    expect(conns).toHaveLength(1);
    timers.advance(1);
    expect(conns).toHaveLength(2);
    const second = last();
    second.open();
    expect(second.sent).toEqual([{ type: 'resume', token: TOKEN, lastSeq: 2 }]);
    // The server had stored "three" (seq 3) before the drop, and the operator wrote seq 4.
    second.receive({
      type: 'welcome',
      token: TOKEN,
      messages: [
        msg(3, 'visitor', 'three', '00000000-0000-4000-8000-000000000003'),
        msg(4, 'operator', 'five'),
      ],
      status: active,
    });
    // Only what is still unacknowledged goes again, in the order written.
    expect(second.sent.slice(1)).toEqual([
      { type: 'message', clientId: '00000000-0000-4000-8000-000000000004', body: 'four' },
    ]);
    second.receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000004',
      seq: 5,
      at: AT,
    });
    expect(bodies(session)).toEqual(['one', 'two', 'three', 'five', 'four']);
    expect(session.view().messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(session.view().connection).toBe('online');
  });

  it('resends a message the server never saw, and takes the repeated ack of one it had', () => {
    const { session, last, timers } = started();
    session.send('a');
    session.send('b');
    last().drop();
    timers.advance(BACKOFF.capMs);
    last().open();
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued() });
    expect(
      last()
        .sent.filter((f) => f.type === 'message')
        .map((f) => f.type === 'message' && f.body),
    ).toEqual(['a', 'b']);
    // The server had stored "a" (an ack lost in the drop): it acknowledges it again, same seq.
    last().receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000002',
      seq: 1,
      at: AT,
    });
    last().receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000002',
      seq: 1,
      at: AT,
    });
    last().receive({
      type: 'ack',
      clientId: '00000000-0000-4000-8000-000000000003',
      seq: 2,
      at: AT,
    });
    expect(bodies(session)).toEqual(['a', 'b']);
  });

  it('asks after the end of the unbroken run of seqs, so a gap is filled on resume', () => {
    const { session, last, timers } = started();
    last().receive({ type: 'message', message: msg(1, 'operator', 'a') });
    last().receive({ type: 'message', message: msg(2, 'operator', 'b') });
    last().receive({ type: 'message', message: msg(4, 'operator', 'd') }); // 3 was lost
    expect(session.lastSeq()).toBe(2);
    last().drop();
    timers.advance(BACKOFF.capMs);
    last().open();
    expect(last().sent[0]).toEqual({ type: 'resume', token: TOKEN, lastSeq: 2 });
    last().receive({
      type: 'welcome',
      token: TOKEN,
      messages: [msg(3, 'operator', 'c'), msg(4, 'operator', 'd')],
      status: queued(),
    });
    expect(bodies(session)).toEqual(['a', 'b', 'c', 'd']);
    expect(session.lastSeq()).toBe(4);
  });

  it('whatever the drops and repeats, ends with every message once, in seq order (property)', () => {
    // A model server: it stores by clientId, numbers by seq, and may lose any frame in a drop.
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constant('send' as const),
            fc.constant('operator' as const),
            fc.constant('drop' as const),
            fc.constant('ack-lost' as const),
          ),
          { maxLength: 40 },
        ),
        (steps) => {
          const { session, last, timers } = started();
          const server: ChatMessage[] = [];
          const byClient = new Map<string, number>();
          let connected = true;
          let sentCount = 0;
          let loseAcks = false;
          const store = (m: Omit<ChatMessage, 'seq' | 'at'>) => {
            const seq = server.length + 1;
            server.push({ ...m, seq, at: AT });
            return seq;
          };
          /** The server reads what the widget sent on the current connection since last time. */
          let read = 0;
          const serve = () => {
            const c = last();
            for (const f of c.sent.slice(read)) {
              if (f.type !== 'message') continue;
              let seq = byClient.get(f.clientId);
              if (seq === undefined) {
                seq = store({ from: 'visitor', body: f.body, clientId: f.clientId });
                byClient.set(f.clientId, seq);
              }
              if (!loseAcks) c.receive({ type: 'ack', clientId: f.clientId, seq, at: AT });
            }
            read = c.sent.length;
          };
          const reconnect = () => {
            timers.advance(BACKOFF.capMs);
            const c = last();
            c.open();
            const resume = c.sent[0];
            if (resume?.type !== 'resume') throw new Error('expected a resume');
            read = 1;
            loseAcks = false;
            c.receive({
              type: 'welcome',
              token: TOKEN,
              messages: server.slice(resume.lastSeq),
              status: queued(),
            });
            connected = true;
            serve();
          };
          for (const step of steps) {
            if (step === 'send') {
              session.send(`v${++sentCount}`);
            } else if (step === 'operator') {
              const seq = store({ from: 'operator', body: `o${server.length + 1}` });
              if (connected && !loseAcks)
                last().receive({ type: 'message', message: server[seq - 1]! });
            } else if (step === 'ack-lost') {
              loseAcks = true;
            } else if (connected) {
              serve();
              last().drop();
              connected = false;
            }
            if (connected) serve();
            if (!connected && step !== 'drop') reconnect();
          }
          // A frame is lost only with its connection: one last drop and resume settles the rest.
          if (connected) {
            serve();
            last().drop();
          }
          reconnect();
          loseAcks = false;
          serve();
          const shown = session.view().messages;
          expect(shown.every((m) => !m.pending)).toBe(true);
          expect(shown.map((m) => m.seq)).toEqual(server.map((m) => m.seq));
          expect(shown.map((m) => m.body)).toEqual(server.map((m) => m.body));
          // Every message the visitor wrote reached the server exactly once.
          expect(server.filter((m) => m.from === 'visitor').map((m) => m.body)).toEqual(
            Array.from({ length: sentCount }, (_, i) => `v${i + 1}`),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ChatSession: the connection', () => {
  it('backs off 1 s doubling to 30 s with jitter in the upper half, and starts over after a welcome', () => {
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(0, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, 0)).toBe(4000);
    expect(backoffDelay(10, 0)).toBe(15_000);
    expect(backoffDelay(50, 0.999)).toBeLessThanOrEqual(30_000);

    const { session, last, conns, timers } = started();
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      last().drop();
      const retryAt = session.view().retryAt!;
      delays.push(retryAt - timers.now());
      timers.advance(retryAt - timers.now());
    }
    expect(delays).toEqual([0, 1, 2, 3].map((a) => backoffDelay(a, 0.5)));
    expect(conns).toHaveLength(5);
    last().open();
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued() });
    last().drop();
    expect(session.view().retryAt! - timers.now()).toBe(backoffDelay(0, 0.5));
  });

  it('tries at once when asked, instead of waiting out the backoff', () => {
    const { session, last, conns } = started();
    last().drop();
    session.retryNow();
    expect(conns).toHaveLength(2);
    expect(session.view().connection).toBe('reconnecting');
  });

  it('gives the socket up as soon as the device goes offline, tries no socket while offline, and resumes with the held message once back', () => {
    const { session, last, conns, timers, network } = started();
    const c = last();
    c.receive({ type: 'status', status: active });
    c.receive({ type: 'message', message: msg(1, 'operator', 'hello') });
    network.online = false;
    session.networkLost();
    expect(c.closed).toBe(true);
    expect(session.view().connection).toBe('reconnecting');
    // A frame the dead socket still delivers is not taken (it comes again on the resume).
    c.receive({ type: 'message', message: msg(2, 'operator', 'late') });
    expect(bodies(session)).toEqual(['hello']);
    expect(session.send('written offline')).toBe(true);
    timers.advance(BACKOFF.capMs * 3);
    expect(conns).toHaveLength(1); // no socket while the device has no network
    expect(session.view().connection).toBe('reconnecting');
    c.drop(); // its late close event is not a second drop
    network.online = true;
    session.retryNow(); // the online event
    expect(conns).toHaveLength(2);
    const back = last();
    back.open();
    expect(back.sent).toEqual([{ type: 'resume', token: TOKEN, lastSeq: 1 }]);
    back.receive({
      type: 'welcome',
      token: TOKEN,
      messages: [msg(2, 'operator', 'late')],
      status: active,
    });
    const sent = back.sent.find((f) => f.type === 'message');
    expect(sent).toMatchObject({ body: 'written offline' });
    back.receive({
      type: 'ack',
      clientId: (sent as { clientId: string }).clientId,
      seq: 3,
      at: AT,
    });
    expect(bodies(session)).toEqual(['hello', 'late', 'written offline']);
    // Offline again with no socket, or after the end: nothing to give up.
    session.networkLost();
    expect(conns).toHaveLength(2);
  });

  it('pings when quiet and gives a silent connection up after the deadline', () => {
    const { session, last, conns, timers } = started();
    const c = last();
    timers.advance(HEARTBEAT.everyMs);
    expect(c.sent.at(-1)).toEqual({ type: 'ping' });
    c.receive({ type: 'pong' });
    timers.advance(HEARTBEAT.everyMs);
    expect(c.sent.filter((f) => f.type === 'ping')).toHaveLength(2);
    timers.advance(HEARTBEAT.deadlineMs);
    expect(c.closed).toBe(true);
    expect(session.view().connection).toBe('reconnecting');
    c.drop(); // the late close event of the given-up socket is not a second drop
    timers.advance(BACKOFF.capMs);
    expect(conns).toHaveLength(2);
  });

  it('ignores events of a socket it has already replaced', () => {
    const { session, last, timers } = started();
    const old = last();
    old.drop();
    timers.advance(BACKOFF.capMs);
    old.receive({ type: 'message', message: msg(1, 'operator', 'stale') });
    expect(session.view().messages).toHaveLength(0);
  });

  it('holds the outbox while rate-limited and sends it when the wait is over', () => {
    const { session, last, timers } = started();
    session.send('a');
    last().receive({ type: 'error', code: 'rate_limited', retryAfter: 3 });
    expect(session.view().notice).toBe('rate_limited');
    session.send('b');
    const count = () => last().sent.filter((f) => f.type === 'message').length;
    expect(count()).toBe(1);
    timers.advance(2999);
    expect(count()).toBe(1);
    timers.advance(1);
    expect(count()).toBe(3); // a (refused) and b
    expect(session.view().notice).toBeUndefined();
  });

  it('opens again after the wait when the opening itself was rate-limited', () => {
    const { session, last, conns, timers } = setup();
    session.chooseLanguage('en');
    session.start({});
    last().open();
    last().receive({ type: 'error', code: 'rate_limited', retryAfter: 10 });
    expect(session.view()).toMatchObject({ phase: 'connecting', connection: 'reconnecting' });
    timers.advance(9_999);
    expect(conns).toHaveLength(1);
    timers.advance(1);
    last().open();
    // The same opening with the same startId: the server answers it with the one chat.
    expect(last().sent).toEqual([
      { type: 'start', language: 'en', startId: '00000000-0000-4000-8000-000000000001' },
    ]);
    expect(conns[0]!.sent).toEqual(last().sent);
  });

  it('sends the same start again when the connection drops before the welcome', () => {
    const { session, last, conns, timers } = setup();
    session.chooseLanguage('nl');
    session.start({ topic: 'online' });
    last().open();
    last().drop();
    timers.advance(BACKOFF.capMs);
    last().open();
    expect(conns).toHaveLength(2);
    const starts = conns.map((c) => c.sent[0]);
    expect(starts[1]).toEqual(starts[0]);
    expect(starts[0]).toMatchObject({ type: 'start', startId: expect.any(String) as string });
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: queued() });
    expect(session.view().phase).toBe('queued');
  });

  it('comes back after server_busy no sooner than the server asked', () => {
    const { session, last, conns, timers } = started();
    last().receive({ type: 'error', code: 'server_busy', retryAfter: 20 });
    expect(session.view()).toMatchObject({ notice: 'server_busy', connection: 'reconnecting' });
    timers.advance(19_999);
    expect(conns).toHaveLength(1);
    timers.advance(1);
    expect(conns).toHaveLength(2);
  });
});

describe('ChatSession: typing, read marks, codes, the end', () => {
  it('says typing only when it changes, and read marks only forward (again after a reconnect)', () => {
    const { session, last, timers } = started();
    session.typing(true);
    session.typing(true);
    session.typing(false);
    last().receive({ type: 'message', message: msg(1, 'operator', 'hi') });
    last().receive({ type: 'message', message: msg(2, 'operator', 'there') });
    session.markRead();
    session.markRead();
    expect(last().sent.slice(1)).toEqual([
      { type: 'typing', on: true },
      { type: 'typing', on: false },
      { type: 'read', upTo: 2 },
    ]);
    last().receive({ type: 'typing', on: true });
    expect(session.view().operatorTyping).toBe(true);
    last().receive({ type: 'message', message: msg(3, 'operator', 'typed') });
    expect(session.view().operatorTyping).toBe(false);
    last().receive({ type: 'read', upTo: 2 });
    last().receive({ type: 'read', upTo: 1 });
    expect(session.view().operatorReadUpTo).toBe(2);
    last().drop();
    timers.advance(BACKOFF.capMs);
    last().open();
    last().receive({ type: 'welcome', token: TOKEN, messages: [], status: active });
    expect(last().sent.slice(1)).toEqual([{ type: 'read', upTo: 2 }]);
  });

  it('asks for a code only when the person does, and shows it', () => {
    const { session, last } = started();
    expect(last().sent.some((f) => f.type === 'want-code')).toBe(false);
    session.requestCode();
    expect(last().sent.at(-1)).toEqual({ type: 'want-code' });
    last().receive({ type: 'code', code: 'KX4M-7PQ2-RT9W' });
    expect(session.view().code).toBe('KX4M-7PQ2-RT9W');
  });

  it('ends when the server ends it, closes the socket and does not reconnect', () => {
    const { session, last, conns, timers } = started();
    last().receive({ type: 'ended', reason: 'resolved' });
    expect(session.view()).toMatchObject({
      phase: 'ended',
      endReason: 'resolved',
      connection: 'idle',
    });
    expect(last().closed).toBe(true);
    last().drop();
    timers.advance(BACKOFF.capMs * 2);
    expect(conns).toHaveLength(1);
    expect(session.send('after')).toBe(false);
  });

  it('reads on after a welcome that says ended, for the reason; closes when it comes or soon after', () => {
    const ended = (reasonFollows: boolean) => {
      const t = setup();
      t.session.continueWith('KX4M-7PQ2-RT9W', 'en');
      t.last().open();
      t.last().receive({
        type: 'welcome',
        token: TOKEN,
        messages: [msg(1, 'operator', 'bye')],
        status: { state: 'ended', open: true },
      });
      expect(t.session.view()).toMatchObject({ phase: 'ended', endReason: undefined });
      expect(bodies(t.session)).toEqual(['bye']);
      if (reasonFollows) t.last().receive({ type: 'ended', reason: 'referred' });
      return t;
    };
    const withReason = ended(true);
    expect(withReason.session.view().endReason).toBe('referred');
    expect(withReason.last().closed).toBe(true);
    const without = ended(false);
    expect(without.last().closed).toBe(false);
    without.timers.advance(ENDED_LINGER_MS);
    expect(without.last().closed).toBe(true);
    expect(without.session.view()).toMatchObject({ phase: 'ended', connection: 'idle' });
    without.timers.advance(BACKOFF.capMs);
    expect(without.conns).toHaveLength(1);
  });

  it('sends end when the person ends it', () => {
    const { session, last } = started();
    const c = last();
    session.end();
    expect(c.sent.at(-1)).toEqual({ type: 'end' });
    expect(session.view()).toMatchObject({ phase: 'ended', endReason: 'visitor_left' });
    expect(c.closed).toBe(true);
  });

  it('treats a resume the server no longer knows as a lost chat', () => {
    const { session, last, timers } = started();
    last().drop();
    timers.advance(BACKOFF.capMs);
    last().open();
    last().receive({ type: 'error', code: 'unknown_chat' });
    expect(session.view()).toMatchObject({ phase: 'ended', endReason: 'lost' });
  });

  it('destroy (quick exit) closes the socket, drops every message and never connects again', () => {
    const { session, last, conns, timers } = started();
    let renders = 0;
    session.subscribe(() => (renders += 1));
    session.send('secret');
    const before = renders;
    last().drop();
    session.destroy();
    expect(last().closed).toBe(true);
    expect(session.view()).toMatchObject({ messages: [], code: undefined, language: undefined });
    timers.advance(BACKOFF.capMs * 4);
    expect(conns).toHaveLength(1);
    expect(timers.count()).toBe(0);
    last().receive({ type: 'message', message: msg(1, 'operator', 'late') });
    expect(session.view().messages).toHaveLength(0);
    expect(renders).toBe(before + 1); // the drop before destroy; nothing after
  });
});
