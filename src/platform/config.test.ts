import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  ENV_VARS,
  RETIRED_VARS,
  loadConfig,
  reloadEmbeddedFieldKeys,
  addEmbeddedFieldKey,
  addEmbeddedAuditKey,
  reloadEmbeddedAuditKeys,
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

  it('reads the referral reminder and link lifetimes, 5 and 14 days unless set', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).referrals).toEqual({ reminderDays: 5, linkDays: 14 });
    expect(
      loadConfig({ DATA_DIR: tmp(), REFERRAL_REMINDER_DAYS: '3', REFERRAL_LINK_DAYS: '30' })
        .referrals,
    ).toEqual({ reminderDays: 3, linkDays: 30 });
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tmp(), REFERRAL_REMINDER_DAYS: '0', REFERRAL_LINK_DAYS: 'two weeks' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/REFERRAL_REMINDER_DAYS: .*got "0"/);
    expect(problems).toMatch(/REFERRAL_LINK_DAYS: .*got "two weeks"/);
    expect(() => loadConfig({ DATA_DIR: tmp(), REFERRAL_LINK_DAYS: '91' })).toThrow(
      /REFERRAL_LINK_DAYS/,
    );
  });

  it("reads the chat line's quick-exit page: http(s) only, the widget's default when unset", () => {
    expect(loadConfig({ DATA_DIR: tmp() }).chat.exitUrl).toBeUndefined();
    expect(
      loadConfig({ DATA_DIR: tmp(), CHAT_EXIT_URL: 'https://weer.example.nl/' }).chat.exitUrl,
    ).toBe('https://weer.example.nl/');
    expect(() => loadConfig({ DATA_DIR: tmp(), CHAT_EXIT_URL: 'javascript:alert(1)' })).toThrow(
      /CHAT_EXIT_URL/,
    );
  });

  it('names a retired variable that is set, and what became of it, without refusing to start', () => {
    expect(loadConfig({ DATA_DIR: tmp() }).retiredVars).toEqual([]);
    const c = loadConfig({ DATA_DIR: tmp(), CHAT_STORE_VISITOR_META: 'true' });
    expect(c.retiredVars).toHaveLength(1);
    expect(c.retiredVars[0]).toMatch(/^CHAT_STORE_VISITOR_META: .*keeps no visitor's address/);
    // A retired name is never also a live one.
    for (const name of Object.keys(RETIRED_VARS)) expect(ENV_VARS).not.toHaveProperty(name);
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

  it('generates an audit key in embedded mode, also into a secrets file from an older version', () => {
    const fresh = loadConfig({ DATA_DIR: tmp() });
    expect(fresh.secrets.auditKeys).toHaveLength(1);
    expect(fresh.secrets.auditKeys[0]!.key.length).toBe(32);

    const dir = tmp();
    const older = {
      SESSION_SECRET: Buffer.alloc(32, 1).toString('base64'),
      FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 2).toString('base64')}`,
      IDENTIFIER_PEPPER: Buffer.alloc(32, 3).toString('base64'),
    };
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify(older), { mode: 0o600 });
    const upgraded = loadConfig({ DATA_DIR: dir });
    const file = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(file).toMatchObject(older);
    expect(file.AUDIT_KEYS).toMatch(/^a[0-9a-z]+:/);
    expect(upgraded.secrets.auditKeys[0]!.id).toBe(file.AUDIT_KEYS!.split(':')[0]);
    expect(loadConfig({ DATA_DIR: dir }).secrets.auditKeys[0]!.id).toBe(
      upgraded.secrets.auditKeys[0]!.id,
    );
  });

  it('logs for a person reading a terminal in embedded mode and for a collector in production', () => {
    const embedded = loadConfig({ DATA_DIR: tmp() });
    expect([embedded.logPretty, embedded.logRequests]).toEqual([true, false]);
    const production = loadConfig({
      DATABASE_URL: 'postgres://localhost/x',
      SESSION_SECRET: Buffer.alloc(32, 1).toString('base64'),
      FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 2).toString('base64')}`,
      IDENTIFIER_PEPPER: Buffer.alloc(32, 3).toString('base64'),
      AUDIT_KEYS: `a1:${Buffer.alloc(32, 4).toString('base64')}`,
    });
    expect([production.logPretty, production.logRequests]).toEqual([false, true]);
    const chosen = loadConfig({ DATA_DIR: tmp(), LOG_PRETTY: 'false', LOG_REQUESTS: 'true' });
    expect([chosen.logPretty, chosen.logRequests]).toEqual([false, true]);
  });

  it('requires the audit key in production, and distinct 32-byte keys', () => {
    const production = {
      DATABASE_URL: 'postgres://localhost/x',
      SESSION_SECRET: Buffer.alloc(32, 1).toString('base64'),
      FIELD_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 2).toString('base64')}`,
      IDENTIFIER_PEPPER: Buffer.alloc(32, 3).toString('base64'),
    };
    expect(() => loadConfig(production)).toThrow(
      /AUDIT_KEYS: required when DATABASE_URL is set \(production\)/,
    );
    const key = Buffer.alloc(32, 4).toString('base64');
    expect(() => loadConfig({ ...production, AUDIT_KEYS: `a1:${key},a1:${key}` })).toThrow(
      /AUDIT_KEYS: every key id must be different/,
    );
    expect(() => loadConfig({ ...production, AUDIT_KEYS: 'a1:c2hvcnQ=' })).toThrow(
      /AUDIT_KEYS: every key must be 32 bytes/,
    );
    const ok = loadConfig({ ...production, AUDIT_KEYS: `a2:${key},a1:${key.replace('B', 'C')}` });
    expect(ok.secrets.auditKeys.map((k) => k.id)).toEqual(['a2', 'a1']);
    expect(ok.audit).toEqual({ tsa: null, tsaTrustFile: null, anchorIntervalMinutes: 60 });
  });

  it('needs a trust file with certificates for a time-stamping authority, and a whole interval', () => {
    const dir = tmp();
    const notPem = path.join(dir, 'ca.txt');
    writeFileSync(notPem, 'not a certificate');
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig({ DATA_DIR: dir, ...env });
        return '';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ AUDIT_TSA_URL: 'https://tsa.example.org/' })).toMatch(
      /AUDIT_TSA_TRUST_FILE: required when AUDIT_TSA_URL is set/,
    );
    expect(problems({ AUDIT_TSA_TRUST_FILE: notPem })).toMatch(/holds no PEM certificate/);
    expect(problems({ AUDIT_TSA_TRUST_FILE: path.join(dir, 'nope.pem') })).toMatch(
      /cannot read .*nope\.pem \(ENOENT\)/,
    );
    expect(problems({ AUDIT_ANCHOR_INTERVAL_MINUTES: '45' })).toMatch(
      /AUDIT_ANCHOR_INTERVAL_MINUTES: expected one of 1, 2, .* 1440/,
    );
    expect(problems({ AUDIT_TSA_URL: 'ftp://tsa.example.org/' })).toMatch(/AUDIT_TSA_URL/);
    const pem = path.join(dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = loadConfig({
      DATA_DIR: dir,
      AUDIT_TSA_URL: 'https://tsa.example.org/',
      AUDIT_TSA_TRUST_FILE: pem,
      AUDIT_ANCHOR_INTERVAL_MINUTES: '15',
    });
    expect(config.audit).toEqual({
      tsa: { url: 'https://tsa.example.org/', timeoutMs: 20_000 },
      tsaTrustFile: pem,
      anchorIntervalMinutes: 15,
    });
  });

  it('picks up a rotated embedded audit key, keeping the older ones', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    const before = config.secrets.auditKeys[0]!.id;
    const fresh = addEmbeddedAuditKey(dir);
    expect(reloadEmbeddedAuditKeys(config, {})).toBe(true);
    expect(config.secrets.auditKeys.map((k) => k.id)).toEqual([fresh, before]);
    expect(reloadEmbeddedAuditKeys(config, {})).toBe(false);
  });
});
