// The console's end of the chat line's live events (/api/chat/events on the server, signed in with
// the session cookie): frames parsed defensively (anything unknown is ignored, never thrown), a
// reconnect with backoff after a drop, a ping when quiet and a drop when the pong does not come,
// and the chats a supervisor watches said again on every new connection. No DOM or React here: the
// socket and the timers are passed in, so the unit tests drive it frame by frame.
import * as z from 'zod/mini';
import { ChatMessage } from '../../../../src/contracts/chat-protocol';

const uuid = z.uuid();

/** What the server sends the console (src/chat/events.ts: OperatorServerFrame). */
export const OperatorServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), userId: uuid }),
  z.object({ type: z.literal('message'), chatId: uuid, message: ChatMessage }),
  z.object({ type: z.literal('chat'), chatId: uuid }),
  z.object({ type: z.literal('queue') }),
  z.object({ type: z.literal('watching'), chatId: uuid }),
  z.object({ type: z.literal('typing'), chatId: uuid, on: z.boolean() }),
  z.object({ type: z.literal('read'), chatId: uuid, upTo: z.int() }),
  z.object({ type: z.literal('alert'), alertId: uuid, chatId: uuid }),
  z.object({ type: z.literal('error'), code: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type OperatorServerFrame = z.infer<typeof OperatorServerFrame>;

/** What the console sends (src/chat/events.ts: OperatorFrame). */
export type OperatorFrame =
  | { type: 'typing'; chatId: string; on: boolean }
  | { type: 'watch'; chatId: string }
  | { type: 'unwatch'; chatId: string }
  | { type: 'ping' };

export function parseOperatorFrame(text: string): OperatorServerFrame | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const r = z.safeParse(OperatorServerFrame, json);
  return r.success ? r.data : undefined;
}

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'stopped';

export interface LiveSocket {
  send(text: string): void;
  close(): void;
}

export interface LiveSocketEvents {
  open(): void;
  message(text: string): void;
  close(): void;
}

export interface LiveTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface LiveDeps {
  connect(events: LiveSocketEvents): LiveSocket;
  timers: LiveTimers;
  /** In [0, 1): the jitter of the reconnect delay. */
  random(): number;
  onFrame(frame: OperatorServerFrame): void;
  /** `caughtUp`: a connection came back after a drop; what was missed must be read again. */
  onState(state: LiveState, caughtUp: boolean): void;
}

export const LIVE_BACKOFF = { baseMs: 1000, capMs: 30_000 } as const;
export const LIVE_HEARTBEAT = { everyMs: 25_000, deadlineMs: 10_000 } as const;

/** 1 s doubling to 30 s, each drawn from its upper half (equal jitter): no thundering herd. */
export function liveBackoff(attempt: number, random: number): number {
  const ceiling = Math.min(LIVE_BACKOFF.capMs, LIVE_BACKOFF.baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

export class ChatEvents {
  private socket: LiveSocket | undefined;
  private generation = 0;
  private attempt = 0;
  private everOpen = false;
  private stopped = true;
  private readonly watching = new Set<string>();
  private readonly timerHandles = new Map<'reconnect' | 'ping' | 'deadline', unknown>();
  state: LiveState = 'stopped';

  constructor(private readonly deps: LiveDeps) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    for (const k of [...this.timerHandles.keys()]) this.clearTimer(k);
    const s = this.socket;
    this.socket = undefined;
    try {
      s?.close();
    } catch {
      // A socket that never opened may throw on close; it is gone either way.
    }
    this.setState('stopped', false);
  }

  /** Follows a chat (a supervisor's watch, audited on the server); said again after a reconnect. */
  watch(chatId: string): void {
    this.watching.add(chatId);
    this.send({ type: 'watch', chatId });
  }

  unwatch(chatId: string): void {
    if (!this.watching.delete(chatId)) return;
    this.send({ type: 'unwatch', chatId });
  }

  /**
   * The device went offline (the browser's offline event): the socket is given up at once, not
   * after the heartbeat's deadline, so the page shows it and polls meanwhile.
   */
  networkLost(): void {
    if (this.stopped || !this.socket) return;
    this.drop();
  }

  /** The network is back: try at once instead of waiting out the backoff. */
  networkBack(): void {
    if (this.stopped || this.socket || this.state !== 'reconnecting') return;
    this.connect();
  }

  /** Sends a frame if connected; a frame while disconnected is dropped (typing is momentary). */
  send(frame: OperatorFrame): boolean {
    if (this.state !== 'open' || !this.socket) return false;
    try {
      this.socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private connect(): void {
    if (this.stopped) return;
    this.clearTimer('reconnect');
    const generation = ++this.generation;
    const mine = () => generation === this.generation && !this.stopped;
    this.setState(this.everOpen ? 'reconnecting' : 'connecting', false);
    try {
      this.socket = this.deps.connect({
        open: () => {
          if (mine()) this.onOpen();
        },
        message: (text) => {
          if (mine()) this.onText(text);
        },
        close: () => {
          if (mine()) this.onClose();
        },
      });
    } catch {
      this.onClose();
    }
  }

  private onOpen(): void {
    const caughtUp = this.everOpen;
    this.everOpen = true;
    this.attempt = 0;
    this.setState('open', caughtUp);
    for (const chatId of this.watching) this.send({ type: 'watch', chatId });
    this.heartbeat();
  }

  private onText(text: string): void {
    // Any frame shows the connection is alive.
    this.clearTimer('deadline');
    this.heartbeat();
    const frame = parseOperatorFrame(text);
    if (frame && frame.type !== 'pong') this.deps.onFrame(frame);
  }

  private onClose(): void {
    this.socket = undefined;
    this.clearTimer('ping');
    this.clearTimer('deadline');
    if (this.stopped) return;
    const delay = liveBackoff(this.attempt, this.deps.random());
    this.attempt += 1;
    this.setState('reconnecting', false);
    this.setTimer('reconnect', delay, () => this.connect());
  }

  private heartbeat(): void {
    this.clearTimer('ping');
    this.setTimer('ping', LIVE_HEARTBEAT.everyMs, () => {
      this.send({ type: 'ping' });
      this.setTimer('deadline', LIVE_HEARTBEAT.deadlineMs, () => this.drop());
    });
  }

  /** Gives a silent socket up and reconnects. */
  private drop(): void {
    const s = this.socket;
    this.generation += 1; // its late close event is not a second drop
    try {
      s?.close();
    } catch {
      // Already gone.
    }
    this.onClose();
  }

  private setState(state: LiveState, caughtUp: boolean): void {
    if (state === this.state && !caughtUp) return;
    this.state = state;
    this.deps.onState(state, caughtUp);
  }

  private setTimer(name: 'reconnect' | 'ping' | 'deadline', ms: number, fn: () => void): void {
    this.clearTimer(name);
    this.timerHandles.set(
      name,
      this.deps.timers.set(() => {
        this.timerHandles.delete(name);
        fn();
      }, ms),
    );
  }

  private clearTimer(name: 'reconnect' | 'ping' | 'deadline'): void {
    const h = this.timerHandles.get(name);
    if (h !== undefined) this.deps.timers.clear(h);
    this.timerHandles.delete(name);
  }
}
