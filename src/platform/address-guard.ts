// Which network addresses the server may contact for content chosen by strangers (a source's start
// URLs, links found in its pages, redirects, image URLs), and the one place where that is enforced.
// Without it a source could make the server fetch its own admin ports, the cloud metadata service
// (169.254.169.254) or any host on the private network, and store the answers as readable ads.
//
// The check runs on the address actually connected to, after DNS resolution, at connect time: a
// name that resolves (or re-resolves, DNS rebinding) to a private address is caught, and the
// connection goes to exactly the address that was checked. Only CRAWL_ALLOW_PRIVATE_ADDRESSES (and
// the demo, for its own loopback board) opens a private address, host or host:port.
import dns from 'node:dns';
import net from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import type { Config } from './config.js';

export type AddressClass =
  | 'loopback'
  | 'unspecified'
  | 'private'
  | 'link-local'
  | 'carrier-grade NAT'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking';

const ARTICLE: Record<AddressClass, string> = {
  loopback: 'a loopback address',
  unspecified: 'an unspecified address',
  private: 'a private address',
  'link-local': 'a link-local address (where cloud metadata services answer)',
  'carrier-grade NAT': 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
  reserved: 'a reserved address',
  documentation: 'a documentation address',
  benchmarking: 'a benchmarking address',
};

interface Ip {
  family: 4 | 6;
  value: bigint;
}

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) < 256))
    return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

