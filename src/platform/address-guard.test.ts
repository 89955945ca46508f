import { describe, expect, it } from 'vitest';
import {
  AddressRefused,
  addressGuardFor,
  allowedBy,
  classifyAddress,
  createAddressGuard,
  parseAllowEntry,
  parseAllowList,
  type Lookup,
} from './address-guard.js';

const cls = (ip: string) => classifyAddress(ip).cls;

describe('classifyAddress', () => {
  it('names every internal IPv4 range', () => {
    expect(
      Object.fromEntries(
        [
          '127.0.0.1',
          '127.255.255.254',
          '0.0.0.0',
          '0.1.2.3',
          '10.0.0.1',
          '172.16.0.1',
          '172.31.255.255',
          '192.168.0.1',
          '169.254.169.254',
          '100.64.0.1',
          '100.127.255.255',
          '224.0.0.1',
          '239.255.255.255',
          '240.0.0.1',
          '255.255.255.255',
          '192.0.0.8',
          '192.0.2.1',
          '198.51.100.1',
          '203.0.113.9',
          '198.18.0.1',
        ].map((ip) => [ip, cls(ip)]),
      ),
    ).toEqual({
      '127.0.0.1': 'loopback',
      '127.255.255.254': 'loopback',
      '0.0.0.0': 'unspecified',
      '0.1.2.3': 'unspecified',
      '10.0.0.1': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.0.1': 'private',
      '169.254.169.254': 'link-local',
      '100.64.0.1': 'carrier-grade NAT',
      '100.127.255.255': 'carrier-grade NAT',
      '224.0.0.1': 'multicast',
      '239.255.255.255': 'multicast',
      '240.0.0.1': 'reserved',
      '255.255.255.255': 'broadcast',
      '192.0.0.8': 'reserved',
      '192.0.2.1': 'documentation',
      '198.51.100.1': 'documentation',
      '203.0.113.9': 'documentation',
      '198.18.0.1': 'benchmarking',
    });
  });

  it('lets public IPv4 addresses through, right up to the edges of the ranges', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '172.15.255.255',
      '172.32.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '11.0.0.0',
      '9.255.255.255',
      '223.255.255.255',
      '169.253.255.255',
    ])
      expect({ ip, cls: cls(ip) }).toEqual({ ip, cls: null });
  });

  it('names every internal IPv6 range, including IPv4 addresses hidden in IPv6 forms', () => {
    expect(
      Object.fromEntries(
        [
          '::1',
          '0:0:0:0:0:0:0:1',
          '::',
          'fc00::1',
          'fd12:3456::1',
          'fe80::1',
          'febf::1',
          'fec0::1',
          'ff02::1',
          '2001:db8::1',
          '100::1',
          '2001::1',
          '64:ff9b:1::1',
          '::2',
        ].map((ip) => [ip, cls(ip)]),
      ),
    ).toEqual({
      '::1': 'loopback',
      '0:0:0:0:0:0:0:1': 'loopback',
      '::': 'unspecified',
      'fc00::1': 'private',
      'fd12:3456::1': 'private',
      'fe80::1': 'link-local',
      'febf::1': 'link-local',
      'fec0::1': 'private',
      'ff02::1': 'multicast',
      '2001:db8::1': 'documentation',
      '100::1': 'reserved',
      '2001::1': 'reserved',
      '64:ff9b:1::1': 'private',
      '::2': 'unspecified',
    });
    expect(classifyAddress('::ffff:127.0.0.1')).toEqual({ cls: 'loopback', embedded: '127.0.0.1' });
    expect(classifyAddress('::ffff:7f00:1')).toEqual({ cls: 'loopback', embedded: '127.0.0.1' });
    expect(classifyAddress('::ffff:a9fe:a9fe')).toEqual({
      cls: 'link-local',
      embedded: '169.254.169.254',
    });
    expect(classifyAddress('::127.0.0.1')).toEqual({ cls: 'loopback', embedded: '127.0.0.1' });
    expect(classifyAddress('64:ff9b::10.0.0.1')).toEqual({ cls: 'private', embedded: '10.0.0.1' });
    expect(classifyAddress('2002:c0a8:0101::1')).toEqual({
      cls: 'private',
      embedded: '192.168.1.1',
    });
  });

  it('lets public IPv6 through, and a public IPv4 reached through NAT64, 6to4 or a mapped form', () => {
    expect(cls('2606:4700:4700::1111')).toBeNull();
    expect(cls('2a00:1450:4001:80b::200e')).toBeNull();
    expect(classifyAddress('64:ff9b::8.8.8.8')).toEqual({ cls: null, embedded: '8.8.8.8' });
    expect(classifyAddress('2002:0808:0808::1')).toEqual({ cls: null, embedded: '8.8.8.8' });
    expect(classifyAddress('::ffff:8.8.8.8')).toEqual({ cls: null, embedded: '8.8.8.8' });
    // The deprecated IPv4-compatible form is never routed as IPv4.
    expect(cls('::8.8.8.8')).toBe('reserved');
    // Outside 2000::/3 nothing is handed out yet.
    expect(cls('4000::1')).toBe('reserved');
  });

  it('refuses to classify what is not an IP address', () => {
    expect(() => classifyAddress('localhost')).toThrow('not an IP address: localhost');
    expect(() => classifyAddress('127.1')).toThrow();
  });
});

