import { describe, expect, it } from 'vitest';
import { en } from './strings/en';
import { nl } from './strings/nl';
import { transcriptText } from './transcript';

describe('transcriptText', () => {
  it('lists each message with its time and author, indenting later lines; unsent ones say so', () => {
    const text = transcriptText(
      [
        {
          key: 'a',
          seq: 1,
          from: 'visitor',
          body: 'hi\nthere',
          at: '2026-12-06T18:00:00Z',
          pending: false,
        },
        {
          key: 'b',
          seq: 2,
          from: 'operator',
          body: 'hello',
          at: '2026-12-06T18:01:00Z',
          pending: false,
        },
        { key: 'c', from: 'visitor', body: 'lost?', pending: true },
      ],
      en,
      'en-GB',
      'UTC',
    );
    expect(text).toBe(
      'Chat conversation\n\n' +
        '[6 Dec 2026, 18:00] You: hi\n    there\n' +
        '[6 Dec 2026, 18:01] Our team: hello\n' +
        '[Not sent] You: lost?\n',
    );
  });

  it('is written in the chat language', () => {
    const text = transcriptText(
      [{ key: 's', seq: 1, from: 'system', body: 'x', at: '2026-12-06T18:00:00Z', pending: false }],
      nl,
      'nl',
      'Europe/Amsterdam',
    );
    expect(text).toMatch(/^Chatgesprek\n\n\[6 dec 2026.*19:00\] Melding: x\n$/);
  });
});
