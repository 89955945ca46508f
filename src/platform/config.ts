// Configuration: every environment variable Ariadne reads, validated with zod at start-up.
// Code elsewhere receives a Config object; nothing deep in the code reads process.env.
// In embedded mode (no DATABASE_URL) missing secrets are generated once into DATA_DIR/secrets.json;
// in production they must be given, because a generated secret on one of several servers would
// split sessions and make encrypted fields unreadable on the others.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.stringbool({
  truthy: ['1', 'true', 'yes', 'on'],
  falsy: ['0', 'false', 'no', 'off'],
});
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const base64Key = (bytes: number) =>
  z
    .string()
    .refine((s) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(s) && Buffer.from(s, 'base64').length >= bytes, {
      message: `expected base64 encoding ${bytes} or more random bytes (generate one with: openssl rand -base64 ${bytes})`,
    });

/** One documented variable: its schema, its default and what it is for (README's reference is generated from this). */
interface VarSpec {
  schema: z.ZodType;
  default?: string;
  doc: string;
  /** Value may reach the browser (nothing secret). */
  public?: boolean;
  secret?: boolean;
}

export const ENV_VARS = {
  DATABASE_URL: {
    schema: z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL'),
    doc: 'PostgreSQL connection string. Unset: embedded PGlite database in DATA_DIR/pglite.',
  },
  DATABASE_POOL_SIZE: { schema: int(1, 200), default: '10', doc: 'Connections per process.' },
  DATA_DIR: {
    schema: z.string().min(1),
    default: './data',
    doc: 'Where embedded mode keeps its database, blobs and generated secrets.',
  },
  HOST: {
    schema: z.string().min(1),
    default: '127.0.0.1',
    doc: 'Address the HTTP server binds to.',
  },
  PORT: { schema: int(0, 65535), default: '3000', doc: 'Port the HTTP server listens on.' },
  PUBLIC_URL: {
    schema: z.url(),
    default: 'http://localhost:3000',
    doc: 'URL operators use to reach the console (links, TOTP label).',
    public: true,
  },
  TRUST_PROXY: {
    schema: bool,
    default: 'false',
    doc: 'Trust X-Forwarded-* headers (set when behind a load balancer).',
  },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
    doc: 'pino log level.',
  },
  LOG_PRETTY: {
    schema: bool,
    default: 'false',
    doc: 'Human-readable logs instead of JSON lines.',
  },
  SESSION_SECRET: {
    schema: base64Key(32),
    doc: 'Signs session cookies. Generated in embedded mode; required in production.',
    secret: true,
  },
  FIELD_ENCRYPTION_KEYS: {
    schema: z
      .string()
      .regex(
        /^[a-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]+(,[a-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]+)*$/,
        'expected "keyid:base64key[,keyid:base64key…]" — the first key encrypts, all decrypt',
      )
      .refine(
        (s) =>
          s.split(',').every((p) => Buffer.from(p.split(':')[1] ?? '', 'base64').length === 32),
        { message: 'every key must be 32 bytes of base64 (openssl rand -base64 32)' },
      ),
    doc: 'AES-256-GCM keys for personal data at rest, "id:base64[,id:base64…]"; the first encrypts, the others still decrypt until `ariadne keys rotate` has run.',
    secret: true,
  },
  IDENTIFIER_PEPPER: {
    schema: base64Key(32),
    doc: 'HMAC-SHA-256 key for linking identifiers (phones, handles) without storing them in the clear. Never change it on a live system: every link depends on it.',
    secret: true,
  },
  COOKIE_SECURE: {
    schema: bool,
    doc: 'Mark cookies Secure (HTTPS only). Default: false in embedded mode, true otherwise.',
  },
  SESSION_IDLE_MINUTES: {
    schema: int(1, 24 * 60),
    default: '30',
    doc: 'Sign out after this long idle.',
  },
  SESSION_ABSOLUTE_HOURS: {
    schema: int(1, 24 * 7),
    default: '12',
    doc: 'Sign out this long after sign-in, active or not.',
  },
  LOGIN_MAX_FAILURES: {
    schema: int(1, 100),
    default: '5',
    doc: 'Failed sign-ins (password or code) to one account from one client address before that address has to pause; other addresses are not affected (README "Security model").',
  },
  LOGIN_LOCKOUT_MINUTES: {
    schema: int(1, 24 * 60),
    default: '15',
    doc: 'The first pause; each further failure from the address doubles it.',
  },
  LOGIN_LOCKOUT_MAX_MINUTES: {
    schema: int(1, 24 * 60),
    default: '240',
    doc: 'The longest pause an address gets, however many failures follow.',
  },
  LOGIN_ACCOUNT_MAX_FAILURES: {
    schema: int(1, 100_000),
    default: '50',
    doc: 'Failed sign-ins to one account within a day from addresses it has not been signed in from in the last 90 days; beyond it, such addresses are turned away until those failures are a day old, while the usual ones keep working.',
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: int(1, 1_000_000),
    default: '600',
    doc: 'Requests per minute per client address to the API.',
  },
  AUTH_RATE_LIMIT_PER_MINUTE: {
    schema: int(1, 100_000),
    default: '20',
    doc: 'Sign-in attempts per minute per client address.',
  },
  BODY_LIMIT_BYTES: {
    schema: int(1024, 1024 ** 3),
    default: String(1024 * 1024),
    doc: 'Largest accepted JSON request body.',
  },
  BLOB_STORE: {
    schema: z.enum(['fs', 's3']),
    default: 'fs',
    doc: 'Where captures and files go: "fs" (BLOB_DIR) or "s3" (S3-compatible storage).',
  },
  BLOB_DIR: {
    schema: z.string().min(1),
    doc: 'Blob directory for BLOB_STORE=fs. Default: DATA_DIR/blobs.',
  },
  S3_BUCKET: { schema: z.string().min(3), doc: 'Bucket for BLOB_STORE=s3.' },
  S3_REGION: { schema: z.string().min(1), default: 'us-east-1', doc: 'Region of the S3 bucket.' },
  S3_ENDPOINT: {
    schema: z.url(),
    doc: 'Endpoint of an S3-compatible service (MinIO, Garage, Ceph…); unset for AWS.',
  },
  S3_ACCESS_KEY_ID: {
    schema: z.string().min(1),
    doc: 'S3 access key (or use the AWS default chain).',
  },
  S3_SECRET_ACCESS_KEY: { schema: z.string().min(1), doc: 'S3 secret access key.', secret: true },
  S3_FORCE_PATH_STYLE: {
    schema: bool,
    default: 'true',
    doc: 'Path-style bucket URLs (what most self-hosted S3 services need).',
  },
  WORKER_CONCURRENCY: {
    schema: int(1, 256),
    default: '4',
    doc: 'Jobs one worker process runs at once.',
  },
  DEMO_DATA: {
    schema: bool,
    doc: 'Seed demo data and the synthetic ad board on start. Default: true in embedded mode, false otherwise.',
  },
  AD_BOARD_PORT: {
    schema: int(0, 65535),
    default: '3100',
    doc: 'Demo mode: port of the synthetic ad board (site A; site B is the next port), on loopback only.',
  },
  DEMO_SMSC_PORT: {
    schema: int(0, 65535),
    default: '3102',
    doc: 'Demo mode: port of the simulated SMSC behind the demo SMS channel (simulated phones that answer), on loopback only; a free port when it is taken.',
  },
  WEB_DEV: {
    schema: bool,
    default: 'false',
    doc: 'Serve the console through the Vite dev server (hot reload) instead of the built files.',
  },
  DB_CONNECT_RETRIES: {
    schema: int(0, 1000),
    default: '10',
    doc: 'How often to retry reaching the database at start before giving up (2 s apart).',
  },
  LINK_STRONG_KINDS: {
    schema: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(['phone', 'email', 'messenger', 'image'])).min(1)),
    default: 'phone,email,messenger',
    doc: 'Identifier kinds that join ads into one entity (comma-separated: phone, email, messenger, image).',
  },
  LINK_NEAR_DUP_THRESHOLD: {
    schema: z.coerce.number().min(0.3).max(1),
    default: '0.6',
    doc: 'Estimated Jaccard similarity of word shingles above which two ads share a text template.',
  },
  LINK_MERGE_NEAR_DUPLICATES: {
    schema: bool,
    default: 'false',
    doc: 'Also join ads with near-duplicate text into one entity (off: shown as similar ads and a signal only).',
  },
  OUTREACH_RULES_FILE: {
    schema: z.string().min(1),
    doc: 'JSON file with the contact rules (unanswered limit, gap, quiet hours, rate limits, safety words); see README "Outreach". Unset: the defaults.',
  },
  ORGANISATION_NAMES: {
    schema: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(2).max(120)).max(20)),
    doc: "The organisation's names and abbreviations (comma-separated), flagged when a first message would name them.",
  },
} satisfies Record<string, VarSpec>;

