// The checkout's root folder, for the files the program reads outside its own modules (drizzle/,
// web/console/). The same module runs from src/ (tests, tsx) and from dist/src/ (the compiled
// `ariadne` command), one folder deeper, so a fixed count of '..' would be wrong in one of them:
// the root is the nearest folder above this module that holds package.json.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
