// One process's share of the chat line: the visitors' and operators' sockets connected to THIS
// server, and the fan-out that reaches them whatever server a change was made on. Every change is
// announced through LISTEN/NOTIFY (events.ts) with ids only; on an announcement the hub reads what
// changed from the database and sends it to its own sockets. Each socket keeps a cursor per chat
// (the last seq it was sent), so a message is delivered once, in order, and a socket that missed
// announcements (the listening connection dropped) catches up from its cursor.
import type { Logger } from 'pino';
import { receivesCaseAlerts } from '../cases/index.js';
import type { ServerFrame } from '../contracts/chat-protocol.js';
import type { Role } from '../platform/auth/roles.js';
import type { Notifier } from '../platform/db/notify.js';
import { CHAT_CHANNEL, ChatEvent, type OperatorServerFrame } from './events.js';
import {
  queueSnapshot,
  readMessages,
  timeOnly,
  visitorStatus,
  type ChatDeps,
  type QueueSnapshot,
} from './service.js';
import { chatById, type ChatRow } from './store.js';

export interface VisitorSocket {
  chatId: string;
  /** The last seq this socket was sent (or welcomed with). */
  cursor: number;
  /** The last status sent, so an unchanged one is not sent again (slow connections). */
  lastStatus?: string;
  send(frame: ServerFrame): void;
  close(): void;
}

export interface OperatorSocket {
  userId: string;
  role: Role;
  /** Chats a supervisor follows without holding them. */
  watching: Set<string>;
  /** Last seq sent per chat. */
  cursors: Map<string, number>;
  send(frame: OperatorServerFrame): void;
}

/** Waits this long after a queue change before recomputing positions: a burst costs one read. */
const QUEUE_DEBOUNCE_MS = 150;

export class ChatHub {
  private readonly visitors = new Map<string, Set<VisitorSocket>>();
  private readonly operators = new Set<OperatorSocket>();
  /**
   * Who holds each running chat this hub has heard of (from announcements and reads); an ended or
   * erased chat is dropped, so the map holds the open chats, not every chat since the start.
   */
  private readonly holders = new Map<string, string | null>();
  private readonly chains = new Map<string, Promise<void>>();
  /**
   * State announcements heard per chat with visitors here: a positions pass whose read began
   * before one of them says nothing to that chat, as its read may predate the change (a take) and
   * its "queued" would land after the "active" the announcement sent.
   */
  private readonly stateHeard = new Map<string, number>();
  private queueTimer: NodeJS.Timeout | undefined;
  private positionsRunning = false;
  private positionsAgain = false;
  private stopListening: (() => void) | undefined;
  private stopReconnect: (() => void) | undefined;

  constructor(
    private readonly deps: ChatDeps,
    private readonly notifier: Notifier,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopReconnect = this.notifier.onReconnect(() => this.resync());
    this.stopListening = await this.notifier.listen(CHAT_CHANNEL, (payload) => {
      this.receive(payload);
    });
  }

  stop(): void {
    this.stopListening?.();
    this.stopReconnect?.();
    if (this.queueTimer) clearTimeout(this.queueTimer);
  }

  get connections(): { visitors: number; operators: number } {
    let visitors = 0;
    for (const set of this.visitors.values()) visitors += set.size;
    return { visitors, operators: this.operators.size };
  }

