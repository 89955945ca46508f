// Serves the person's vault app (web/vault/dist): the page at /vault/ (the server's HTML, a strict
// CSP: scripts, connections, workers and the manifest from this origin only; decrypted previews as
// blob: URLs), its scripts, the service worker (scope /vault/), the web app manifest (optionally
// under a neutral name and icon) and the icons. Nothing is cached by the browser (no-store: the
// service worker keeps the shell, the HTTP cache keeps nothing), no cookies, no referrer, no
// indexing. Not built: a clear 503.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { escapeAttr, PRIVATE_PAGE_HEAD, privateHeaders } from '../platform/http/private-page.js';
import { PROJECT_ROOT } from '../platform/project-root.js';

export interface VaultWebDeps {
  /** The app's build folder (holds app.js and sw.js). Default: web/vault/dist. */
  distDir?: string;
  /** Where quick exit goes (data-exit-url); the app's default when absent. */
  exitUrl?: string;
}

const DEFAULT_DIST = path.join(PROJECT_ROOT, 'web', 'vault', 'dist');
const NOT_BUILT = 'Vault app not built: run npm run build';
/** The files the build writes: app.js, sw.js and the chunks beside them; nothing else is served. */
const BUILT_FILE = /^[A-Za-z0-9_.-]+\.js$/;

export const VAULT_PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "img-src 'self' data: blob:",
  'media-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const LANGUAGES = ['nl', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const languageOf = (q: unknown): Language =>
  LANGUAGES.find((l) => typeof q === 'string' && q.toLowerCase().startsWith(l)) ?? 'nl';

const TITLES: Record<Language, { app: string; neutral: string; noscript: string }> = {
  nl: { app: 'Mijn kluis', neutral: 'Notities', noscript: 'Deze app heeft JavaScript nodig.' },
  en: { app: 'My vault', neutral: 'Notes', noscript: 'This app needs JavaScript.' },
};

export function vaultPageHtml(language: Language, exitUrl: string | undefined): string {
  const exit = exitUrl ? ` data-exit-url="${escapeAttr(exitUrl)}"` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
${PRIVATE_PAGE_HEAD}
<meta name="theme-color" content="#0b3d91">
<title>${TITLES[language].app}</title>
<link rel="manifest" href="/vault/manifest.webmanifest?lang=${language}">
<link rel="icon" href="/vault/icon.svg" type="image/svg+xml">
<script type="module" src="/vault/app.js"></script>
</head>
<body${exit}>
<noscript>${TITLES[language].noscript}</noscript>
</body>
</html>
`;
}

/** The usual icon: a closed lock. The neutral one: a notepad, nothing that says "evidence". */
const ICONS = {
  'icon.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#0b3d91"/><rect x="136" y="232" width="240" height="184" rx="24" fill="#fff"/><path d="M184 232v-56a72 72 0 0 1 144 0v56" fill="none" stroke="#fff" stroke-width="40"/><circle cx="256" cy="312" r="24" fill="#0b3d91"/></svg>`,
  'icon-neutral.svg': `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#f2c94c"/><rect x="128" y="96" width="256" height="320" rx="16" fill="#fff"/><path d="M168 176h176M168 240h176M168 304h120" stroke="#6b6b6b" stroke-width="20" stroke-linecap="round"/></svg>`,
} as const;

export function vaultManifest(language: Language, neutral: boolean) {
  const name = neutral ? TITLES[language].neutral : TITLES[language].app;
  return {
    name,
    short_name: name,
    lang: language,
    start_url: '/vault/',
    scope: '/vault/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: neutral ? '#f2c94c' : '#0b3d91',
    icons: [
      {
        src: neutral ? '/vault/icon-neutral.svg' : '/vault/icon.svg',
        sizes: 'any',
        type: 'image/svg+xml',
        purpose: 'any',
      },
    ],
  };
}

export async function registerVaultWeb(
  app: FastifyInstance,
  deps: VaultWebDeps = {},
): Promise<void> {
  const dist = path.resolve(deps.distDir ?? DEFAULT_DIST);

  // Re-read when a file changes, so a rebuild while the server runs is picked up.
  const cache = new Map<string, { mtimeMs: number; body: string }>();
  async function built(file: string): Promise<string | null> {
    const p = path.join(dist, file);
    try {
      const { mtimeMs } = await stat(p);
      const hit = cache.get(file);
      if (hit?.mtimeMs === mtimeMs) return hit.body;
      const body = await readFile(p, 'utf8');
      cache.set(file, { mtimeMs, body });
      return body;
    } catch {
      cache.delete(file);
      return null;
    }
  }

  const hide = { schema: { hide: true } };

  // The app lives under /vault/ (the service worker's scope); /vault alone leads there.
  app.get('/vault', hide, async (request, reply) => {
    const q = request.url.indexOf('?');
    privateHeaders(reply);
    return reply.redirect(`/vault/${q >= 0 ? request.url.slice(q) : ''}`, 308);
  });

  app.get(
    '/vault/',
    hide,
    async (request: FastifyRequest<{ Querystring: { lang?: unknown } }>, reply) => {
      privateHeaders(reply)
        .header('content-security-policy', VAULT_PAGE_POLICY)
        .header('x-frame-options', 'DENY');
      if ((await built('app.js')) === null) {
        return reply
          .code(503)
          .type('text/html; charset=utf-8')
          .send(
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vault</title></head><body><h1>The vault is not available right now</h1><p>${NOT_BUILT}</p></body></html>`,
          );
      }
      return reply
        .type('text/html; charset=utf-8')
        .send(vaultPageHtml(languageOf(request.query.lang), deps.exitUrl));
    },
  );

  app.get(
    '/vault/manifest.webmanifest',
    hide,
    async (
      request: FastifyRequest<{ Querystring: { lang?: unknown; neutral?: unknown } }>,
      reply,
    ) =>
      privateHeaders(reply)
        .type('application/manifest+json; charset=utf-8')
        .send(
          JSON.stringify(
            vaultManifest(languageOf(request.query.lang), request.query.neutral === '1'),
          ),
        ),
  );

  for (const [file, svg] of Object.entries(ICONS)) {
    app.get(`/vault/${file}`, hide, async (_request, reply) =>
      privateHeaders(reply).type('image/svg+xml').send(svg),
    );
  }

  app.get(
    '/vault/:file',
    hide,
    async (request: FastifyRequest<{ Params: { file: string } }>, reply) => {
      privateHeaders(reply);
      const { file } = request.params;
      if (!BUILT_FILE.test(file)) return reply.code(404).send();
      const js = await built(file);
      if (js === null) {
        const missingApp = file === 'app.js' || file === 'sw.js';
        return reply
          .code(missingApp ? 503 : 404)
          .type('text/plain; charset=utf-8')
          .send(missingApp ? NOT_BUILT : 'Not found');
      }
      // The worker may control all of /vault/ (it is served from /vault/ already; said explicitly).
      if (file === 'sw.js') void reply.header('service-worker-allowed', '/vault/');
      return reply.type('text/javascript; charset=utf-8').send(js);
    },
  );
}
