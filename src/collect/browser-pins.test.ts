import { describe, expect, it } from 'vitest';
import { createAddressGuard, parseAllowList, type Lookup } from '../platform/address-guard.js';
import { pinSourceHosts } from './browser-pins.js';

const lookup: Lookup = async (name) => {
  const table: Record<string, string[]> = {
    'ads.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'board.lan': ['10.0.5.7'],
    'intranet.example': ['127.0.0.1'],
    'six.example': ['2606:4700::1'],
  };
  const found = table[name];
  if (!found)
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('pinSourceHosts', () => {
  it('pins each checked host to its address and leaves the browser nothing else', async () => {
    const guard = createAddressGuard({
      lookup,
      allow: parseAllowList('board.lan:8080,127.0.0.1:3100,[::1]:3101'),
    });
    const pins = await pinSourceHosts(
      [
        'https://ads.example/list',
        'http://ads.example/other', // the same host twice is pinned once
        'http://board.lan:8080/',
        'http://127.0.0.1:3100/',
        'http://[::1]:3101/',
        'http://six.example/',
        'http://intranet.example:3200/', // looks public, resolves to loopback: refused
        'http://127.0.0.1:3000/', // the allow-list names another port
        'http://nowhere.example/', // does not resolve: fails at navigation
      ],
      guard,
    );
    expect([...pins.hosts]).toEqual([
      'ads.example',
      'board.lan:8080',
      '127.0.0.1:3100',
      '[::1]:3101',
      'six.example',
    ]);
    expect([...pins.refused.keys()]).toEqual(['intranet.example:3200', '127.0.0.1:3000']);
    expect(pins.refused.get('127.0.0.1:3000')?.message).toBe(
      '127.0.0.1, a loopback address; not fetched',
    );
    expect(pins.resolverRules).toBe(
      'MAP ads.example 93.184.215.14, MAP board.lan 10.0.5.7, EXCLUDE 127.0.0.1, EXCLUDE ::1, ' +
        'MAP six.example [2606:4700::1], MAP * ~NOTFOUND',
    );
    // Loopback is proxied unless named; an internal host only on the port that was opened.
    expect(pins.proxyBypass).toBe(
      '<-loopback>,ads.example,board.lan:8080,127.0.0.1:3100,[::1]:3101,six.example',
    );
  });

  it('pins nothing when every host is refused', async () => {
    const pins = await pinSourceHosts(['http://localhost:3100/'], createAddressGuard({ lookup }));
    expect(pins.hosts.size).toBe(0);
    expect(pins.resolverRules).toBe('MAP * ~NOTFOUND');
    expect(pins.proxyBypass).toBe('<-loopback>');
    expect(pins.refused.get('localhost:3100')?.addressClass).toBe('loopback');
  });
});
