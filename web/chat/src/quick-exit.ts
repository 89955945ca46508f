// Quick exit, as GOV.UK's "Exit this page": a button, or the Shift key pressed three times within a
// second. The page is blanked at once (before anything else can paint), the chat's memory dropped and
// its socket closed, and `location.replace` goes to a neutral site — replace, not assign, so the chat
// leaves no history entry the back button could return to.

/** Three presses of Shift within this many ms. */
export const SHIFT_WINDOW_MS = 1000;

/**
 * Counts Shift presses; any other key in between starts over, so typing capitals or Shift+Enter never
 * adds up to an exit. Times are the events' own (KeyboardEvent.timeStamp).
 */
export function shiftCounter(): (key: string, repeat: boolean, time: number) => boolean {
  let presses: number[] = [];
  return (key, repeat, time) => {
    if (key !== 'Shift') {
      presses = [];
      return false;
    }
    if (repeat) return false;
    presses = [...presses.filter((t) => time - t < SHIFT_WINDOW_MS), time].slice(-3);
    if (presses.length < 3) return false;
    presses = [];
    return true;
  };
}

/** Where the exit goes when the site does not say: a neutral page that opens fast (GOV.UK's too). */
export const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** The exit URL from data-exit-url when it is an http(s) address, else the default. */
export function exitUrlFrom(value: string | null | undefined, base: string): string {
  if (!value) return DEFAULT_EXIT_URL;
  try {
    const u = new URL(value, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : DEFAULT_EXIT_URL;
  } catch {
    return DEFAULT_EXIT_URL;
  }
}

export interface ExitParts {
  /** Hides everything on screen (called first). */
  blank: () => void;
  /** Drops the chat's state and closes its socket. */
  drop: () => void;
  replace: (url: string) => void;
  url: string;
}

/** Leaves: blank, drop, replace — each step runs even if one before it fails. */
export function quickExit(parts: ExitParts): void {
  for (const step of [parts.blank, parts.drop]) {
    try {
      step();
    } catch {
      // Leaving matters more than tidying up.
    }
  }
  parts.replace(parts.url);
}
