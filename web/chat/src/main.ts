// The widget's entry (built as one IIFE, widget.js). On an organisation's site:
//   <script src="https://ariadne.example/chat/widget.js" data-lang="nl" async></script>
// adds a launcher and the chat panel; at /chat the same script (data-mode="page") is the whole page.
// The WebSocket goes to the origin the script came from (wss when it came over https), so the site
// that embeds it needs nothing but the tag. Optional: data-exit-url (where quick exit goes).
import { RETENTION_DAYS_MARK, type ChatLanguage } from '../../../src/contracts/chat-protocol';
import { exitUrlFrom } from './quick-exit';
import type { Connect, SessionDeps } from './session';
import { asLanguage } from './strings';
import { mountWidget } from './ui';

// Read while the script runs: currentScript is null in any callback later.
const script = document.currentScript as HTMLScriptElement | null;

function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // crypto.randomUUID exists only on https pages; an embedding site on http still has this.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/**
 * The days a chat is kept after it ends, as the server wrote them over the mark when it served this
 * script; undefined when it did not (a build opened some other way), and the text then says no number.
 */
function retentionDays(): number | undefined {
  const written: string = RETENTION_DAYS_MARK;
  return /^\d{1,5}$/.test(written) ? Number(written) : undefined;
}

function socketUrl(scriptSrc: string): string {
  const u = new URL('/chat/ws', scriptSrc);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.href;
}

function browserDeps(wsUrl: string): SessionDeps {
  const connect: Connect = (events) => {
    const ws = new WebSocket(wsUrl);
    ws.onopen = () => events.open();
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data === 'string') events.message(e.data);
    };
    // An error is always followed by close: the close alone is the drop.
    ws.onclose = () => events.close();
    return { send: (text) => ws.send(text), close: () => ws.close() };
  };
  return {
    connect,
    timers: {
      now: () => performance.now(),
      set: (fn, ms) => window.setTimeout(fn, ms),
      clear: (handle) => window.clearTimeout(handle as number),
    },
    random: () => Math.random(),
    newId: randomUuid,
    online: () => navigator.onLine,
  };
}

function start(): void {
  // The tag pasted twice (or the page's own script adding it again) still makes one widget.
  if (document.getElementById('ariadne-chat')) return;
  const src = script?.src || window.location.href;
  const mode = script?.dataset.mode === 'page' ? 'page' : 'embedded';
  const language: ChatLanguage =
    asLanguage(script?.dataset.lang) ?? asLanguage(document.documentElement.lang) ?? 'en';
  const host = document.createElement('div');
  host.id = 'ariadne-chat';
  document.body.append(host);
  mountWidget(host, {
    mode,
    language,
    exitUrl: exitUrlFrom(script?.dataset.exitUrl, window.location.href),
    retentionDays: retentionDays(),
    sessionDeps: browserDeps(socketUrl(src)),
  });
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
