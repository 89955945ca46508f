import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ENV_VARS,
  loadConfig,
  reloadEmbeddedFieldKeys,
  addEmbeddedFieldKey,
} from './config.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'ariadne-config-'));

describe('configuration', () => {
  it('starts embedded with defaults and generates secrets once, readable only by the owner', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.mode).toBe('embedded');
    expect(a.port).toBe(3000);
    expect(a.cookieSecure).toBe(false);
    expect(a.demoData).toBe(true);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const b = loadConfig({ DATA_DIR: dir });
    expect(b.secrets.sessionSecret.equals(a.secrets.sessionSecret)).toBe(true);
    expect(b.secrets.identifierPepper.length).toBe(32);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('IDENTIFIER_PEPPER');
  });

  it('names every wrong variable and what it expects, all at once', () => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT: .*number/i);
    expect(problems).toMatch(/LOG_LEVEL: /);
    expect(problems).toMatch(/DATABASE_URL: expected a postgres/);
  });

  it('reads the crawl allow-list and says which entry is wrong', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).crawl.allowPrivateAddresses).toEqual([]);
    const config = loadConfig({
      DATA_DIR: tmp(),
      CRAWL_ALLOW_PRIVATE_ADDRESSES: 'board.lan:8080, 10.0.5.0/24',
    });
    expect(config.crawl.allowPrivateAddresses.map((e) => e.text)).toEqual([
      'board.lan:8080',
      '10.0.5.0/24',
    ]);
    expect(() =>
      loadConfig({ DATA_DIR: tmp(), CRAWL_ALLOW_PRIVATE_ADDRESSES: '127.0.0.1:3100,http://x/' }),
    ).toThrow(/CRAWL_ALLOW_PRIVATE_ADDRESSES: "http:\/\/x\/": expected a host name/);
  });

  it('requires secrets in production and never prints their values', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(
      /SESSION_SECRET: required/,
    );
    try {
      loadConfig({
        DATABASE_URL: 'postgres://localhost/x',
        SESSION_SECRET: 'c2hvcnQ=',
        FIELD_ENCRYPTION_KEYS: 'k:abc',
        IDENTIFIER_PEPPER: 'x',
      });
    } catch (err) {
      const text = (err as Error).message;
      expect(text).toMatch(/SESSION_SECRET/);
      expect(text).toMatch(/FIELD_ENCRYPTION_KEYS/);
      expect(text).not.toContain('c2hvcnQ=');
    }
  });

  it('requires a bucket for S3 storage', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), BLOB_STORE: 's3' })).toThrow(/S3_BUCKET/);
  });

  it('documents every variable', () => {
    for (const [name, spec] of Object.entries(ENV_VARS))
      expect(spec.doc.length, name).toBeGreaterThan(10);
  });

  it('picks up a rotated embedded key in a running config', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    const before = config.secrets.fieldKeys[0]!.id;
    const fresh = addEmbeddedFieldKey(dir);
    expect(reloadEmbeddedFieldKeys(config, {})).toBe(true);
    expect(config.secrets.fieldKeys.map((k) => k.id)).toEqual([fresh, before]);
  });
});
