// Configuration: every environment variable Ariadne reads, validated with zod at start-up.
// Code elsewhere receives a Config object; nothing deep in the code reads process.env.
// In embedded mode (no DATABASE_URL) missing secrets are generated once into DATA_DIR/secrets.json;
// in production they must be given, because a generated secret on one of several servers would
// split sessions and make encrypted fields unreadable on the others.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowList, type AllowEntry } from './address-guard.js';

const bool = z.stringbool({
  truthy: ['1', 'true', 'yes', 'on'],
  falsy: ['0', 'false', 'no', 'off'],
});
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** "id:base64[,id:base64…]" with 32-byte keys: the first is active, the others still read. */
const keyList = (what: string) =>
  z
    .string()
    .regex(
      /^[a-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]+(,[a-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]+)*$/,
      `expected "keyid:base64key[,keyid:base64key…]" — the first key ${what}`,
    )
    .refine(
      (s) => s.split(',').every((p) => Buffer.from(p.split(':')[1] ?? '', 'base64').length === 32),
      { message: 'every key must be 32 bytes of base64 (openssl rand -base64 32)' },
    )
    .refine((s) => new Set(s.split(',').map((p) => p.split(':')[0])).size === s.split(',').length, {
      message: 'every key id must be different',
    });
/** Anchoring runs from a cron schedule, so the interval must divide an hour or a day evenly. */
const ANCHOR_INTERVALS = [
  1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440,
];
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
    doc: 'Human-readable log lines instead of JSON. Default: true in embedded mode (a terminal a person reads), false otherwise (a log collector reads JSON).',
  },
  LOG_REQUESTS: {
    schema: bool,
    doc: 'A log line for every HTTP request and its response. Default: false in embedded mode, true otherwise. Errors are logged either way.',
  },
  SESSION_SECRET: {
    schema: base64Key(32),
    doc: 'Signs session cookies. Generated in embedded mode; required in production.',
    secret: true,
  },
  FIELD_ENCRYPTION_KEYS: {
    schema: keyList('encrypts, all decrypt'),
    doc: 'AES-256-GCM keys for personal data at rest, "id:base64[,id:base64…]"; the first encrypts, the others still decrypt until `ariadne keys rotate` has run.',
    secret: true,
  },
  IDENTIFIER_PEPPER: {
    schema: base64Key(32),
    doc: 'HMAC-SHA-256 key for linking identifiers (phones, handles) without storing them in the clear. Never change it on a live system: every link depends on it.',
    secret: true,
  },
  AUDIT_KEYS: {
    schema: keyList('chains new audit entries, all verify'),
    doc: 'HMAC-SHA-256 keys that chain the audit log, "id:base64[,id:base64…]"; the first chains new entries, every key ever used must stay listed so `ariadne audit verify` can check the entries it chained. Generated in embedded mode; required in production. Keep it out of the database\'s reach.',
    secret: true,
  },
  AUDIT_TSA_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    doc: "RFC 3161 time-stamping authority that anchors the audit chain's head outside the database. Unset: no anchoring, and entries removed from the end of the log go unnoticed.",
  },
  AUDIT_TSA_TRUST_FILE: {
    schema: z.string().min(1),
    doc: "PEM file with the certificate(s) a time-stamp must chain to (the TSA's CA, or the TSA certificate itself). Required with AUDIT_TSA_URL; keep it set after turning anchoring off, so `ariadne audit verify` still checks the stored anchors.",
  },
  AUDIT_ANCHOR_INTERVAL_MINUTES: {
    schema: z.coerce
      .number()
      .int()
      .refine((n) => ANCHOR_INTERVALS.includes(n), {
        message: `expected one of ${ANCHOR_INTERVALS.join(', ')} (minutes that divide an hour or a day)`,
      }),
    default: '60',
    doc: "How often the scheduler time-stamps the audit chain's head (when AUDIT_TSA_URL is set); entries newer than the last anchor can still be cut off unnoticed.",
  },
  AUDIT_TSA_TIMEOUT_SECONDS: {
    schema: int(1, 300),
    default: '20',
    doc: 'How long to wait for the time-stamping authority before giving up (the anchor job retries later).',
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
    doc: 'Requests per minute per signed-in session, or per client address for requests without one (an office behind one address is many sessions).',
  },
  ADDRESS_RATE_LIMIT_PER_MINUTE: {
    schema: int(1, 10_000_000),
    default: '6000',
    doc: 'Requests per minute per client address, whatever the session: a backstop against one address flooding the server, high enough for an office of workers behind one NAT address.',
  },
  AUTH_RATE_LIMIT_PER_MINUTE: {
    schema: int(1, 100_000),
    default: '20',
    doc: 'Sign-in attempts per minute for one account from one client address; codes and password changes per minute per sign-in session.',
  },
  AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE: {
    schema: int(1, 1_000_000),
    default: '300',
    doc: 'Sign-in attempts per minute per client address, whatever the account (against password spraying; an office signs in many accounts from one address).',
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
  CRAWL_ALLOW_PRIVATE_ADDRESSES: {
    schema: z.string().transform((s, ctx) => {
      try {
        return parseAllowList(s);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
    doc: 'Internal addresses crawls may still fetch, comma-separated: host names, IPs or CIDR ranges, each optionally with :port (e.g. `board.lan:8080,10.0.5.0/24`). Unset: none; loopback, private, link-local and metadata addresses are refused (see "Security model"). Demo mode adds its own board.',
  },
  WORKER_CONCURRENCY: {
    schema: int(1, 256),
    default: '4',
    doc: 'Jobs one worker process runs at once.',
  },
  WORKER_NAME: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._:@-]{1,100}$/, 'expected 1–100 letters, digits or . _ : @ -'),
    doc: 'Name of this worker, the same after a restart (it then fails the crawls its last run left); one per worker on a machine. Default: the host name.',
  },
  DEMO_DATA: {
    schema: bool,
    doc: 'Seed demo data and the synthetic ad and recruitment boards on start. Default: true in embedded mode, false otherwise.',
  },
  DEMO_ADS: {
    schema: int(20, 5000),
    default: '400',
    doc: 'Demo mode: how many ads the synthetic board starts with (set it before the first start; a smaller board settles sooner on a slow machine).',
  },
  AD_BOARD_PORT: {
    schema: int(0, 65535),
    default: '3100',
    doc: 'Demo mode: port of the synthetic ad board (site A; site B is the next port), on loopback only.',
  },
  RECRUIT_BOARD_PORT: {
    schema: int(0, 65535),
    default: '3103',
    doc: 'Demo mode: port of the synthetic job board (the public-channel previews are on the next port), on loopback only.',
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
  RETENTION_CLOSED_CASE_DAYS: {
    schema: int(30, 3650),
    default: '730',
    doc: 'Days a closed case is kept before retention erases it (leaving a tombstone with dates and outcome); a case under a legal hold is kept.',
  },
  RETENTION_CONVERSATION_DAYS: {
    schema: int(7, 3650),
    default: '180',
    doc: 'Days a conversation that belongs to no case is kept after its last message (or its opening) before retention erases it with its messages.',
  },
  RETENTION_UNCONTACTED_LEAD_DAYS: {
    schema: int(7, 3650),
    default: '60',
    doc: 'Days a lead nobody contacted (no conversation about it, in no case) is kept after its last new evidence (an ad joined, changed or left) before retention erases it with its entity, the facts and identifiers of its ads, and the ads. A lead about a minor whose alert no supervisor has acknowledged yet is kept. Entities that never became a lead go after the same period.',
  },
  RETENTION_CAPTURE_DAYS: {
    schema: int(7, 3650),
    default: '30',
    doc: "Days a capture (a fetched page or picture, its WARC record in the blob store) is kept before retention erases it, unless it is evidence of an ad of a kept lead or of a case's entity; a case under a legal hold keeps its captures.",
  },
  RETENTION_CHAT_DAYS: {
    schema: int(1, 3650),
    default: '90',
    doc: "Days a chat line transcript is kept after the chat ended before retention erases it with its messages and notes (a chat's case keeps what was copied into it).",
  },
  CHAT_PUBLIC_ORIGINS: {
    schema: z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .url({ protocol: /^https?$/ })
              .refine((u) => new URL(u).origin === u.replace(/\/$/, ''), {
                message: 'an origin only: scheme, host and port, no path (https://example.org)',
              }),
          )
          .min(1)
          .max(20),
      ),
    doc: "Origins (comma-separated) of the pages that embed the chat widget; a visitor's WebSocket from any other origin is refused. Unset: PUBLIC_URL's origin only.",
  },
  CHAT_TIME_ZONE: {
    schema: z.string().refine(
      (zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      },
      { message: 'not an IANA time zone (e.g. Europe/Amsterdam)' },
    ),
    default: 'Europe/Amsterdam',
    doc: "The organisation's time zone, in which CHAT_OFFICE_HOURS are read.",
    public: true,
  },
  CHAT_OFFICE_HOURS: {
    schema: z.string().min(1).max(500),
    default: 'mon-sun 00:00-24:00',
    doc: 'When operators answer the chat line, e.g. "mon-fri 09:00-21:00; sat-sun 12:00-18:00" (in CHAT_TIME_ZONE); outside them the widget shows when it opens.',
    public: true,
  },
  CHAT_MAX_PER_OPERATOR: {
    schema: int(1, 20),
    default: '3',
    doc: 'Chats one operator may hold at once (taking more is refused).',
  },
  CHAT_UNANSWERED_MINUTES: {
    schema: int(1, 120),
    default: '5',
    doc: "Minutes a taken chat may leave the visitor's message unanswered before it goes back to the queue and supervisors are alerted.",
  },
  CHAT_EXIT_URL: {
    schema: z.url({ protocol: /^https?$/ }),
    doc: "The neutral page quick exit on /chat goes to (location.replace, so no history entry): a site nobody would wonder about on the person's phone. Unset: the widget's default (a weather page). An embedding page sets its own with data-exit-url.",
  },
  CHAT_MESSAGES_PER_MINUTE: {
    schema: int(1, 600),
    default: '20',
    doc: 'Frames a visitor may send per minute in one chat (bursts of the same size allowed).',
  },
  CHAT_ADDRESS_PER_MINUTE: {
    schema: int(1, 1_000_000),
    default: '60',
    doc: "Frames and new chats per minute from one address (counted by a keyed hash of it, in memory), over all of that address's chats.",
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
  REFERRAL_REMINDER_DAYS: {
    schema: int(1, 90),
    default: '5',
    doc: "Days a referral may wait for the organisation's answer before the worker is reminded to chase it.",
  },
  REFERRAL_LINK_DAYS: {
    schema: int(1, 90),
    default: '14',
    doc: 'Days a secure referral link (for organisations without an account) stays valid; a worker can issue a new one.',
  },
  VAULT_SESSION_IDLE_MINUTES: {
    schema: int(1, 120),
    default: '10',
    doc: "Minutes an unlocked evidence vault stays open without a request from the person's device; then it locks on the server (the app also locks itself).",
  },
  VAULT_UPLOAD_EXPIRY_HOURS: {
    schema: int(1, 168),
    default: '24',
    doc: 'Hours an unfinished vault upload may be resumed; after that its chunks are removed and no item remains.',
  },
  VAULT_MAX_ITEM_MB: {
    schema: int(1, 4000),
    default: '2048',
    doc: 'Largest vault item (its encrypted file) in MiB.',
  },
  VAULT_QUOTA_MB: {
    schema: int(1, 1_000_000),
    default: '10240',
    doc: 'Space one vault may take, in MiB: its items and the uploads under way (the encrypted sizes).',
  },
  VAULT_CREATIONS_PER_HOUR: {
    schema: int(1, 10_000),
    default: '10',
    doc: 'Vaults one address may create in an hour (counted under a keyed hash of the address), so that storage cannot be filled anonymously.',
  },
  VAULT_ADDRESS_FAILURES_PER_HOUR: {
    schema: int(1, 10_000),
    default: '30',
    doc: 'Wrong vault unlock attempts one address may make in an hour, over all vaults (counted under a keyed hash of the address, never the address itself).',
  },
} satisfies Record<string, VarSpec>;

