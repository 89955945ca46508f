import { describe, expect, it } from 'vitest';
import { formatSize } from './format';
import { WRITTEN } from './strings';

describe('sizes', () => {
  it('reads in decimal units', () => {
    expect(formatSize(512, WRITTEN.en)).toBe('512 bytes');
    expect(formatSize(3_400_000, WRITTEN.en)).toBe('3.4 MB');
    expect(formatSize(25_000, WRITTEN.nl)).toBe('25 kB');
  });
});
