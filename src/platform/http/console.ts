// Serves the operators' console (web/console). In production: the built files from
// web/console/dist — hashed /assets/* cached for a year, every other page path answered with
// index.html (the React router takes over) carrying this response's CSP nonce, never cached. In
// development (WEB_DEV): Vite's dev server in middleware mode, with hot reload over the same port.
// Helmet, cookies, auth and the /api routes belong to the server (server.ts), not to this plugin.
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/helmet'; // reply.cspNonce
import { PROJECT_ROOT } from '../project-root.js';

export interface ConsoleOptions {
  /** Serve through Vite's dev server with hot reload instead of the built files. */
  webDev: boolean;
  /** The console's folder (holds vite.config.ts, index.html and dist/). Default: web/console. */
  root?: string;
}

const DEFAULT_ROOT = path.join(PROJECT_ROOT, 'web', 'console');

/** Placeholder in index.html for the style nonce Mantine reads (see web/console/index.html). */
const STYLE_NONCE_PLACEHOLDER = '__CSP_STYLE_NONCE__';
const SCRIPT_NONCE_PLACEHOLDER = '__CSP_SCRIPT_NONCE__';

const NOT_BUILT = 'Console not built: run npm run build';

/** Paths that belong to the server, never to the console. */
export function isConsolePath(url: string): boolean {
  const p = url.split('?')[0] ?? '/';
  return !/^\/(?:api|healthz|readyz)(?:\/|$)/.test(p);
}

export async function registerConsole(app: FastifyInstance, opts: ConsoleOptions): Promise<void> {
  const root = path.resolve(opts.root ?? DEFAULT_ROOT);
  if (opts.webDev) await registerDevServer(app, root);
  else await app.register((scope) => registerBuiltConsole(scope, path.join(root, 'dist')));
}

// A nonce is hex or base64 from helmet; anything else is dropped rather than written into HTML.
const attr = (nonce: string | undefined) => (nonce ?? '').replace(/[^A-Za-z0-9+/=_-]/g, '');

async function registerBuiltConsole(app: FastifyInstance, distDir: string): Promise<void> {
  const fastifyStatic = (await import('@fastify/static')).default;
  const assetsDir = path.join(distDir, 'assets');
  const indexFile = path.join(distDir, 'index.html');
  // Registered inside this plugin's own scope, so another bundle may register @fastify/static too.
  await app.register(fastifyStatic, { root: distDir, serve: false, suppressWarning: true });

  // index.html is re-read when it changes, so `npm run build` while the server runs is picked up
  // (the old hashed assets are gone after a rebuild; a stale index.html would point at them).
  let cached: { mtimeMs: number; html: string } | null = null;
  async function indexTemplate(): Promise<string | null> {
    try {
      const { mtimeMs } = await stat(indexFile);
      if (cached?.mtimeMs !== mtimeMs)
        cached = { mtimeMs, html: await readFile(indexFile, 'utf8') };
      return cached.html;
    } catch {
      cached = null;
      return null;
    }
  }

  async function sendIndex(reply: FastifyReply) {
    const template = await indexTemplate();
    if (template === null) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(NOT_BUILT);
    }
    const html = template
      .replaceAll(STYLE_NONCE_PLACEHOLDER, attr(reply.cspNonce?.style))
      .replaceAll(SCRIPT_NONCE_PLACEHOLDER, attr(reply.cspNonce?.script));
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  }

  app.get('/assets/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    // File names carry a content hash: a changed file is a new name, so caching for good is safe.
    return reply.sendFile(request.params['*'], assetsDir, {
      maxAge: '365d',
      immutable: true,
      dotfiles: 'deny',
    });
  });

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    const p = (request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
    if (!isConsolePath(request.url)) return reply.callNotFound();
    const last = p.split('/').pop() ?? '';
    // Top-level files from web/console/public (favicon…); page paths have no dot in them.
    if (last.includes('.') && last !== 'index.html') {
      if (!(await indexTemplate())) return sendIndex(reply);
      return reply.sendFile(p, distDir, { maxAge: '1h', dotfiles: 'deny' });
    }
    return sendIndex(reply);
  };
  app.get('/', page);
  app.get('/*', page);
}

// Development only: the strict policy (nonces, no inline code) would block what Vite's dev server
// needs — its client and React Refresh use inline scripts and <style> tags, and hot reload speaks
// over a WebSocket. The production policy from server.ts applies to every /api response as usual.
const DEV_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function registerDevServer(app: FastifyInstance, root: string): Promise<void> {
  const [{ createServer }, { default: middie }] = await Promise.all([
    import('vite'),
    import('@fastify/middie'),
  ]);
  const vite = await createServer({
    configFile: path.join(root, 'vite.config.ts'),
    root,
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: app.server } },
  });
  app.addHook('onClose', async () => {
    await vite.close();
  });
  app.addHook('onRequest', async (request, reply) => {
    if (isConsolePath(request.url)) reply.raw.setHeader('content-security-policy', DEV_CSP);
  });
  await app.register(middie);
  app.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    if (!isConsolePath(req.url ?? '/')) {
      next();
      return;
    }
    vite.middlewares(req, res, next);
  });
}
