import { describe, expect, it } from 'vitest';
import { assessHealth } from './health.js';

const good = {
  adsFound: 200,
  parseErrors: 2,
  fieldFill: { body: 1, phone: 0.95, age: 0.9, title: 1 },
};

describe('assessHealth', () => {
  it('is quiet while a source yields as before', () => {
    expect(assessHealth({ ...good, adsFound: 190 }, [good, good, good]).status).toBe('ok');
  });

  it('names a field whose selector stopped matching, with sample pages', () => {
    const now = {
      ...good,
      fieldFill: { ...good.fieldFill, phone: 0.1 },
      fieldMisses: { phone: ['http://x/ad/1', 'http://x/ad/2'] },
    };
    const h = assessHealth(now, [good, good]);
    expect(h.status).toBe('broken');
    expect(h.fieldDrops).toEqual([
      { field: 'phone', before: 0.95, now: 0.1, sampleUrls: ['http://x/ad/1', 'http://x/ad/2'] },
    ]);
    expect(h.reasons.join()).toMatch(/"phone" matched 95% of ads before, 10% now/);
  });

  it('flags a sharp drop in ads found, and no ads at all', () => {
    expect(assessHealth({ ...good, adsFound: 80 }, [good, good]).status).toBe('degraded');
    expect(assessHealth({ ...good, adsFound: 5 }, [good, good]).status).toBe('broken');
    expect(assessHealth({ ...good, adsFound: 0 }, []).status).toBe('broken');
  });

  it('flags a jump in parse errors', () => {
    expect(assessHealth({ ...good, parseErrors: 120 }, [good]).status).toBe('degraded');
  });
});
