// The chat session's logic, without the DOM: where the chat stands (language, first questions,
// queued, active, ended; online or reconnecting), the outbox, the merge of messages by seq, and the
// reconnect with backoff. It talks to a socket through the small interface below, so tests drive it
// frame by frame and the UI (ui.ts) only renders what `view()` says.
//
// Delivery (src/contracts/chat-protocol.ts): every message gets a clientId and stays in the outbox
// until the server acknowledges it; after a reconnect the session resumes with the last seq it
// holds and sends the outbox again. The server dedupes by clientId, this side dedupes by seq, so a
// dropped connection loses nothing and shows nothing twice.
//
// Everything lives in memory only: nothing here touches storage, and `destroy()` (quick exit)
// drops it all and closes the socket.
import {
  CHAT_MESSAGE_MAX,
  END_REASONS,
  RESUME_CODE,
  ServerFrame,
  parseFrame,
  type ChatLanguage,
  type ChatMessage,
  type ChatState,
  type ChatTriage,
  type VisitorFrame,
} from '../../../src/contracts/chat-protocol';

/** What a socket tells the session. */
export interface SocketEvents {
  open(): void;
  message(text: string): void;
  close(): void;
}

/** The one socket of a connection attempt (a WebSocket in the browser). */
export interface ChatSocket {
  send(text: string): void;
  close(): void;
}

export type Connect = (events: SocketEvents) => ChatSocket;

/** Time for the session: the browser's timers in the widget, a clock the test moves in tests. */
export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionDeps {
  connect: Connect;
  timers: Timers;
  /** In [0, 1): the jitter of the reconnect delay. */
  random(): number;
  /** A random uuid (crypto.randomUUID in the browser). */
  newId(): string;
  /**
   * Whether the device has a network at all (navigator.onLine in the browser). False is certain
   * (no network interface), so no attempt is made then; true may still fail and is tried.
   */
  online?(): boolean;
}

export type Phase = 'language' | 'questions' | 'connecting' | 'queued' | 'active' | 'ended';
export type Connection = 'idle' | 'connecting' | 'online' | 'reconnecting';
export type EndReason = (typeof END_REASONS)[number] | 'lost' | 'blocked';
/** Something to tell the person that is not a message. */
export type Notice = 'rate_limited' | 'server_busy' | 'too_long' | 'unknown_code';

export interface ShownMessage {
  /** Stable across the pending → stored change, for the UI's keyed list. */
  key: string;
  seq?: number;
  from: ChatMessage['from'];
  body: string;
  /** ISO time the server stored it; absent while pending. */
  at?: string;
  /** Sent by this visitor and not yet acknowledged. */
  pending: boolean;
}

export interface SessionView {
  phase: Phase;
  connection: Connection;
  language?: ChatLanguage;
  triage?: ChatTriage;
  messages: readonly ShownMessage[];
  status?: ChatState;
  operatorTyping: boolean;
  /** The operator has read the visitor's messages up to this seq. */
  operatorReadUpTo: number;
  code?: string;
  endReason?: EndReason;
  notice?: Notice;
  /** When the next connection attempt is due (ms on the session's timers), while reconnecting. */
  retryAt?: number;
}

/** Reconnect delays: 1 s doubling to 30 s, each drawn from its upper half (equal jitter). */
export const BACKOFF = { baseMs: 1000, capMs: 30_000 } as const;
/** A ping after this much quiet, and a connection given up when the pong does not come in time. */
export const HEARTBEAT = { everyMs: 20_000, deadlineMs: 10_000 } as const;

/** How long a socket is still read after a status said the chat ended (for the reason). */
export const ENDED_LINGER_MS = 2000;

export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

