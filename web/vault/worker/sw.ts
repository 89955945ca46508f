// The vault app's service worker (scope /vault/): keeps the app shell — the page, its scripts, the
// web app manifest and the icons — so the installed app opens offline. It never touches the API:
// requests under /api/ are not intercepted, and nothing the API answers (items, manifests,
// wrapped keys) is ever put in a cache. Network first: online the person always runs the current
// app; the cached shell is only the fallback when the network fails.
/// <reference lib="webworker" />
// The worker's global, typed as what it is (the DOM lib's `self` is a Window).
const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = 'vault-shell-v1';
const SHELL = [
  '/vault/',
  '/vault/app.js',
  '/vault/manifest.webmanifest',
  '/vault/icon.svg',
  '/vault/icon-neutral.svg',
];

/** Only code and the app's own static files: never /api/, never another origin. */
function isShell(url: URL): boolean {
  return (
    url.origin === sw.location.origin &&
    (url.pathname === '/vault/' || /^\/vault\/[\w.-]+\.(js|webmanifest|svg)$/.test(url.pathname))
  );
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(SHELL))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !isShell(url)) return;
  // The page is cached under /vault/ whatever its query (?lang=…).
  const key = url.pathname === '/vault/' ? '/vault/' : event.request;
  event.respondWith(
    fetch(event.request)
      .then(async (res) => {
        if (res.ok) await (await caches.open(CACHE)).put(key, res.clone());
        return res;
      })
      .catch(async () => (await caches.match(key)) ?? Response.error()),
  );
});