export type EnvName = keyof typeof ENV_VARS;

export interface Config {
  mode: 'embedded' | 'production';
  /** Retired variables found set, each with what became of it (logged at start). */
  retiredVars: string[];
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  host: string;
  port: number;
  publicUrl: string;
  trustProxy: boolean;
  logLevel: string;
  logPretty: boolean;
  /** Fastify's per-request lines ("incoming request", "request completed"). */
  logRequests: boolean;
  secrets: {
    sessionSecret: Buffer;
    /** First entry encrypts; all decrypt. */
    fieldKeys: { id: string; key: Buffer }[];
    identifierPepper: Buffer;
    /** First entry chains new audit entries; every one verifies the entries it chained. */
    auditKeys: { id: string; key: Buffer }[];
  };
  audit: {
    /** Where the chain head is time-stamped; null: not anchored. */
    tsa: { url: string; timeoutMs: number } | null;
    /** Trust anchors for the tokens; may be set without a TSA to verify older anchors. */
    tsaTrustFile: string | null;
    anchorIntervalMinutes: number;
  };
  cookieSecure: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxFailures: number;
  loginLockoutMs: number;
  loginLockoutMaxMs: number;
  loginAccountMaxFailures: number;
  rateLimitPerMinute: number;
  addressRateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  authAddressRateLimitPerMinute: number;
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
  crawl: {
    /** CRAWL_ALLOW_PRIVATE_ADDRESSES: internal addresses a crawl may fetch all the same. */
    allowPrivateAddresses: AllowEntry[];
  };
  workerName: string;
  demoData: boolean;
  demoAds: number;
  adBoardPort: number;
  recruitBoardPort: number;
  demoSmscPort: number;
  webDev: boolean;
  dbConnectRetries: number;
  link: {
    strongKinds: ('phone' | 'email' | 'messenger' | 'image')[];
    nearDupThreshold: number;
    mergeNearDuplicates: boolean;
  };
  /** Days each kind of record is kept (src/app/retention.ts). */
  retention: {
    closedCaseDays: number;
    conversationDays: number;
    uncontactedLeadDays: number;
    captureDays: number;
    chatDays: number;
  };
  chat: {
    /** Origins allowed to open the visitor's WebSocket. */
    publicOrigins: string[];
    timeZone: string;
    /** Validated by the chat context at start (its parser lives there). */
    officeHours: string;
    maxPerOperator: number;
    unansweredMinutes: number;
    /** Where quick exit on /chat goes; unset: the widget's own default. */
    exitUrl: string | undefined;
    messagesPerMinute: number;
    addressPerMinute: number;
  };
  outreach: {
    /** Validated by the outreach context at start (its rules schema lives there). */
    rulesFile: string | undefined;
    organisationNames: string[];
  };
  vault: {
    sessionIdleMs: number;
    uploadExpiryMs: number;
    maxItemBytes: number;
    quotaBytes: number;
    creationsPerHour: number;
    addressFailuresPerHour: number;
  };
  referrals: {
    /** Days before an unanswered referral reminds its worker. */
    reminderDays: number;
    /** Days a secure link stays valid. */
    linkDays: number;
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
  AUDIT_KEYS: string;
}

// AUDIT_KEYS came later: a secrets file written by an older version lacks it and gets one added.
const SecretsFileSchema = z.object({
  SESSION_SECRET: z.string(),
  FIELD_ENCRYPTION_KEYS: z.string(),
  IDENTIFIER_PEPPER: z.string(),
  AUDIT_KEYS: z.string().optional(),
});

export function secretsFilePath(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

export function generateFieldKey(): { id: string; key: string } {
  return { id: `k${Date.now().toString(36)}`, key: randomBytes(32).toString('base64') };
}

export function generateAuditKey(): { id: string; key: string } {
  // Random suffix: a key made in the same millisecond as the last must still get its own id.
  const id = `a${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return { id, key: randomBytes(32).toString('base64') };
}

function writeSecretsFile(dataDir: string, secrets: SecretsFile): void {
  writeFileSync(secretsFilePath(dataDir), JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
}

/** Reads DATA_DIR/secrets.json, creating it with fresh random secrets the first time (mode 0600). */
export function loadOrCreateEmbeddedSecrets(dataDir: string): SecretsFile {
  const file = secretsFilePath(dataDir);
  if (existsSync(file)) {
    const parsed = SecretsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new ConfigError([`${file} is damaged: ${z.prettifyError(parsed.error)}`]);
    }
    if (parsed.data.AUDIT_KEYS) return { ...parsed.data, AUDIT_KEYS: parsed.data.AUDIT_KEYS };
    const auditKey = generateAuditKey();
    const upgraded = { ...parsed.data, AUDIT_KEYS: `${auditKey.id}:${auditKey.key}` };
    writeSecretsFile(dataDir, upgraded);
    return upgraded;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fieldKey = generateFieldKey();
  const auditKey = generateAuditKey();
  const secrets: SecretsFile = {
    SESSION_SECRET: randomBytes(32).toString('base64'),
    FIELD_ENCRYPTION_KEYS: `${fieldKey.id}:${fieldKey.key}`,
    IDENTIFIER_PEPPER: randomBytes(32).toString('base64'),
    AUDIT_KEYS: `${auditKey.id}:${auditKey.key}`,
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
  writeSecretsFile(dataDir, secrets);
  return fresh.id;
}

/**
 * Writes a new active audit key in front of the embedded secrets (`ariadne audit rotate-key`). The
 * old keys stay: entries they chained are verified with them for as long as the log exists.
 */
export function addEmbeddedAuditKey(dataDir: string): string {
  const secrets = loadOrCreateEmbeddedSecrets(dataDir);
  const fresh = generateAuditKey();
  secrets.AUDIT_KEYS = `${fresh.id}:${fresh.key},${secrets.AUDIT_KEYS}`;
  writeSecretsFile(dataDir, secrets);
  return fresh.id;
}

function parseFieldKeys(value: string): { id: string; key: Buffer }[] {
  return value.split(',').map((pair) => {
    const [id, key] = pair.split(':') as [string, string];
    return { id, key: Buffer.from(key, 'base64') };
  });
}

/**
 * Variables Ariadne once read and no longer does, with what became of them. Set, they change
 * nothing, so an operator is told at start rather than left believing the setting holds.
 */
export const RETIRED_VARS: Record<string, string> = {
  CHAT_STORE_VISITOR_META:
    "the chat line keeps no visitor's address or browser any more, whatever this says (migration 0028); remove it",
};

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
    AUDIT_KEYS: raw.AUDIT_KEYS as string | undefined,
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

  const tsaUrl = raw.AUDIT_TSA_URL as string | undefined;
  const trustFile = raw.AUDIT_TSA_TRUST_FILE as string | undefined;
  if (tsaUrl && !trustFile) {
    problems.push(
      'AUDIT_TSA_TRUST_FILE: required when AUDIT_TSA_URL is set (a time-stamp is only worth what its signer is trusted for)',
    );
  }
  if (trustFile) {
    const problem = trustFileProblem(trustFile);
    if (problem) problems.push(`AUDIT_TSA_TRUST_FILE: ${problem}`);
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    retiredVars: Object.entries(RETIRED_VARS)
      .filter(([name]) => env[name] !== undefined && env[name] !== '')
      .map(([name, what]) => `${name}: ${what}`),
    dataDir,
    databaseUrl: raw.DATABASE_URL as string | undefined,
    databasePoolSize: raw.DATABASE_POOL_SIZE as number,
    host: raw.HOST as string,
    port: raw.PORT as number,
    publicUrl: raw.PUBLIC_URL as string,
    trustProxy: raw.TRUST_PROXY as boolean,
    logLevel: raw.LOG_LEVEL as string,
    logPretty: (raw.LOG_PRETTY as boolean | undefined) ?? mode === 'embedded',
    logRequests: (raw.LOG_REQUESTS as boolean | undefined) ?? mode === 'production',
    secrets: {
      sessionSecret: Buffer.from(secretValues.SESSION_SECRET!, 'base64'),
      fieldKeys: parseFieldKeys(secretValues.FIELD_ENCRYPTION_KEYS!),
      identifierPepper: Buffer.from(secretValues.IDENTIFIER_PEPPER!, 'base64'),
      auditKeys: parseFieldKeys(secretValues.AUDIT_KEYS!),
    },
    audit: {
      tsa: tsaUrl
        ? { url: tsaUrl, timeoutMs: (raw.AUDIT_TSA_TIMEOUT_SECONDS as number) * 1000 }
        : null,
      tsaTrustFile: trustFile ? path.resolve(trustFile) : null,
      anchorIntervalMinutes: raw.AUDIT_ANCHOR_INTERVAL_MINUTES as number,
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
    addressRateLimitPerMinute: raw.ADDRESS_RATE_LIMIT_PER_MINUTE as number,
    authRateLimitPerMinute: raw.AUTH_RATE_LIMIT_PER_MINUTE as number,
    authAddressRateLimitPerMinute: raw.AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE as number,
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
    crawl: {
      allowPrivateAddresses: (raw.CRAWL_ALLOW_PRIVATE_ADDRESSES as AllowEntry[] | undefined) ?? [],
    },
    workerName: (raw.WORKER_NAME as string | undefined) ?? hostname(),
    demoData: (raw.DEMO_DATA as boolean | undefined) ?? mode === 'embedded',
    demoAds: raw.DEMO_ADS as number,
    adBoardPort: raw.AD_BOARD_PORT as number,
    recruitBoardPort: raw.RECRUIT_BOARD_PORT as number,
    demoSmscPort: raw.DEMO_SMSC_PORT as number,
    webDev: raw.WEB_DEV as boolean,
    dbConnectRetries: raw.DB_CONNECT_RETRIES as number,
    link: {
      strongKinds: raw.LINK_STRONG_KINDS as Config['link']['strongKinds'],
      nearDupThreshold: raw.LINK_NEAR_DUP_THRESHOLD as number,
      mergeNearDuplicates: raw.LINK_MERGE_NEAR_DUPLICATES as boolean,
    },
    retention: {
      closedCaseDays: raw.RETENTION_CLOSED_CASE_DAYS as number,
      conversationDays: raw.RETENTION_CONVERSATION_DAYS as number,
      uncontactedLeadDays: raw.RETENTION_UNCONTACTED_LEAD_DAYS as number,
      captureDays: raw.RETENTION_CAPTURE_DAYS as number,
      chatDays: raw.RETENTION_CHAT_DAYS as number,
    },
    chat: {
      publicOrigins: (raw.CHAT_PUBLIC_ORIGINS as string[] | undefined)?.map(
        (o) => new URL(o).origin,
      ) ?? [new URL(raw.PUBLIC_URL as string).origin],
      timeZone: raw.CHAT_TIME_ZONE as string,
      officeHours: raw.CHAT_OFFICE_HOURS as string,
      maxPerOperator: raw.CHAT_MAX_PER_OPERATOR as number,
      unansweredMinutes: raw.CHAT_UNANSWERED_MINUTES as number,
      exitUrl: raw.CHAT_EXIT_URL as string | undefined,
      messagesPerMinute: raw.CHAT_MESSAGES_PER_MINUTE as number,
      addressPerMinute: raw.CHAT_ADDRESS_PER_MINUTE as number,
    },
    outreach: {
      rulesFile: raw.OUTREACH_RULES_FILE as string | undefined,
      organisationNames: (raw.ORGANISATION_NAMES as string[] | undefined) ?? [],
    },
    referrals: {
      reminderDays: raw.REFERRAL_REMINDER_DAYS as number,
      linkDays: raw.REFERRAL_LINK_DAYS as number,
    },
    vault: {
      sessionIdleMs: (raw.VAULT_SESSION_IDLE_MINUTES as number) * 60_000,
      uploadExpiryMs: (raw.VAULT_UPLOAD_EXPIRY_HOURS as number) * 3_600_000,
      maxItemBytes: (raw.VAULT_MAX_ITEM_MB as number) * 1024 * 1024,
      quotaBytes: (raw.VAULT_QUOTA_MB as number) * 1024 * 1024,
      creationsPerHour: raw.VAULT_CREATIONS_PER_HOUR as number,
      addressFailuresPerHour: raw.VAULT_ADDRESS_FAILURES_PER_HOUR as number,
    },
  };
}

/** Why a trust file cannot be used, or null. Only a first look: the time-stamp client parses it. */
function trustFileProblem(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(path.resolve(file), 'utf8');
  } catch (err) {
    return `cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? String(err)})`;
  }
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? null
    : `${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`;
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

/** The same for the audit keys (`ariadne audit rotate-key` while the server runs). */
export function reloadEmbeddedAuditKeys(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (config.mode !== 'embedded' || env.AUDIT_KEYS) return false;
  const stored = loadOrCreateEmbeddedSecrets(config.dataDir);
  const keys = parseFieldKeys(stored.AUDIT_KEYS);
  if (keys.map((k) => k.id).join(',') === config.secrets.auditKeys.map((k) => k.id).join(','))
    return false;
  config.secrets.auditKeys.splice(0, config.secrets.auditKeys.length, ...keys);
  return true;
}