describe('the allow-list', () => {
  it('reads host names, addresses and ranges, each optionally with a port', () => {
    const list = parseAllowList(
      ' 127.0.0.1:3100 , [::1]:3101, 10.0.0.0/8, fd00::/8, Board.Local, board.local:8080, ::1 ',
    );
    expect(list.map((e) => [e.kind, e.port])).toEqual([
      ['range', 3100],
      ['range', 3101],
      ['range', null],
      ['range', null],
      ['host', null],
      ['host', 8080],
      ['range', null],
    ]);
    expect(parseAllowList('')).toEqual([]);
    expect(parseAllowList(' , ')).toEqual([]);
  });

  it('says what is wrong with a bad entry', () => {
    expect(() => parseAllowEntry('127.0.0.1:99999')).toThrow(
      '"127.0.0.1:99999": the port must be a number from 1 to 65535',
    );
    expect(() => parseAllowEntry('10.0.0.0/33')).toThrow('the prefix length must be 0 to 32');
    expect(() => parseAllowEntry('2130706433')).toThrow('write an IP address in dotted form');
    expect(() => parseAllowEntry('0x7f.1')).toThrow('write an IP address in dotted form');
    expect(() => parseAllowEntry('http://board.local/')).toThrow('expected a host name');
    expect(() => parseAllowEntry('[board]:80')).toThrow('is not an IP address');
    expect(() => parseAllowEntry('board.local:')).toThrow('the port must be');
  });

  it('opens exactly what an entry names', () => {
    const e = (text: string) => parseAllowEntry(text);
    expect(allowedBy(e('127.0.0.1:3100'), '127.0.0.1', 3100, '127.0.0.1')).toBe(true);
    expect(allowedBy(e('127.0.0.1:3100'), '127.0.0.1', 3101, '127.0.0.1')).toBe(false);
    expect(allowedBy(e('127.0.0.1:3100'), 'localhost', 3100, '127.0.0.1')).toBe(true);
    expect(allowedBy(e('127.0.0.1:3100'), 'localhost', 3100, '::1')).toBe(false);
    // The mapped form is the same IPv4 address on the wire.
    expect(allowedBy(e('127.0.0.1:3100'), '::ffff:7f00:1', 3100, '::ffff:7f00:1')).toBe(true);
    expect(allowedBy(e('10.0.0.0/8'), 'x', 443, '10.200.0.1')).toBe(true);
    expect(allowedBy(e('10.0.0.0/8'), 'x', 443, '11.0.0.1')).toBe(false);
    expect(allowedBy(e('fd00::/8'), 'x', 80, 'fd12::1')).toBe(true);
    expect(allowedBy(e('[::1]:3101'), '::1', 3101, '::1')).toBe(true);
    expect(allowedBy(e('board.local'), 'BOARD.local.', 8080, '10.0.0.1')).toBe(true);
    expect(allowedBy(e('board.local'), 'evil.board.local', 8080, '10.0.0.1')).toBe(false);
    expect(allowedBy(e('board.local:80'), 'board.local', 8080, '10.0.0.1')).toBe(false);
  });
});

