// The part of a `ws` WebSocket (what @fastify/websocket hands a route) that the chat line uses,
// typed here because the package's types lean on @types/ws, which is not installed: with this the
// socket code is checked instead of being `any`.
export interface ChatSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(
    event: 'message',
    fn: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void,
  ): void;
  on(event: 'close' | 'pong', fn: () => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
}

/** The server side: the upgrade's headers and every open socket. */
export interface ChatSocketServer {
  on(event: 'headers', fn: (headers: string[]) => void): void;
  clients: Set<ChatSocket>;
}

/** A received frame's bytes as text (ws hands a Buffer, fragments as a list, or an ArrayBuffer). */
export function frameText(data: Buffer | ArrayBuffer | Buffer[]): string {
  const bytes = Array.isArray(data)
    ? Buffer.concat(data)
    : Buffer.isBuffer(data)
      ? data
      : Buffer.from(data);
  return bytes.toString('utf8');
}
