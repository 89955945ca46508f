// The live events client against a socket the test plays and timers the test moves: frames
// parsed (unknown ones ignored), reconnect with backoff and a catch-up signal, watches said again,
// the heartbeat's drop, and stop.
import { describe, expect, it } from 'vitest';
import {
  ChatEvents,
  LIVE_HEARTBEAT,
  liveBackoff,
  parseOperatorFrame,
  type LiveSocketEvents,
  type LiveState,
  type OperatorServerFrame,
} from './events';

const CHAT = '00000000-0000-4000-8000-00000000000a';

function manualTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    set: (fn: () => void, ms: number) => {
      const id = next++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (h: unknown) => void pending.delete(h as number),
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
  };
}

function setup() {
  const timers = manualTimers();
  const conns: { events: LiveSocketEvents; sent: unknown[]; closed: boolean }[] = [];
  const frames: OperatorServerFrame[] = [];
  const states: [LiveState, boolean][] = [];
  const live = new ChatEvents({
    timers,
    random: () => 0.5,
    connect: (events) => {
      const c = { events, sent: [] as unknown[], closed: false };
      conns.push(c);
      return {
        send: (text) => c.sent.push(JSON.parse(text)),
        close: () => {
          c.closed = true;
        },
      };
    },
    onFrame: (f) => frames.push(f),
    onState: (s, caughtUp) => states.push([s, caughtUp]),
  });
  return { live, timers, conns, frames, states, last: () => conns.at(-1)! };
}

describe('the chat events client', () => {
  it('parses the server’s frames and ignores what it does not know', () => {
    expect(parseOperatorFrame(JSON.stringify({ type: 'queue' }))).toEqual({ type: 'queue' });
    expect(parseOperatorFrame('nonsense')).toBeUndefined();
    expect(parseOperatorFrame(JSON.stringify({ type: 'chat', chatId: 'x' }))).toBeUndefined();
    expect(parseOperatorFrame(JSON.stringify({ type: 'future-thing' }))).toBeUndefined();
    const msg = {
      type: 'message',
      chatId: CHAT,
      message: { seq: 1, from: 'visitor', body: 'hoi', at: '2030-06-04T10:00:00.000Z' },
    };
    expect(parseOperatorFrame(JSON.stringify(msg))).toEqual(msg);
  });

  it('delivers frames, reconnects with backoff after a drop and asks for a catch-up', () => {
    const { live, timers, conns, frames, states, last } = setup();
    live.start();
    expect(states).toEqual([['connecting', false]]);
    last().events.open();
    expect(states.at(-1)).toEqual(['open', false]);
    last().events.message(JSON.stringify({ type: 'read', chatId: CHAT, upTo: 3 }));
    last().events.message('{"type":"pong"}');
    expect(frames).toEqual([{ type: 'read', chatId: CHAT, upTo: 3 }]);
    live.watch(CHAT);
    expect(last().sent).toEqual([{ type: 'watch', chatId: CHAT }]);

    last().events.close();
    expect(states.at(-1)).toEqual(['reconnecting', false]);
    timers.advance(liveBackoff(0, 0.5) - 1);
    expect(conns).toHaveLength(1);
    timers.advance(1);
    expect(conns).toHaveLength(2);
    // The first attempt fails too: the next waits longer.
    last().events.close();
    timers.advance(liveBackoff(1, 0.5) - 1);
    expect(conns).toHaveLength(2);
    timers.advance(1);
    last().events.open();
    // Back: the page reads again what it may have missed, and the watch is said again.
    expect(states.at(-1)).toEqual(['open', true]);
    expect(last().sent).toEqual([{ type: 'watch', chatId: CHAT }]);
    expect(liveBackoff(20, 0.99)).toBeLessThanOrEqual(30_000);
  });

  it('pings when quiet and drops a socket whose pong does not come', () => {
    const { live, timers, conns, last } = setup();
    live.start();
    last().events.open();
    timers.advance(LIVE_HEARTBEAT.everyMs);
    expect(last().sent).toEqual([{ type: 'ping' }]);
    last().events.message('{"type":"pong"}');
    timers.advance(LIVE_HEARTBEAT.everyMs);
    timers.advance(LIVE_HEARTBEAT.deadlineMs);
    expect(conns[0]!.closed).toBe(true);
    timers.advance(liveBackoff(0, 0.5));
    expect(conns).toHaveLength(2);
  });

  it('gives the socket up when the device goes offline and tries at once when it is back', () => {
    const { live, conns, states, last } = setup();
    live.start();
    const first = last();
    first.events.open();
    live.networkLost();
    expect(first.closed).toBe(true);
    expect(states.at(-1)).toEqual(['reconnecting', false]);
    // Its late close event is not a second drop.
    first.events.close();
    live.networkBack();
    expect(conns).toHaveLength(2);
    last().events.open();
    expect(states.at(-1)).toEqual(['open', true]);
    // Back while connected: nothing to do.
    live.networkBack();
    expect(conns).toHaveLength(2);
  });

  it('stops for good: no reconnect, nothing sent, a late frame ignored', () => {
    const { live, timers, conns, frames, last } = setup();
    live.start();
    const first = last();
    first.events.open();
    live.stop();
    expect(first.closed).toBe(true);
    expect(live.send({ type: 'typing', chatId: CHAT, on: true })).toBe(false);
    first.events.message(JSON.stringify({ type: 'queue' }));
    first.events.close();
    timers.advance(60_000);
    expect(conns).toHaveLength(1);
    expect(frames).toEqual([]);
  });
});