/** Normalises what a person typed as a resume code; undefined when it cannot be one. */
export function normaliseCode(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (compact.length !== 12) return undefined;
  const code = `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  return RESUME_CODE.test(code) ? code : undefined;
}

type Opening =
  | { type: 'start'; language: ChatLanguage; triage?: ChatTriage; startId: string }
  | { type: 'continue'; code: string; language: ChatLanguage };

interface Outgoing {
  clientId: string;
  body: string;
}

type Timer = 'reconnect' | 'ping' | 'deadline' | 'hold' | 'linger';

export class ChatSession {
  private phase: Phase = 'language';
  private connection: Connection = 'idle';
  private language?: ChatLanguage;
  private triage?: ChatTriage;
  private opening?: Opening;
  private token?: string;
  private status?: ChatState;
  /** Stored messages by seq. */
  private readonly stored = new Map<number, ChatMessage>();
  /** Every seq from 1 up to this one is held: what a resume asks after. */
  private contiguous = 0;
  private outbox: Outgoing[] = [];
  private operatorTyping = false;
  private operatorReadUpTo = 0;
  private code?: string;
  private endReason?: EndReason;
  private notice?: Notice;
  private retryAt?: number;

  private socket?: ChatSocket;
  /** Bumped for every socket: events of an older one are ignored. */
  private generation = 0;
  /** The server has welcomed this connection: frames about the chat may be sent. */
  private ready = false;
  private attempt = 0;
  private holdUntil = 0;
  private readSent = 0;
  private typingSent = false;
  private destroyed = false;
  private readonly timers = new Map<Timer, unknown>();
  private readonly listeners = new Set<() => void>();
  private cachedView?: SessionView;

  constructor(private readonly deps: SessionDeps) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  view(): SessionView {
    this.cachedView ??= {
      phase: this.phase,
      connection: this.connection,
      language: this.language,
      triage: this.triage,
      messages: this.shownMessages(),
      status: this.status,
      operatorTyping: this.operatorTyping,
      operatorReadUpTo: this.operatorReadUpTo,
      code: this.code,
      endReason: this.endReason,
      notice: this.notice,
      retryAt: this.retryAt,
    };
    return this.cachedView;
  }

  /** The seq a resume asks after: the end of the unbroken run from 1. */
  lastSeq(): number {
    return this.contiguous;
  }

  // ── What the person does ────────────────────────────────────────────────────────────────────

  chooseLanguage(language: ChatLanguage): void {
    if (this.phase !== 'language' && this.phase !== 'questions') return;
    this.language = language;
    this.phase = 'questions';
    this.notice = undefined;
    this.changed();
  }

  backToLanguage(): void {
    if (this.phase !== 'questions') return;
    this.phase = 'language';
    this.changed();
  }

  /** Opens a new chat with the (optional) answers to the first questions. */
  start(triage: ChatTriage = {}): void {
    if (this.phase !== 'questions' || !this.language) return;
    const answered = Object.fromEntries(
      Object.entries(triage).filter(([, v]) => v !== undefined),
    ) as ChatTriage;
    this.triage = answered;
    // One startId per chat opened: a start sent again after a drop before the welcome (the same
    // opening, resent by onOpen) is answered with the same chat, not a second one.
    this.opening = {
      type: 'start',
      language: this.language,
      ...(Object.keys(answered).length ? { triage: answered } : {}),
      startId: this.deps.newId(),
    };
    this.phase = 'connecting';
    this.changed();
    this.connectNow();
  }

  /** Continues an earlier chat with the code the person noted down; false if it is no code. */
  continueWith(typed: string, language: ChatLanguage): boolean {
    if (this.phase !== 'language' && this.phase !== 'questions') return false;
    const code = normaliseCode(typed);
    if (!code) return false;
    this.language = language;
    this.opening = { type: 'continue', code, language };
    this.phase = 'connecting';
    this.notice = undefined;
    this.changed();
    this.connectNow();
    return true;
  }

  /**
   * Queues a message; it is sent now if connected, else once (re)connected. Returns false (and
   * keeps nothing) for an empty or too long body, or when the chat does not take messages.
   */
  send(body: string): boolean {
    // While connecting too: the outbox holds it until the server has welcomed the chat.
    if (this.phase !== 'connecting' && this.phase !== 'queued' && this.phase !== 'active') {
      return false;
    }
    if (body.trim() === '') return false;
    if (body.length > CHAT_MESSAGE_MAX) {
      this.notice = 'too_long';
      this.changed();
      return false;
    }
    const item = { clientId: this.deps.newId(), body };
    this.outbox.push(item);
    this.typingSent = false; // the server clears typing on a message
    if (this.canSend()) this.transmit({ type: 'message', ...item });
    this.changed();
    return true;
  }

  typing(on: boolean): void {
    if (on === this.typingSent || !this.ready) return;
    this.typingSent = on;
    this.transmit({ type: 'typing', on });
  }

  /** Marks everything shown as read (the UI calls it while the chat is in view). */
  markRead(): void {
    let upTo = 0;
    for (const m of this.stored.values()) if (m.from !== 'visitor') upTo = Math.max(upTo, m.seq);
    if (upTo <= this.readSent || !this.ready) return;
    this.readSent = upTo;
    this.transmit({ type: 'read', upTo });
  }

  /** Asks the server for a code to continue later (only made when asked: it is a way back in). */
  requestCode(): void {
    if (this.ready) this.transmit({ type: 'want-code' });
  }

  /** The person ends the chat. */
  end(): void {
    if (this.phase === 'ended') return;
    if (this.ready) this.transmit({ type: 'end' });
    this.finish('visitor_left');
  }

  /** Tries to connect at once (the network came back, or the person pressed "try now"). */
  retryNow(): void {
    if (this.connection !== 'reconnecting' || this.socket) return;
    this.connectNow();
  }

  /**
   * The device went offline (the browser's offline event): the socket is given up at once rather
   * than after the heartbeat's deadline, so the person sees the drop and what they write is held
   * for the resume. A phone between networks keeps a dead socket open for half a minute otherwise.
   */
  networkLost(): void {
    if (this.destroyed || this.phase === 'ended' || !this.socket) return;
    this.drop();
  }

  /** Quick exit: closes the socket, stops every timer and drops everything held. */
  destroy(): void {
    this.destroyed = true;
    this.generation += 1;
    for (const t of [...this.timers.keys()]) this.clearTimer(t);
    const s = this.socket;
    this.socket = undefined;
    try {
      s?.close();
    } catch {
      // Closing a socket that never opened may throw; it is gone either way.
    }
    this.listeners.clear();
    this.stored.clear();
    this.outbox = [];
    this.token = undefined;
    this.opening = undefined;
    this.status = undefined;
    this.code = undefined;
    this.triage = undefined;
    this.language = undefined;
    this.cachedView = undefined;
  }

  // ── The connection ──────────────────────────────────────────────────────────────────────────

  private connectNow(): void {
    if (this.destroyed) return;
    this.clearTimer('reconnect');
    this.retryAt = undefined;
    this.ready = false;
    const generation = ++this.generation;
    const mine = () => generation === this.generation && !this.destroyed;
    this.connection = this.connection === 'idle' ? 'connecting' : 'reconnecting';
    this.changed();
    if (this.deps.online?.() === false) {
      // No network: wait for the next attempt (or the online event) instead of a doomed socket.
      this.onClose();
      return;
    }
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
      // A socket that cannot even be made (offline, blocked URL) is a drop like any other.
      this.onClose();
    }
  }

  private onOpen(): void {
    if (this.token) {
      this.transmit({ type: 'resume', token: this.token, lastSeq: this.contiguous });
    } else if (this.opening) {
      this.transmit(this.opening);
    }
    this.heartbeat();
  }

  /** `atLeastMs`: the server said when to come back (server_busy). */
  private onClose(atLeastMs = 0): void {
    this.socket = undefined;
    this.ready = false;
    this.clearTimer('ping');
    this.clearTimer('deadline');
    this.operatorTyping = false;
    if (this.phase === 'ended' || this.destroyed) {
      this.connection = 'idle';
    } else {
      const delay = Math.max(atLeastMs, backoffDelay(this.attempt, this.deps.random()));
      this.attempt += 1;
      this.connection = 'reconnecting';
      this.retryAt = this.deps.timers.now() + delay;
      this.setTimer('reconnect', delay, () => this.connectNow());
    }
    this.changed();
  }

  /** Gives the socket up (no pong in time, or the server asked to come back later). */
  private drop(atLeastMs = 0): void {
    const s = this.socket;
    this.generation += 1; // its late close event is not a second drop
    try {
      s?.close();
    } catch {
      // Already gone.
    }
    this.onClose(atLeastMs);
  }

  private heartbeat(): void {
    this.clearTimer('ping');
    this.setTimer('ping', HEARTBEAT.everyMs, () => {
      this.transmit({ type: 'ping' });
      this.setTimer('deadline', HEARTBEAT.deadlineMs, () => this.drop());
    });
  }

  private onText(text: string): void {
    const frame = parseFrame(ServerFrame, text);
    // Any frame shows the connection is alive.
    this.clearTimer('deadline');
    this.heartbeat();
    if (!frame) return;
    switch (frame.type) {
      case 'welcome':
        this.token = frame.token;
        this.ready = true;
        this.attempt = 0;
        this.connection = 'online';
        this.notice = undefined;
        for (const m of frame.messages) this.merge(m);
        this.applyStatus(frame.status);
        if (this.phase !== 'ended') {
          this.flush();
          // Read marks and typing are state: say them again on the new connection.
          if (this.readSent > 0) this.transmit({ type: 'read', upTo: this.readSent });
          this.typingSent = false;
        }
        break;
      case 'ack': {
        const i = this.outbox.findIndex((o) => o.clientId === frame.clientId);
        const item = this.outbox[i];
        if (item) {
          this.outbox.splice(i, 1);
          this.merge({
            seq: frame.seq,
            from: 'visitor',
            body: item.body,
            clientId: item.clientId,
            at: frame.at,
          });
        }
        break;
      }
      case 'message':
        if (frame.message.from === 'operator') this.operatorTyping = false;
        this.merge(frame.message);
        break;
      case 'status':
        this.applyStatus(frame.status);
        break;
      case 'typing':
        this.operatorTyping = frame.on;
        break;
      case 'read':
        this.operatorReadUpTo = Math.max(this.operatorReadUpTo, frame.upTo);
        break;
      case 'code':
        this.code = frame.code;
        break;
      case 'ended':
        // The server's reason wins over what a status said (it sends both for an ended chat).
        this.endReason = frame.reason;
        this.finish();
        break;
      case 'error':
        this.onError(frame.code, frame.retryAfter);
        break;
      case 'pong':
        break;
    }
    this.changed();
  }

  private onError(code: Extract<ServerFrame, { type: 'error' }>['code'], retryAfter?: number) {
    switch (code) {
      case 'bad_frame':
        break;
      case 'too_long':
        this.notice = 'too_long';
        break;
      case 'unknown_chat':
        if (this.token) {
          this.finish('lost');
        } else if (this.opening?.type === 'continue') {
          // A code that leads nowhere: back to the first screen, nothing else kept.
          this.opening = undefined;
          this.phase = 'language';
          this.notice = 'unknown_code';
          this.generation += 1;
          this.socket?.close();
          this.socket = undefined;
          this.connection = 'idle';
          for (const t of [...this.timers.keys()]) this.clearTimer(t);
        }
        break;
      case 'chat_ended':
        this.finish('lost');
        break;
      case 'blocked':
        this.finish('blocked');
        break;
      case 'rate_limited': {
        const wait = Math.max(1, retryAfter ?? 5) * 1000;
        this.notice = 'rate_limited';
        if (!this.ready) {
          // The opening itself was refused: come back (start, resume or continue) after the wait.
          this.drop(wait);
          break;
        }
        // The refused message is still in the outbox; it goes again once the wait is over.
        this.holdUntil = this.deps.timers.now() + wait;
        this.setTimer('hold', wait, () => {
          this.holdUntil = 0;
          if (this.notice === 'rate_limited') this.notice = undefined;
          if (this.ready) this.flush();
          this.changed();
        });
        break;
      }
      case 'server_busy':
        this.notice = 'server_busy';
        this.drop((retryAfter ?? 0) * 1000);
        break;
    }
  }

  private applyStatus(status: ChatState): void {
    this.status = status;
    // The reason comes with the server's 'ended' frame; a status alone says only that it ended.
    if (status.state === 'ended') this.finish(undefined, ENDED_LINGER_MS);
    else if (this.phase !== 'ended') this.phase = status.state;
  }

  /**
   * The chat is over. `lingerMs`: keep reading the socket that long before closing it — a welcome
   * that says "ended" is followed by the frame that says why, and a closing socket reads nothing.
   */
  private finish(reason?: EndReason, lingerMs = 0): void {
    this.phase = 'ended';
    this.endReason ??= reason;
    this.operatorTyping = false;
    this.ready = false;
    this.retryAt = undefined;
    for (const t of [...this.timers.keys()]) this.clearTimer(t);
    if (lingerMs > 0 && this.socket) this.setTimer('linger', lingerMs, () => this.closeSocket());
    else this.closeSocket();
    this.changed();
  }

  private closeSocket(): void {
    this.generation += 1;
    const s = this.socket;
    this.socket = undefined;
    this.connection = 'idle';
    try {
      s?.close();
    } catch {
      // Already gone.
    }
    this.changed();
  }

  // ── Messages ────────────────────────────────────────────────────────────────────────────────

  private merge(m: ChatMessage): void {
    if (m.clientId) this.outbox = this.outbox.filter((o) => o.clientId !== m.clientId);
    if (this.stored.has(m.seq)) return;
    this.stored.set(m.seq, m);
    while (this.stored.has(this.contiguous + 1)) this.contiguous += 1;
  }

  private shownMessages(): ShownMessage[] {
    const stored = [...this.stored.values()]
      .sort((a, b) => a.seq - b.seq)
      .map<ShownMessage>((m) => ({
        key: m.clientId ?? `s${m.seq}`,
        seq: m.seq,
        from: m.from,
        body: m.body,
        at: m.at,
        pending: false,
      }));
    const pending = this.outbox.map<ShownMessage>((o) => ({
      key: o.clientId,
      from: 'visitor',
      body: o.body,
      pending: true,
    }));
    return [...stored, ...pending];
  }

  private canSend(): boolean {
    return this.ready && this.holdUntil === 0;
  }

  private flush(): void {
    if (!this.canSend()) return;
    for (const o of this.outbox) this.transmit({ type: 'message', ...o });
  }

  private transmit(frame: VisitorFrame): void {
    try {
      this.socket?.send(JSON.stringify(frame));
    } catch {
      // A send on a closing socket fails; the outbox keeps the message for the next connection.
    }
  }

  // ── Plumbing ────────────────────────────────────────────────────────────────────────────────

  private setTimer(name: Timer, ms: number, fn: () => void): void {
    this.clearTimer(name);
    this.timers.set(
      name,
      this.deps.timers.set(() => {
        this.timers.delete(name);
        if (!this.destroyed) fn();
      }, ms),
    );
  }

  private clearTimer(name: Timer): void {
    if (!this.timers.has(name)) return;
    this.deps.timers.clear(this.timers.get(name));
    this.timers.delete(name);
  }

  private changed(): void {
    this.cachedView = undefined;
    for (const l of [...this.listeners]) l();
  }
}
