import { describe, expect, it } from 'vitest';
import { RESUME_CODE } from '../../contracts/chat-protocol.js';
import { CODE_ALPHABET, newResumeCode, normalizeResumeCode } from './resume-code.js';

describe('resume codes', () => {
  it('are twelve characters without look-alikes, shown in three groups', () => {
    for (let i = 0; i < 200; i++) {
      const code = newResumeCode();
      expect(code).toMatch(RESUME_CODE);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });
  it('use every character of the alphabet about evenly', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const ch of newResumeCode().replace(/-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(CODE_ALPHABET.length);
    const expected = (2000 * 12) / CODE_ALPHABET.length;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.2);
  });
  it('skip bytes that would favour some characters', () => {
    // 248..255 are rejected; 0 maps to the first character
    const bytes = [255, 250, 248, ...Array.from({ length: 40 }, () => 0)];
    const code = newResumeCode((n) => Uint8Array.from(bytes.splice(0, n)));
    expect(code).toBe('AAAA-AAAA-AAAA');
  });
  it('read back as typed, in any case and grouping', () => {
    expect(normalizeResumeCode('kx4m-7pq2-rt9w')).toBe('KX4M7PQ2RT9W');
    expect(normalizeResumeCode('KX4M 7PQ2 RT9W')).toBe('KX4M7PQ2RT9W');
    expect(normalizeResumeCode('KX4M-7PQ2-RT9')).toBeNull();
    expect(normalizeResumeCode('KX4M-7PQ2-RT90')).toBeNull();
  });
});