describe('the guard', () => {
  const lookup: Lookup = async (name) => {
    const table: Record<string, string[]> = {
      'public.example': ['93.184.215.14'],
      'rebind.example': ['127.0.0.1'],
      'mixed.example': ['10.0.0.7', '93.184.215.14'],
      'six.example': ['fd00::7'],
    };
    const found = table[name];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

  const refusal = async (p: Promise<unknown>): Promise<AddressRefused> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof AddressRefused) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };

  it('answers the checked addresses, and refuses a name that resolves inside', async () => {
    const guard = createAddressGuard({ lookup });
    expect(await guard.resolve('public.example', 443)).toEqual([
      { address: '93.184.215.14', family: 4 },
    ]);
    const r = await refusal(guard.resolve('rebind.example', 80));
    expect(r).toMatchObject({
      message: 'rebind.example resolves to 127.0.0.1, a loopback address; not fetched',
      address: '127.0.0.1',
      addressClass: 'loopback',
    });
    expect((await refusal(guard.resolve('six.example', 80))).message).toBe(
      'six.example resolves to fd00::7, a private address; not fetched',
    );
    // Of a mixed answer only the public address is ever connected to.
    expect(await guard.resolve('mixed.example', 80)).toEqual([
      { address: '93.184.215.14', family: 4 },
    ]);
    await expect(guard.resolve('nowhere.example', 80)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('treats localhost and its subdomains as loopback without asking DNS', async () => {
    const guard = createAddressGuard({ lookup });
    expect((await refusal(guard.resolve('localhost', 80))).addressClass).toBe('loopback');
    expect((await refusal(guard.resolve('admin.localhost', 80))).addressClass).toBe('loopback');
    guard.allow('localhost:3100');
    expect((await guard.resolve('localhost', 3100)).map((a) => a.address)).toEqual([
      '127.0.0.1',
      '::1',
    ]);
  });

  it('opens what the allow-list names, also when added while running', async () => {
    const guard = createAddressGuard({ lookup, allow: parseAllowList('rebind.example:8080') });
    expect(await guard.resolve('rebind.example', 8080)).toEqual([
      { address: '127.0.0.1', family: 4 },
    ]);
    await refusal(guard.resolve('rebind.example', 8081));
    await refusal(guard.resolve('[::1]', 3101));
    guard.allow('[::1]:3101');
    expect(await guard.resolve('[::1]', 3101)).toEqual([{ address: '::1', family: 6 }]);
    expect(guard.isPublic('::1')).toBe(false);
    expect(guard.isPublic('93.184.215.14')).toBe(true);
  });
});

describe('the guard of a process, from its configuration', () => {
  const config = (demoData: boolean) => ({
    crawl: { allowPrivateAddresses: [] },
    demoData,
    adBoardPort: 3100,
    recruitBoardPort: 3103,
  });
  const opens = async (guard: ReturnType<typeof addressGuardFor>, port: number) =>
    guard.resolve('127.0.0.1', port).then(
      () => true,
      (err: unknown) => {
        if (err instanceof AddressRefused) return false;
        throw err;
      },
    );

  it("opens the demo's two boards, two ports each, on loopback, and nothing beside them", async () => {
    const guard = addressGuardFor(config(true));
    const open = [];
    for (let port = 3099; port <= 3105; port++) if (await opens(guard, port)) open.push(port);
    expect(open).toEqual([3100, 3101, 3103, 3104]);
  });

  it('opens none of them without demo data (production), nor a board whose port is 0', async () => {
    const production = addressGuardFor(config(false));
    for (const port of [3100, 3101, 3103, 3104]) expect(await opens(production, port)).toBe(false);
    const picked = addressGuardFor({ ...config(true), recruitBoardPort: 0 });
    expect(await opens(picked, 0)).toBe(false);
    expect(await opens(picked, 1)).toBe(false);
    expect(await opens(picked, 3103)).toBe(false);
    expect(await opens(picked, 3100)).toBe(true);
  });
});