export type EnvName = keyof typeof ENV_VARS;

export interface Config {
  mode: 'embedded' | 'production';
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  host: string;
  port: number;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: string;
  logPretty: boolean;
  secrets: {
    sessionSecret: Buffer;
    /** First entry encrypts; all decrypt. */
    fieldKeys: { id: string; key: Buffer }[];
    identifierPepper: Buffer;
  };
  cookieSecure: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailures: number;
  loginLockoutMs: number;
  loginLockoutMaxMs: number;
  loginAccountMaxFailures: number;
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  bodyLimitBytes: number;
  blobs:
    | { kind: 'fs'; dir: string }
    | {
        kind: 's3';
        bucket: string;
        region: string;
        endpoint: string | undefined;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      };
  workerConcurrency: number;
  demoData: boolean;
  adBoardPort: number;
  demoSmscPort: number;
  webDev: boolean;
  dbConnectRetries: number;
  link: {
    strongKinds: ('phone' | 'email' | 'messenger' | 'image')[];
    nearDupThreshold: number;
    mergeNearDuplicates: boolean;
  };
  outreach: {
    /** Validated by the outreach context at start (its rules schema lives there). */
    rulesFile: string | undefined;
    organisationNames: string[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

interface SecretsFile {
  SESSION_SECRET: string;
  FIELD_ENCRYPTION_KEYS: string;
  IDENTIFIER_PEPPER: string;
}

const SecretsFileSchema = z.object({
  SESSION_SECRET: z.string(),
  FIELD_ENCRYPTION_KEYS: z.string(),
  IDENTIFIER_PEPPER: z.string(),
});

export function secretsFilePath(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

export function generateFieldKey(): { id: string; key: string } {
  return { id: `k${Date.now().toString(36)}`, key: randomBytes(32).toString('base64') };
}

/** Reads DATA_DIR/secrets.json, creating it with fresh random secrets the first time (mode 0600). */
export function loadOrCreateEmbeddedSecrets(dataDir: string): SecretsFile {
  const file = secretsFilePath(dataDir);
  if (existsSync(file)) {
    const parsed = SecretsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new ConfigError([`${file} is damaged: ${z.prettifyError(parsed.error)}`]);
    }
    return parsed.data;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fieldKey = generateFieldKey();
  const secrets: SecretsFile = {
    SESSION_SECRET: randomBytes(32).toString('base64'),
    FIELD_ENCRYPTION_KEYS: `${fieldKey.id}:${fieldKey.key}`,
    IDENTIFIER_PEPPER: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secrets;
}

/** Writes a new active field key in front of the embedded secrets (used by `ariadne keys rotate`). */
export function addEmbeddedFieldKey(dataDir: string): string {
  const secrets = loadOrCreateEmbeddedSecrets(dataDir);
  const fresh = generateFieldKey();
  secrets.FIELD_ENCRYPTION_KEYS = `${fresh.id}:${fresh.key},${secrets.FIELD_ENCRYPTION_KEYS}`;
  writeFileSync(secretsFilePath(dataDir), JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return fresh.id;
}

function parseFieldKeys(value: string): { id: string; key: Buffer }[] {
  return value.split(',').map((pair) => {
    const [id, key] = pair.split(':') as [string, string];
    return { id, key: Buffer.from(key, 'base64') };
  });
}

/**
 * Parses the environment. Every problem is collected and reported at once, each naming the
 * variable and what it expects, so an operator fixes a deployment in one round.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const raw: Partial<Record<EnvName, unknown>> = {};
  for (const [name, spec] of Object.entries(ENV_VARS) as [EnvName, VarSpec][]) {
    const given = env[name];
    const value = given === undefined || given === '' ? spec.default : given;
    if (value === undefined) continue;
    const parsed = spec.schema.safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else
      problems.push(
        `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')} (got ${spec.secret ? 'a value that is hidden here' : JSON.stringify(value)})`,
      );
  }
  const mode = raw.DATABASE_URL ? 'production' : 'embedded';
  const dataDir = path.resolve((raw.DATA_DIR as string | undefined) ?? './data');

  let secretValues: Partial<SecretsFile> = {
    SESSION_SECRET: raw.SESSION_SECRET as string | undefined,
    FIELD_ENCRYPTION_KEYS: raw.FIELD_ENCRYPTION_KEYS as string | undefined,
    IDENTIFIER_PEPPER: raw.IDENTIFIER_PEPPER as string | undefined,
  };
  const missing = (Object.keys(secretValues) as (keyof SecretsFile)[]).filter(
    (k) => secretValues[k] === undefined && env[k] === undefined,
  );
  if (missing.length > 0 && problems.length === 0) {
    if (mode === 'embedded') {
      try {
        const stored = loadOrCreateEmbeddedSecrets(dataDir);
        secretValues = {
          ...stored,
          ...Object.fromEntries(Object.entries(secretValues).filter(([, v]) => v)),
        };
      } catch (err) {
        problems.push(
          err instanceof ConfigError ? err.problems.join('; ') : `secrets: ${String(err)}`,
        );
      }
    } else {
      for (const name of missing) {
        problems.push(
          `${name}: required when DATABASE_URL is set (production); ${ENV_VARS[name].doc}`,
        );
      }
    }
  }

  const blobKind = (raw.BLOB_STORE as 'fs' | 's3' | undefined) ?? 'fs';
  if (blobKind === 's3' && !raw.S3_BUCKET) problems.push('S3_BUCKET: required when BLOB_STORE=s3');

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    dataDir,
    databaseUrl: raw.DATABASE_URL as string | undefined,
    databasePoolSize: raw.DATABASE_POOL_SIZE as number,
    host: raw.HOST as string,
    port: raw.PORT as number,
    publicUrl: raw.PUBLIC_URL as string,
    trustProxy: raw.TRUST_PROXY as boolean,
    logLevel: raw.LOG_LEVEL as string,
    logPretty: raw.LOG_PRETTY as boolean,
    secrets: {
      sessionSecret: Buffer.from(secretValues.SESSION_SECRET!, 'base64'),
      fieldKeys: parseFieldKeys(secretValues.FIELD_ENCRYPTION_KEYS!),
      identifierPepper: Buffer.from(secretValues.IDENTIFIER_PEPPER!, 'base64'),
    },
    cookieSecure: (raw.COOKIE_SECURE as boolean | undefined) ?? mode === 'production',
    sessionIdleMs: (raw.SESSION_IDLE_MINUTES as number) * 60_000,
    sessionAbsoluteMs: (raw.SESSION_ABSOLUTE_HOURS as number) * 3_600_000,
    loginMaxFailures: raw.LOGIN_MAX_FAILURES as number,
    loginLockoutMs: (raw.LOGIN_LOCKOUT_MINUTES as number) * 60_000,
    loginLockoutMaxMs:
      Math.max(raw.LOGIN_LOCKOUT_MAX_MINUTES as number, raw.LOGIN_LOCKOUT_MINUTES as number) *
      60_000,
    loginAccountMaxFailures: raw.LOGIN_ACCOUNT_MAX_FAILURES as number,
    rateLimitPerMinute: raw.RATE_LIMIT_PER_MINUTE as number,
    authRateLimitPerMinute: raw.AUTH_RATE_LIMIT_PER_MINUTE as number,
    bodyLimitBytes: raw.BODY_LIMIT_BYTES as number,
    blobs:
      blobKind === 's3'
        ? {
            kind: 's3',
            bucket: raw.S3_BUCKET as string,
            region: raw.S3_REGION as string,
            endpoint: raw.S3_ENDPOINT as string | undefined,
            accessKeyId: raw.S3_ACCESS_KEY_ID as string | undefined,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY as string | undefined,
            forcePathStyle: raw.S3_FORCE_PATH_STYLE as boolean,
          }
        : {
            kind: 'fs',
            dir: path.resolve((raw.BLOB_DIR as string | undefined) ?? path.join(dataDir, 'blobs')),
          },
    workerConcurrency: raw.WORKER_CONCURRENCY as number,
    demoData: (raw.DEMO_DATA as boolean | undefined) ?? mode === 'embedded',
    adBoardPort: raw.AD_BOARD_PORT as number,
    demoSmscPort: raw.DEMO_SMSC_PORT as number,
    webDev: raw.WEB_DEV as boolean,
    dbConnectRetries: raw.DB_CONNECT_RETRIES as number,
    link: {
      strongKinds: raw.LINK_STRONG_KINDS as Config['link']['strongKinds'],
      nearDupThreshold: raw.LINK_NEAR_DUP_THRESHOLD as number,
      mergeNearDuplicates: raw.LINK_MERGE_NEAR_DUPLICATES as boolean,
    },
    outreach: {
      rulesFile: raw.OUTREACH_RULES_FILE as string | undefined,
      organisationNames: (raw.ORGANISATION_NAMES as string[] | undefined) ?? [],
    },
  };
}

/**
 * Re-reads the field keys from DATA_DIR/secrets.json into the running config (embedded mode), so a
 * server keeps working while `ariadne keys rotate` runs in another process. Keys given through the
 * environment are left alone.
 */
export function reloadEmbeddedFieldKeys(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (config.mode !== 'embedded' || env.FIELD_ENCRYPTION_KEYS) return false;
  const stored = loadOrCreateEmbeddedSecrets(config.dataDir);
  const keys = parseFieldKeys(stored.FIELD_ENCRYPTION_KEYS);
  if (keys.map((k) => k.id).join(',') === config.secrets.fieldKeys.map((k) => k.id).join(','))
    return false;
  config.secrets.fieldKeys.splice(0, config.secrets.fieldKeys.length, ...keys);
  return true;
}
