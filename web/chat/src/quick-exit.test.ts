// The Shift×3 counter and the exit's order of steps (the browser test drives the real thing).
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXIT_URL, exitUrlFrom, quickExit, shiftCounter } from './quick-exit';

describe('shiftCounter', () => {
  it('fires on the third Shift within a second', () => {
    const press = shiftCounter();
    expect(press('Shift', false, 0)).toBe(false);
    expect(press('Shift', false, 300)).toBe(false);
    expect(press('Shift', false, 900)).toBe(true);
    // It starts over after firing.
    expect(press('Shift', false, 950)).toBe(false);
  });

  it('does not fire when the presses are spread over more than a second', () => {
    const press = shiftCounter();
    press('Shift', false, 0);
    press('Shift', false, 600);
    expect(press('Shift', false, 1200)).toBe(false);
    expect(press('Shift', false, 1500)).toBe(true);
  });

  it('starts over on any other key, and ignores a held-down Shift', () => {
    const press = shiftCounter();
    press('Shift', false, 0);
    press('Shift', false, 100);
    press('A', false, 150);
    expect(press('Shift', false, 200)).toBe(false);
    const held = shiftCounter();
    held('Shift', false, 0);
    held('Shift', true, 50);
    expect(held('Shift', true, 100)).toBe(false);
  });
});

describe('exitUrlFrom', () => {
  it('takes an http(s) address and refuses anything else', () => {
    expect(exitUrlFrom('https://weather.example/', 'https://x.example/')).toBe(
      'https://weather.example/',
    );
    expect(exitUrlFrom('/neutral', 'http://127.0.0.1:3000/chat')).toBe(
      'http://127.0.0.1:3000/neutral',
    );
    expect(exitUrlFrom('javascript:alert(1)', 'https://x.example/')).toBe(DEFAULT_EXIT_URL);
    expect(exitUrlFrom(null, 'https://x.example/')).toBe(DEFAULT_EXIT_URL);
  });
});

describe('quickExit', () => {
  it('blanks first, drops, then replaces — even when a step fails', () => {
    const steps: string[] = [];
    quickExit({
      url: 'https://n.example/',
      blank: () => steps.push('blank'),
      drop: () => {
        steps.push('drop');
        throw new Error('socket already gone');
      },
      replace: (u) => steps.push(`replace ${u}`),
    });
    expect(steps).toEqual(['blank', 'drop', 'replace https://n.example/']);
  });
});
