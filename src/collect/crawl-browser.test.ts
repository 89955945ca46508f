// Chromium's environment: the server's, without a library preloaded into the server.
import { describe, expect, it } from 'vitest';
import { browserEnv } from './crawl-browser.js';

describe('browserEnv', () => {
  it('keeps the environment but drops LD_PRELOAD and libfaketime settings', () => {
    expect(
      browserEnv({
        PATH: '/usr/bin',
        HOME: '/root',
        LD_PRELOAD: '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
        FAKETIME_TIMESTAMP_FILE: '/tmp/clock',
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        UNSET: undefined,
      }),
    ).toEqual({ PATH: '/usr/bin', HOME: '/root' });
  });
});
