// Keeps a browser crawl to addresses the address guard has checked. Chromium resolves names itself
// and follows redirects without showing them to Playwright's request routing, so checking each
// request in a route handler is not enough: a redirect, a WebSocket or a DNS answer that changed
// since the check (rebinding) would slip past it. Instead, before the browser starts, each of the
// source's hosts is resolved once through the guard, and Chromium is launched with
//   - host resolver rules that map each allowed host to the address just checked and every other
//     name, IP literals included, to "not found", so Chromium never asks DNS for anything;
//   - a proxy that does not exist for everything but those hosts (for a host let through only by
//     the allow-list, only its own port), so a request that escapes routing goes nowhere. Chromium
//     sends loopback past any proxy unless told "<-loopback>"; that rule comes first, because
//     Chromium lets the last matching rule decide, so the opened host:ports still go direct.
import net from 'node:net';
import { AddressRefused, type AddressGuard } from '../platform/address-guard.js';

export interface BrowserPins {
  /** URL hosts (host[:port]) the browser may contact. */
  hosts: Set<string>;
  /** Hosts of the source that the guard refused, with the reason, by URL host. */
  refused: Map<string, AddressRefused>;
  /** Chromium's --host-resolver-rules. */
  resolverRules: string;
  /** Chromium's proxy bypass list: these go direct, everything else to the dead proxy. */
  proxyBypass: string;
}

export async function pinSourceHosts(urls: string[], guard: AddressGuard): Promise<BrowserPins> {
  const hosts = new Set<string>();
  const refused = new Map<string, AddressRefused>();
  const rules = new Map<string, string>();
  const bypass: string[] = ['<-loopback>'];
  for (const url of new Map(urls.map((u) => [new URL(u).host, new URL(u)])).values()) {
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    let first;
    try {
      [first] = await guard.resolve(url.hostname, port);
    } catch (err) {
      if (err instanceof AddressRefused) refused.set(url.host, err);
      // Anything else (a name that does not resolve) fails at navigation, where it is recorded.
      continue;
    }
    if (!first) continue;
    hosts.add(url.host);
    const bare = url.hostname.replace(/^\[|\]$/g, '');
    if (!rules.has(bare))
      rules.set(
        bare,
        net.isIP(bare)
          ? `EXCLUDE ${bare}` // a literal needs no resolving, and cannot be re-pointed
          : `MAP ${bare} ${first.family === 6 ? `[${first.address}]` : first.address}`,
      );
    // A public host may be reached on any port (an http start URL that moves to https); a host
    // that only the allow-list opened, on exactly the port it opened.
    bypass.push(guard.isPublic(first.address) ? url.hostname : `${url.hostname}:${port}`);
  }
  return {
    hosts,
    refused,
    resolverRules: [...rules.values(), 'MAP * ~NOTFOUND'].join(', '),
    proxyBypass: bypass.join(','),
  };
}
