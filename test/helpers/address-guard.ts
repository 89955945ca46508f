// Tests crawl sites served on loopback, which the address guard refuses: each test opens exactly
// the host:port of its own servers, as an operator would with CRAWL_ALLOW_PRIVATE_ADDRESSES.
import {
  createAddressGuard,
  parseAllowList,
  type AddressGuard,
  type Lookup,
} from '../../src/platform/address-guard.js';

export function guardAllowing(urls: string[], lookup?: Lookup): AddressGuard {
  return createAddressGuard({
    allow: parseAllowList(urls.map((u) => new URL(u).host).join(',')),
    ...(lookup ? { lookup } : {}),
  });
}
