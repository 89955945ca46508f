// The data directory holds the embedded database, the blobs and the generated secrets: personal
// data of people at risk. Everything in it must be its owner's alone (directories 0700, files
// 0600). Ariadne creates it so (a private umask while PGlite writes its files, which it creates
// with the usual 0755/0644), and refuses to start on a directory where anything is open to other
// users, naming what and the command that fixes it — rather than quietly chmod-ing files that
// may already have been read, which the operator should know about.
import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from './errors.js';

const OTHERS = 0o077;

/** Paths under `dir` (itself included) that group or others may read, write or enter. */
export function exposedPaths(dir: string, limit = 5): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    if (found.length >= limit) return;
    const st = lstatSync(p);
    // A symbolic link's own mode means nothing; what it points at is checked where it lives.
    if (st.isSymbolicLink()) return;
    if ((st.mode & OTHERS) !== 0) found.push(`${p} (${(st.mode & 0o777).toString(8)})`);
    if (st.isDirectory()) for (const entry of readdirSync(p)) visit(path.join(p, entry));
  };
  if (existsSync(dir)) visit(dir);
  return found;
}

const shellQuote = (p: string) => (/^[\w./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);

/** Throws, saying how to fix it, when anything under `dir` is open to other users. */
export function assertPrivateDir(dir: string, variable: string): void {
  const exposed = exposedPaths(dir);
  if (exposed.length === 0) return;
  const resolved = path.resolve(dir);
  throw new AppError(
    'config_invalid',
    `${variable} ${resolved} holds personal data, but other users of this machine can reach ` +
      `${exposed.join(', ')}${exposed.length >= 5 ? ' and maybe more' : ''}. ` +
      `Make it private to the user Ariadne runs as, then start again: chmod -R go-rwx ${shellQuote(resolved)}`,
  );
}

/** Takes group and other permissions off everything under `dir` (what Ariadne itself created). */
export function makePrivate(dir: string): void {
  if (!existsSync(dir)) return;
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  chmodSync(dir, st.mode & 0o700);
  if (st.isDirectory()) for (const entry of readdirSync(dir)) makePrivate(path.join(dir, entry));
}

/**
 * Files this process creates from now on are private (umask 077). Not possible in a worker
 * thread; there `makePrivate` after the fact has to do.
 */
export function usePrivateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // worker thread: process-wide umask cannot be changed here
  }
}