  /**
   * Welcomes a visitor's socket with the messages after `lastSeq` and from then on keeps it up to
   * date. Runs in the chat's order of work: a message stored before the read is in the welcome,
   * one announced after it is delivered from the cursor — none is lost or sent twice.
   */
  attachVisitor(
    socket: VisitorSocket,
    lastSeq: number,
    welcome: (messages: Awaited<ReturnType<typeof readMessages>>) => Promise<void> | void,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.serial(socket.chatId, async () => {
        try {
          const messages = await readMessages(this.deps, socket.chatId, lastSeq);
          await welcome(messages);
          socket.cursor = Math.max(lastSeq, messages.at(-1)?.seq ?? 0);
          this.addVisitor(socket);
          resolve();
        } catch (err) {
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
  }

  addVisitor(socket: VisitorSocket): void {
    let set = this.visitors.get(socket.chatId);
    if (!set) this.visitors.set(socket.chatId, (set = new Set()));
    set.add(socket);
  }

  removeVisitor(socket: VisitorSocket): void {
    const set = this.visitors.get(socket.chatId);
    set?.delete(socket);
    if (set?.size === 0) {
      this.visitors.delete(socket.chatId);
      this.stateHeard.delete(socket.chatId);
    }
  }

  addOperator(socket: OperatorSocket): void {
    this.operators.add(socket);
  }

  removeOperator(socket: OperatorSocket): void {
    this.operators.delete(socket);
  }

  private receive(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = ChatEvent.safeParse(json);
    if (!parsed.success) {
      this.log.warn('ignoring a chat announcement of unknown shape');
      return;
    }
    const event = parsed.data;
    switch (event.t) {
      case 'msg':
        this.holders.set(event.c, event.o);
        this.serial(event.c, () => this.deliver(event.c, event.s));
        return;
      case 'state':
        if (this.visitors.has(event.c))
          this.stateHeard.set(event.c, (this.stateHeard.get(event.c) ?? 0) + 1);
        this.serial(event.c, () => this.changed(event.c));
        return;
      case 'queue':
        this.queueChanged();
        return;
      case 'typing':
        if (event.from === 'visitor') {
          this.serial(event.c, async () => {
            for (const op of await this.operatorsOf(event.c)) {
              op.send({ type: 'typing', chatId: event.c, on: event.on });
            }
          });
        } else {
          for (const v of this.visitors.get(event.c) ?? [])
            v.send({ type: 'typing', on: event.on });
        }
        return;
      case 'read':
        if (event.by === 'visitor') {
          this.serial(event.c, async () => {
            for (const op of await this.operatorsOf(event.c)) {
              op.send({ type: 'read', chatId: event.c, upTo: event.upTo });
            }
          });
        } else {
          for (const v of this.visitors.get(event.c) ?? [])
            v.send({ type: 'read', upTo: event.upTo });
        }
        return;
      case 'alert':
        for (const op of this.operators) {
          // The same people the child protocol alerts (cases' rule): the supervisors.
          if (receivesCaseAlerts(op)) {
            op.send({ type: 'alert', alertId: event.id, chatId: event.c });
          }
        }
        return;
    }
  }

  /** Runs work for one chat after the work queued before it, so its sockets see seqs in order. */
  private serial(chatId: string, work: () => Promise<void>): void {
    const next = (this.chains.get(chatId) ?? Promise.resolve())
      .then(work)
      .catch((err: unknown) => this.log.error({ err, chatId }, 'chat fan-out failed'));
    this.chains.set(chatId, next);
    void next.then(() => {
      if (this.chains.get(chatId) === next) this.chains.delete(chatId);
    });
  }

  private async holderOf(chatId: string): Promise<string | null> {
    if (this.holders.has(chatId)) return this.holders.get(chatId)!;
    const chat = await chatById(this.deps.db, chatId);
    const holder = chat?.operatorId ?? null;
    if (chat && chat.state !== 'ended') this.holders.set(chatId, holder);
    return holder;
  }

  private async operatorsOf(chatId: string): Promise<OperatorSocket[]> {
    if (this.operators.size === 0) return [];
    const holder = await this.holderOf(chatId);
    return [...this.operators].filter((o) => o.userId === holder || o.watching.has(chatId));
  }

  /**
   * Sends a chat's new messages to the sockets here that follow it. `seq` is the message
   * announced (an operator socket new to the chat starts just before it: the transcript before it
   * is read through the API, which audits the opening).
   */
  private async deliver(chatId: string, seq?: number): Promise<void> {
    const visitors = [...(this.visitors.get(chatId) ?? [])];
    const operators = await this.operatorsOf(chatId);
    if (visitors.length === 0 && operators.length === 0) return;
    const start = seq !== undefined ? seq - 1 : undefined;
    for (const o of operators) {
      if (!o.cursors.has(chatId) && start !== undefined) o.cursors.set(chatId, start);
    }
    let from = Infinity;
    for (const v of visitors) from = Math.min(from, v.cursor);
    for (const o of operators) from = Math.min(from, o.cursors.get(chatId) ?? Infinity);
    if (from === Infinity) return;
    const messages = await readMessages(this.deps, chatId, from);
    for (const v of visitors) {
      for (const m of messages) {
        if (m.seq <= v.cursor) continue;
        v.cursor = m.seq;
        // The visitor's own messages were acknowledged with their seq; not sent back.
        if (m.from !== 'visitor') v.send({ type: 'message', message: m });
      }
    }
    for (const o of operators) {
      const cursor = o.cursors.get(chatId) ?? from;
      for (const m of messages) {
        if (m.seq <= cursor) continue;
        o.send({ type: 'message', chatId, message: m });
      }
      if (messages.length > 0) o.cursors.set(chatId, Math.max(cursor, messages.at(-1)!.seq));
    }
  }

  private async changed(chatId: string): Promise<void> {
    const chat = await chatById(this.deps.db, chatId);
    if (!chat || chat.state === 'ended') this.holders.delete(chatId);
    else this.holders.set(chatId, chat.operatorId ?? null);
    for (const op of this.operators) op.send({ type: 'chat', chatId });
    const visitors = this.visitors.get(chatId);
    if (!chat || !visitors || visitors.size === 0) return;
    // Only a waiting chat's status depends on the queue; the others need no read of it.
    const queue = chat.state === 'queued' ? await queueSnapshot(this.deps) : timeOnly(this.deps);
    await this.tellVisitors(chat, [...visitors], queue);
  }

  private async tellVisitors(
    chat: ChatRow,
    sockets: VisitorSocket[],
    queue: QueueSnapshot,
  ): Promise<void> {
    for (const v of sockets) {
      if (chat.blockedAt) {
        v.send({ type: 'error', code: 'blocked' });
        v.send({ type: 'ended', reason: 'abusive' });
        v.close();
        continue;
      }
      const status = visitorStatus(this.deps, chat, queue);
      const text = JSON.stringify(status);
      if (text !== v.lastStatus) {
        v.lastStatus = text;
        v.send({ type: 'status', status });
      }
      if (chat.state === 'ended' && chat.endReason) {
        v.send({ type: 'ended', reason: chat.endReason });
      }
    }
  }

  private queueChanged(): void {
    for (const op of this.operators) op.send({ type: 'queue' });
    if (this.queueTimer) return;
    if (this.positionsRunning) {
      // One more pass after the running one, which may have read the queue before this change.
      this.positionsAgain = true;
      return;
    }
    this.queueTimer = setTimeout(() => {
      this.queueTimer = undefined;
      this.positionsRunning = true;
      void this.sendPositions()
        .catch((err: unknown) => this.log.error({ err }, 'chat queue update failed'))
        .finally(() => {
          this.positionsRunning = false;
          if (this.positionsAgain) {
            this.positionsAgain = false;
            this.queueChanged();
          }
        });
    }, QUEUE_DEBOUNCE_MS);
    this.queueTimer.unref();
  }

  /** New places and estimates for the waiting visitors connected here. */
  private async sendPositions(): Promise<void> {
    if (this.visitors.size === 0) return;
    const heard = new Map(this.stateHeard);
    const queue = await queueSnapshot(this.deps);
    for (const [chatId, sockets] of this.visitors) {
      const chat = queue.queued.get(chatId);
      // Changed meanwhile: the announcement's own pass (changed) tells the visitor the truth.
      if ((this.stateHeard.get(chatId) ?? 0) !== (heard.get(chatId) ?? 0)) continue;
      if (chat) await this.tellVisitors(chat, [...sockets], queue);
    }
  }

  /** After the listening connection came back: catch every socket up from its cursor. */
  private resync(): void {
    for (const chatId of this.visitors.keys()) {
      this.serial(chatId, async () => {
        await this.deliver(chatId);
        await this.changed(chatId);
      });
    }
    this.queueChanged();
  }
}