function parseV6(text: string): bigint | null {
  let s = text.replace(/^\[|\]$/g, '').split('%')[0]!;
  if (net.isIPv6(s) === false) return null;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const v4 = parseV4(tail[2]!);
    if (v4 === null) return null;
    s = `${tail[1]}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = s.split('::') as [string, string | undefined];
  const groups = (g: string) => (g === '' ? [] : g.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const fill = rest === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const all = [...left, ...fill, ...right];
  if (all.length !== 8) return null;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}

function parseIp(text: string): Ip | null {
  const v4 = net.isIPv4(text) ? parseV4(text) : null;
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseV6(text);
  return v6 === null ? null : { family: 6, value: v6 };
}

function formatV4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** True when `value` lies in base/bits (both of one family, `width` bits wide). */
function inPrefix(value: bigint, base: bigint, bits: number, width: 32 | 128): boolean {
  const shift = BigInt(width - bits);
  return value >> shift === base >> shift;
}

type Range = [base: string, bits: number, cls: AddressClass];

// IANA's special-purpose registries (RFC 6890 and successors). Anything not listed is public.
const V4_RANGES: Range[] = [
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, 'unspecified'], // "this network": 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'private'], // local-use NAT64
  ['100::', 64, 'reserved'], // discard-only
  ['2001::', 32, 'reserved'], // Teredo: tunnels to an IPv4 address we cannot see
  ['2001:2::', 48, 'benchmarking'],
  ['2001:10::', 28, 'reserved'], // ORCHID
  ['2001:20::', 28, 'reserved'], // ORCHIDv2
  ['2001:db8::', 32, 'documentation'],
  ['3fff::', 20, 'documentation'],
  ['5f00::', 16, 'reserved'], // SRv6 SIDs
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // site-local (deprecated)
  ['ff00::', 8, 'multicast'],
];

const compiled = (ranges: Range[], parse: (s: string) => bigint | null) =>
  ranges.map(([base, bits, cls]) => ({ base: parse(base)!, bits, cls }));
const V4 = compiled(V4_RANGES, parseV4);
const V6 = compiled(V6_RANGES, parseV6);

/**
 * IPv6 forms that carry an IPv4 address the packet ends up at: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedV4(value: bigint): bigint | null {
  const low32 = value & 0xffffffffn;
  if (inPrefix(value, 0xffffn << 32n, 96, 128)) return low32;
  if (inPrefix(value, 0n, 96, 128) && value > 1n) return low32;
  if (inPrefix(value, parseV6('64:ff9b::')!, 96, 128)) return low32;
  if (inPrefix(value, parseV6('2002::')!, 16, 128)) return (value >> 80n) & 0xffffffffn;
  return null;
}

export interface Classification {
  /** Null: a public address. */
  cls: AddressClass | null;
  /** The IPv4 address an IPv6 form embeds, when that decided the class. */
  embedded?: string;
}

/** Whether an IP address is public, and if not, which kind of address it is. */
export function classifyAddress(ip: string): Classification {
  const parsed = parseIp(ip);
  if (!parsed) throw new Error(`not an IP address: ${ip}`);
  if (parsed.family === 4) {
    return { cls: V4.find((r) => inPrefix(parsed.value, r.base, r.bits, 32))?.cls ?? null };
  }
  const special = V6.find((r) => inPrefix(parsed.value, r.base, r.bits, 128));
  if (special) return { cls: special.cls };
  const v4 = embeddedV4(parsed.value);
  if (v4 !== null) {
    const inner = classifyAddress(formatV4(v4));
    // ::a.b.c.d is not routed as IPv4 at all: refused even when a.b.c.d is public.
    const compatible = inPrefix(parsed.value, 0n, 96, 128);
    return { cls: inner.cls ?? (compatible ? 'reserved' : null), embedded: formatV4(v4) };
  }
  // Only 2000::/3 is handed out as global unicast; the rest is reserved.
  if (!inPrefix(parsed.value, parseV6('2000::')!, 3, 128)) return { cls: 'reserved' };
  return { cls: null };
}

/** "127.0.0.1, a loopback address" or "::ffff:7f00:1, which embeds 127.0.0.1, a loopback address". */
export function describeAddress(ip: string, c: Classification): string {
  const what = c.cls ? ARTICLE[c.cls] : 'a public address';
  return c.embedded ? `${ip}, which embeds ${c.embedded}, ${what}` : `${ip}, ${what}`;
}

// ---------------------------------------------------------------------------------------------
// The allow-list: CRAWL_ALLOW_PRIVATE_ADDRESSES and the demo's own board.

export type AllowEntry = { text: string; port: number | null } & (
  { kind: 'host'; host: string } | { kind: 'range'; family: 4 | 6; base: bigint; bits: number }
);

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function parsePort(text: string, entry: string): number {
  const port = Number(text);
  if (!/^\d{1,5}$/.test(text) || port < 1 || port > 65535)
    throw new Error(`"${entry}": the port must be a number from 1 to 65535`);
  return port;
}

function rangeEntry(entry: string, ip: string, bits: number | null, port: number | null) {
  const parsed = parseIp(ip);
  if (!parsed) throw new Error(`"${entry}": "${ip}" is not an IP address`);
  const width = parsed.family === 4 ? 32 : 128;
  const prefix = bits ?? width;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > width)
    throw new Error(`"${entry}": the prefix length must be 0 to ${width}`);
  return {
    text: entry,
    port,
    kind: 'range' as const,
    family: parsed.family,
    base: parsed.value,
    bits: prefix,
  };
}

/** One entry: a host name, an IP address or CIDR range, either optionally with ":port". */
export function parseAllowEntry(raw: string): AllowEntry {
  const entry = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed)
    return rangeEntry(
      entry,
      bracketed[1]!,
      null,
      bracketed[2] === undefined ? null : parsePort(bracketed[2], entry),
    );
  const cidr = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (cidr) return rangeEntry(entry, cidr[1]!, Number(cidr[2]), null);
  if (net.isIP(entry)) return rangeEntry(entry, entry, null, null);
  if (/[/@?#\s]/.test(entry))
    throw new Error(
      `"${entry}": expected a host name, an IP address or CIDR range, optionally with :port (not a URL)`,
    );
  const withPort = /^([^:]+):([^:]*)$/.exec(entry);
  const name = (withPort ? withPort[1]! : entry).toLowerCase().replace(/\.$/, '');
  const port = withPort ? parsePort(withPort[2]!, entry) : null;
  if (net.isIPv4(name)) return rangeEntry(entry, name, null, port);
  if (/^[\d.]+$/.test(name) || /^0x/i.test(name))
    throw new Error(`"${entry}": write an IP address in dotted form (e.g. 127.0.0.1)`);
  if (!HOSTNAME.test(name))
    throw new Error(
      `"${entry}": expected a host name, an IP address or CIDR range (10.0.0.0/8, fd00::/8), optionally with :port`,
    );
  return { text: entry, port, kind: 'host', host: name };
}

/** A comma-separated list of entries; empty means no private address is allowed. */
export function parseAllowList(text: string): AllowEntry[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseAllowEntry);
}

function normaliseHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
}

/** Whether an entry opens this connection: the URL's host name, the port and the address. */
export function allowedBy(entry: AllowEntry, host: string, port: number, ip: string): boolean {
  if (entry.port !== null && entry.port !== port) return false;
  if (entry.kind === 'host') return entry.host === normaliseHost(host);
  const parsed = parseIp(ip);
  if (!parsed) return false;
  const candidates = [parsed];
  // ::ffff:127.0.0.1 is 127.0.0.1 on the wire: an IPv4 entry covers it.
  if (parsed.family === 6 && inPrefix(parsed.value, 0xffffn << 32n, 96, 128))
    candidates.push({ family: 4, value: parsed.value & 0xffffffffn });
  return candidates.some(
    (c) =>
      c.family === entry.family &&
      inPrefix(c.value, entry.base, entry.bits, c.family === 4 ? 32 : 128),
  );
}

// ---------------------------------------------------------------------------------------------
// The guard: resolution, the decision, and the connector every collect fetch goes through.

export class AddressRefused extends Error {
  readonly code = 'ERR_ADDRESS_REFUSED';
  constructor(
    message: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(message);
    this.name = 'AddressRefused';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (tests inject one; production asks the system). */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: Lookup = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, order: 'verbatim' });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface AddressGuard {
  /**
   * The addresses of host that may be contacted on port, in resolution order. Throws
   * AddressRefused when there is none (DNS failures are thrown as they come).
   */
  resolve(hostname: string, port: number): Promise<ResolvedAddress[]>;
  /** Opens more hosts or ranges while running (the demo, for the board it has just started). */
  allow(entries: string | AllowEntry[]): void;
  /** Whether an address is public (false: only the allow-list can have let it through). */
  isPublic(ip: string): boolean;
  /** An undici dispatcher that connects only to addresses `resolve` accepted. */
  readonly dispatcher: Dispatcher;
}

export interface AddressGuardOptions {
  allow?: AllowEntry[];
  lookup?: Lookup;
  /** Socket options of the connector (tests trust their own certificate authority with `ca`). */
  connect?: buildConnector.BuildOptions;
}

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

export function createAddressGuard(options: AddressGuardOptions = {}): AddressGuard {
  const entries: AllowEntry[] = [...(options.allow ?? [])];
  const lookup = options.lookup ?? systemLookup;

  const resolve = async (hostname: string, port: number): Promise<ResolvedAddress[]> => {
    const host = normaliseHost(hostname);
    const literal = net.isIP(host);
    // "localhost" and its subdomains are loopback by definition (RFC 6761), whatever DNS says;
    // Chromium treats them so, and the two must agree.
    const addresses: ResolvedAddress[] = literal
      ? [{ address: host, family: literal === 6 ? 6 : 4 }]
      : isLocalhostName(host)
        ? [
            { address: '127.0.0.1', family: 4 },
            { address: '::1', family: 6 },
          ]
        : await lookup(host);
    const allowed: ResolvedAddress[] = [];
    let refusal: AddressRefused | undefined;
    for (const a of addresses) {
      const c = classifyAddress(a.address);
      if (c.cls === null || entries.some((e) => allowedBy(e, host, port, a.address))) {
        allowed.push(a);
      } else {
        refusal ??= new AddressRefused(
          literal
            ? `${describeAddress(a.address, c)}; not fetched`
            : `${host} resolves to ${describeAddress(a.address, c)}; not fetched`,
          a.address,
          c.cls,
        );
      }
    }
    // A mix of public and private answers connects to a public one only; no answer at all is a
    // DNS failure, reported as such by the lookup.
    if (allowed.length === 0) {
      if (refusal) throw refusal;
      throw Object.assign(new Error(`${host} has no address`), { code: 'ENOTFOUND' });
    }
    return allowed;
  };

  const direct = buildConnector(options.connect ?? {});
  const dispatcher = new Agent({
    connect: (opts, callback) => {
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
      resolve(opts.hostname, port).then(
        // Connect to the address just checked, never to the name: a second lookup could answer
        // differently. TLS still verifies the certificate for the name (undici takes the server
        // name from `host`, which stays as it was).
        ([first]) => direct({ ...opts, hostname: first!.address }, callback),
        (err: Error) => callback(err, null),
      );
    },
  });

  return {
    resolve,
    allow: (more) => {
      entries.push(...(typeof more === 'string' ? parseAllowList(more) : more));
    },
    isPublic: (ip) => classifyAddress(ip).cls === null,
    dispatcher,
  };
}

/**
 * The guard of one process, from its configuration: CRAWL_ALLOW_PRIVATE_ADDRESSES and, in demo
 * mode, the demo's two synthetic boards on loopback — the ad board's two ports and the recruitment
 * board's two (a worker in another process crawls them too; the demo itself adds the ports it
 * really got, should AD_BOARD_PORT or RECRUIT_BOARD_PORT be 0).
 */
export function addressGuardFor(
  config: Pick<Config, 'crawl' | 'demoData' | 'adBoardPort' | 'recruitBoardPort'>,
): AddressGuard {
  const allow = [...config.crawl.allowPrivateAddresses];
  if (config.demoData) {
    for (const port of [config.adBoardPort, config.recruitBoardPort]) {
      if (port > 0) allow.push(...parseAllowList(`127.0.0.1:${port},127.0.0.1:${port + 1}`));
    }
  }
  return createAddressGuard({ allow });
}
