import { describe, expect, it } from 'vitest';
import { checkChunk, checkFinalize, finalOutcome, isExpired, type UploadFacts } from './upload.js';

const now = new Date('2030-06-04T10:00:00Z');
const upload = (over: Partial<UploadFacts> = {}): UploadFacts => ({
  state: 'receiving',
  size: 100,
  received: 0,
  sha256: 'a'.repeat(64),
  expiresAt: new Date(now.getTime() + 3_600_000),
  ...over,
});

describe('the upload state machine', () => {
  it('takes chunks only at the exact offset, within the size and the chunk limit', () => {
    expect(checkChunk(upload(), 0, 60, 64, now)).toBeNull();
    expect(checkChunk(upload({ received: 60 }), 60, 40, 64, now)).toBeNull();
    expect(checkChunk(upload({ received: 60 }), 0, 40, 64, now)).toEqual({
      code: 'wrong_offset',
      expected: 60,
    });
    expect(checkChunk(upload({ received: 60 }), 70, 10, 64, now)).toMatchObject({
      code: 'wrong_offset',
    });
    expect(checkChunk(upload({ received: 60 }), 60, 41, 64, now)).toEqual({
      code: 'past_end',
      size: 100,
    });
    expect(checkChunk(upload(), 0, 65, 64, now)).toEqual({ code: 'too_large', max: 64 });
    expect(checkChunk(upload(), 0, 0, 64, now)).toEqual({ code: 'empty' });
  });

  it('takes nothing once finalized, failed or expired', () => {
    expect(checkChunk(upload({ state: 'finalized' }), 0, 1, 64, now)).toEqual({
      code: 'not_receiving',
      state: 'finalized',
    });
    expect(checkChunk(upload({ expiresAt: now }), 0, 1, 64, now)).toEqual({ code: 'expired' });
    expect(checkFinalize(upload({ expiresAt: now, received: 100 }), now)).toEqual({
      code: 'expired',
    });
  });

  it('finalizes only a complete upload whose length and hash agree', () => {
    expect(checkFinalize(upload({ received: 99 }), now)).toEqual({
      code: 'incomplete',
      received: 99,
      size: 100,
    });
    expect(checkFinalize(upload({ received: 100 }), now)).toBeNull();
    const u = upload();
    expect(finalOutcome(u, { size: 100, sha256: u.sha256 })).toEqual({ state: 'finalized' });
    expect(finalOutcome(u, { size: 100, sha256: 'b'.repeat(64) })).toMatchObject({
      state: 'failed',
    });
    expect(finalOutcome(u, { size: 99, sha256: u.sha256 })).toMatchObject({ state: 'failed' });
  });

  it('expires only uploads still receiving', () => {
    expect(isExpired(upload({ expiresAt: now }), now)).toBe(true);
    expect(isExpired(upload({ state: 'finalized', expiresAt: now }), now)).toBe(false);
    expect(isExpired(upload(), now)).toBe(false);
  });
});
