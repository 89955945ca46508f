// The console's catalogue of server messages (web/console/src/i18n/server-errors) and the server's
// source files, as the tests that keep the two in step read them: keys flattened to dotted paths,
// the `{{parameters}}` a text uses, every non-test .ts file under src.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SRC = path.join(ROOT, 'src');
const CATALOGUE = path.join(ROOT, 'web/console/src/i18n/server-errors');

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Every message of one language's catalogue by its dotted key. */
export const serverCatalogue = (lang: 'en' | 'nl'): Map<string, string> =>
  flatten(JSON.parse(readFileSync(path.join(CATALOGUE, `${lang}.json`), 'utf8')) as Tree);

/** The names of the `{{parameters}}` a text uses, sorted. */
export const placeholders = (text: string) =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** The server's source files under a folder, tests left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}
