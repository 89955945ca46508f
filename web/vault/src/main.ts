// The vault app's entry (dist/app.js, loaded as a module by the page the server serves at /vault/):
// styles, the outbox in IndexedDB (memory when IndexedDB is refused, as in some private windows),
// the service worker that keeps the app shell for offline use, and the app itself. The page's
// data-exit-url names where quick exit goes (the chat widget's default otherwise).
import { exitUrlFrom } from '../../chat/src/quick-exit';
import { VaultApi } from './api';
import { openIdbOutbox } from './idb-outbox';
import { memoryOutbox, type OutboxStore } from './outbox';
import { asLanguage } from './strings';
import { CSS } from './styles';
import { mountApp } from './ui';

const PREFIX = 'ariadne-vault-';

function prefs() {
  const store = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  return {
    get: (key: string) => store?.getItem(PREFIX + key) ?? null,
    set: (key: string, value: string | null) => {
      if (value === null) store?.removeItem(PREFIX + key);
      else store?.setItem(PREFIX + key, value);
    },
  };
}

function setNeutral(neutral: boolean): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  const lang = encodeURIComponent(document.documentElement.lang || 'nl');
  if (link) link.href = `/vault/manifest.webmanifest?lang=${lang}${neutral ? '&neutral=1' : ''}`;
  const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (icon) icon.href = neutral ? '/vault/icon-neutral.svg' : '/vault/icon.svg';
}

async function start(): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  let outbox: OutboxStore;
  try {
    outbox = await openIdbOutbox();
  } catch {
    outbox = memoryOutbox();
  }
  const p = prefs();
  setNeutral(p.get('neutral') === '1');
  const root = document.createElement('div');
  root.id = 'vault-app';
  document.body.append(root);
  mountApp(root, {
    api: new VaultApi(),
    outbox,
    language:
      asLanguage(p.get('lang')) ??
      asLanguage(new URLSearchParams(location.search).get('lang')) ??
      asLanguage(document.documentElement.lang) ??
      asLanguage(navigator.language) ??
      'nl',
    exitUrl: exitUrlFrom(document.body.dataset.exitUrl, location.href),
    timers: {
      set: (fn, ms) => window.setTimeout(fn, ms),
      clear: (handle) => window.clearTimeout(handle as number),
    },
    now: () => new Date(),
    online: () => navigator.onLine,
    prefs: p,
    replace: (url) => location.replace(url),
    setNeutral,
  });

  if ('serviceWorker' in navigator) {
    // The shell for offline use; without it the app still works online.
    navigator.serviceWorker.register('/vault/sw.js', { scope: '/vault/' }).catch(() => {});
  }
}

void start();
