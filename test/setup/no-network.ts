// No unexpected network (STYLE.md): a test that opens a connection to anything but this machine
// fails at once, so no test can quietly depend on the outside world.
import net from 'node:net';

const allowed = (host: string | undefined): boolean =>
  host === undefined ||
  host === '' ||
  host === 'localhost' ||
  host.startsWith('127.') ||
  host === '::1' ||
  host === '0.0.0.0' ||
  host.startsWith('/');

/**
 * Marks the patched connect: the tiers run without isolation, so this file runs once per test file
 * in the same worker and must not wrap its own wrapper again.
 */
const PATCHED = Symbol.for('ariadne.test.no-network');
type Connect = typeof net.Socket.prototype.connect & { [PATCHED]?: true };

// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply below
const originalConnect: Connect = net.Socket.prototype.connect;
const hostOf = (opts: unknown): string | undefined => {
  const o = opts as { host?: string; path?: string } | null;
  return o?.path ? '/' : o?.host;
};
function patchedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const first: unknown = args[0];
  let host: string | undefined;
  if (Array.isArray(first)) {
    host = hostOf(first[0]);
  } else if (typeof first === 'object' && first !== null) {
    host = hostOf(first);
  } else if (typeof first === 'number') {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  } else if (typeof first === 'string') {
    host = '/';
  }
  if (!allowed(host)) {
    if (process.env.DEBUG_NET) console.error(new Error(`net ${host}`).stack);
    throw new Error(`Test tried to reach ${host}: tests may only talk to loopback`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
}
if (!originalConnect[PATCHED]) {
  net.Socket.prototype.connect = Object.assign(patchedConnect, { [PATCHED]: true as const });
}
