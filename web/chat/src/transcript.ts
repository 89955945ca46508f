// The conversation as a plain text file, made only when the person asks to keep it (a download:
// nothing is written to the device otherwise).
import type { ShownMessage } from './session';
import type { Strings } from './strings';

export function transcriptText(
  messages: readonly ShownMessage[],
  s: Strings,
  locale: string,
  timeZone?: string,
): string {
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  const author = { visitor: s.authorVisitor, operator: s.authorOperator, system: s.authorSystem };
  const lines = messages.map((m) => {
    const when = m.at ? time.format(new Date(m.at)) : s.notSent;
    return `[${when}] ${author[m.from]}: ${m.body.replace(/\r?\n/g, '\n    ')}`;
  });
  return `${s.transcriptTitle}\n\n${lines.join('\n')}\n`;
}
