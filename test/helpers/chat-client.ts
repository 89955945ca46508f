// A WebSocket client for the chat line's tests and bench, as the widget and the console use one:
// JSON frames in and out, and `take` waits for the next frame that matches (each frame is taken
// once, in order), so a test reads like the conversation it checks. Node's own WebSocket (undici)
// lets a test set the Origin and Cookie headers a browser would send.
import type { ServerFrame, VisitorFrame } from '../../src/contracts/chat-protocol.js';

export class JsonSocket<In extends { type: string }, Out> {
  private readonly frames: In[] = [];
  private waiters: { match: (f: In) => boolean; resolve: (f: In) => void }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (ev: MessageEvent) => {
      const frame = JSON.parse(String(ev.data)) as In;
      const i = this.waiters.findIndex((w) => w.match(frame));
      if (i >= 0) {
        const [w] = this.waiters.splice(i, 1);
        w!.resolve(frame);
      } else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => {
      ws.addEventListener('close', (ev: CloseEvent) =>
        resolve({ code: ev.code, reason: ev.reason }),
      );
    });
  }

  static open<In extends { type: string }, Out>(
    url: string,
    headers: Record<string, string>,
  ): Promise<JsonSocket<In, Out>> {
    // undici's WebSocket takes headers (a browser sets Origin and Cookie by itself).
    const ws = new WebSocket(url, { headers } as unknown as string[]);
    return new Promise((resolve, reject) => {
      const s = new JsonSocket<In, Out>(ws);
      ws.addEventListener('open', () => resolve(s), { once: true });
      ws.addEventListener('error', () => reject(new Error(`WebSocket ${url} refused`)), {
        once: true,
      });
    });
  }

  send(frame: Out | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /**
   * The next frame (of a type, and matching) not taken yet; waits up to `ms` for it. It returns as
   * soon as the frame comes, so the deadline only bounds a frame that never does: 20 s, since the
   * night run's load (unit, database and browser tiers at once under faketime) once held a frame
   * past 5 s.
   */
  take<T extends In['type']>(
    type: T,
    match: (f: Extract<In, { type: T }>) => boolean = () => true,
    ms = 20_000,
  ): Promise<Extract<In, { type: T }>> {
    const test = (f: In) => f.type === type && match(f as Extract<In, { type: T }>);
    const i = this.frames.findIndex(test);
    if (i >= 0) return Promise.resolve(this.frames.splice(i, 1)[0] as Extract<In, { type: T }>);
    return new Promise((resolve, reject) => {
      const waiter = { match: test, resolve: (f: In) => resolve(f as Extract<In, { type: T }>) };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(`no "${type}" frame within ${ms} ms; pending: ${JSON.stringify(this.frames)}`),
        );
      }, ms).unref();
    });
  }

  /** Frames received and not taken (to check nothing unexpected came). */
  pending(): In[] {
    return [...this.frames];
  }

  close(): void {
    this.ws.close();
  }
}

export type VisitorSocket = JsonSocket<ServerFrame, VisitorFrame>;

export function openVisitor(
  baseUrl: string,
  origin: string,
  headers: Record<string, string> = {},
): Promise<VisitorSocket> {
  return JsonSocket.open<ServerFrame, VisitorFrame>(`${baseUrl.replace(/^http/, 'ws')}/chat/ws`, {
    ...headers,
    origin,
  });
}
