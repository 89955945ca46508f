// The console's API types, generated from the server's own route definitions: builds the Fastify
// app with every route registered (no database opened, nothing listening), takes its OpenAPI
// document and turns it into TypeScript with openapi-typescript, written to
// web/console/src/api/schema.ts (committed). The file is generated, never edited by hand:
//
//   npm run api:types (npx tsx scripts/openapi-types.ts)   writes it
//   npx tsx scripts/openapi-types.ts --check                fails if the committed file differs (npm run lint)
//
// It is a .ts file rather than a .d.ts because the values of the named enums (lead states, score
// flags, roles) are constants the console needs at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import pg from 'pg';
import pino from 'pino';
import * as prettier from 'prettier';
import { createFsBlobStore } from '../src/platform/blobs/index.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/connect.js';
import { buildHttpServer } from '../src/app/http-server.js';
import type { Jobs } from '../src/platform/jobs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = path.join(root, 'web/console/src/api/schema.ts');
export const REGENERATE = 'npx tsx scripts/openapi-types.ts';

function unavailable(what: string): never {
  throw new Error(`${what} is not available while the API document is generated`);
}

/**
 * The OpenAPI document the server publishes at /api/openapi.json. Registering routes reads no
 * data, so the app is built on a pool that never connects and a queue that refuses every call:
 * anything that tried to use either while the document is built would fail loudly here.
 */
export async function apiDocument(): Promise<OpenAPI3> {
  const config = loadConfig({
    DATA_DIR: '/nonexistent/ariadne-openapi',
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
    SESSION_SECRET: Buffer.alloc(32, 1).toString('base64'),
    FIELD_ENCRYPTION_KEYS: `doc:${Buffer.alloc(32, 2).toString('base64')}`,
    IDENTIFIER_PEPPER: Buffer.alloc(32, 3).toString('base64'),
    AUDIT_KEYS: `doc:${Buffer.alloc(32, 4).toString('base64')}`,
    LOG_LEVEL: 'silent',
  });
  const connection: pg.PoolConfig = { connectionString: config.databaseUrl ?? '' };
  const pool = new pg.Pool(connection);
  const database: Database = {
    db: drizzle(pool),
    pool,
    connection,
    mode: 'production',
    ownsEmbedded: false,
    close: () => pool.end(),
  };
  const jobs: Jobs = {
    send: () => unavailable('The job queue'),
    work: () => unavailable('The job queue'),
    fail: () => unavailable('The job queue'),
    schedule: () => unavailable('The job queue'),
    stop: async () => {},
    get boss(): never {
      return unavailable('The job queue');
    },
  };
  const app = await buildHttpServer({
    config,
    database,
    blobs: createFsBlobStore('/nonexistent/ariadne-openapi/blobs'),
    jobs,
    log: pino({ level: 'silent' }),
  });
  try {
    await app.ready();
    return app.swagger() as unknown as OpenAPI3;
  } finally {
    await app.close();
    await database.close();
  }
}

/**
 * The values of every named enum (LeadState, ScoreFlag, Role, …), as constants the console can
 * iterate. Written here rather than by openapi-typescript's `enumValues`, which also names every
 * inline enum and trips over enums inside nullable objects.
 */
function enumConstants(doc: OpenAPI3): string {
  const lines: string[] = [];
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const values = (schema as { enum?: unknown[] }).enum;
    if (name.endsWith('Input') || !values?.every((v) => typeof v === 'string')) continue;
    const constant = `${name[0]!.toLowerCase()}${name.slice(1)}Values`;
    lines.push(
      `export const ${constant} = ${JSON.stringify(values)} as const satisfies readonly components['schemas']['${name}'][];`,
    );
  }
  return lines.join('\n');
}

/** The TypeScript for a document, formatted as the repository formats its files. */
export async function apiTypes(doc: OpenAPI3): Promise<string> {
  const ast = await openapiTS(doc, { alphabetize: true });
  const header = [
    "// Generated from the server's OpenAPI document by scripts/openapi-types.ts: do not edit.",
    `// Regenerate with \`${REGENERATE}\` after changing a route's schema.`,
  ].join('\n');
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  return prettier.format(`${header}\n${astToString(ast)}\n${enumConstants(doc)}\n`, {
    ...options,
    filepath: SCHEMA_FILE,
  });
}

async function main(): Promise<void> {
  const text = await apiTypes(await apiDocument());
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // A missing file differs like any other.
    }
    if (committed !== text) {
      process.stderr.write(
        `${path.relative(root, SCHEMA_FILE)} does not match the server's routes. Regenerate it: ${REGENERATE}\n`,
      );
      process.exit(1);
    }
    process.stdout.write(`${path.relative(root, SCHEMA_FILE)} matches the server's routes.\n`);
    return;
  }
  writeFileSync(SCHEMA_FILE, text);
  process.stdout.write(`wrote ${path.relative(root, SCHEMA_FILE)}\n`);
}

if (process.argv[1]?.endsWith('openapi-types.ts')) await main();
