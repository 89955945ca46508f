// Who a process is, for work that outlives one job's claim (a crawl run). `name` stays the same
// when the process restarts (WORKER_NAME, default the host name); `instance` is new at every start.
// A run held under this name by another instance was left by a previous incarnation that is gone.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export interface WorkerIdentity {
  readonly name: string;
  readonly instance: string;
}

export function workerIdentity(name: string): WorkerIdentity {
  return { name, instance: randomUUID() };
}

/**
 * For a process that is no worker (a crawl run from the command line): a name of its own, so no
 * worker that starts meanwhile takes its runs for ones its own previous incarnation left.
 */
export function oneOffIdentity(role: string): WorkerIdentity {
  return workerIdentity(`${role}@${hostname()}#${process.pid}`);
}
