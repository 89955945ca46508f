// Auto-lock after inactivity: a timer that every touch (a key, a tap, a scroll) pushes back, and
// that locks the vault when it runs out. The length is the server's (idleSeconds of the unlock):
// the device locks no later than the server ends the session. Timers are passed in (tests).
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface IdleLock {
  touch(): void;
  stop(): void;
}

export function idleLock(timers: Timers, idleMs: number, onIdle: () => void): IdleLock {
  let handle: unknown = null;
  let stopped = false;
  const arm = () => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(() => {
      handle = null;
      if (stopped) return;
      stopped = true;
      onIdle();
    }, idleMs);
  };
  arm();
  return {
    touch: () => {
      if (!stopped) arm();
    },
    stop: () => {
      stopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}
