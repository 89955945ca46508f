// Serves the chat widget: GET /chat/widget.js (the one script an organisation's site embeds) and
// GET /chat (the same script as a full page). Both from web/chat/dist, never cached (a victim's
// device keeps no copy of where they were), no cookies, no referrer, and for the page a strict CSP:
// nothing from anywhere but this server, the WebSocket only to this host. Not yet built: a clear 503.
// The script is served with the retention period written in (RETENTION_DAYS_MARK), so the start
// screen's privacy line says how long this server keeps a chat.
// The WebSocket itself (/chat/ws) belongs to the chat server (src/chat), not to this module.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CHAT_LANGUAGES,
  RETENTION_DAYS_MARK,
  type ChatLanguage,
} from '../../contracts/chat-protocol.js';
import { escapeAttr, PRIVATE_PAGE_HEAD, privateHeaders } from '../../platform/http/private-page.js';
import { PROJECT_ROOT } from '../../platform/project-root.js';

export interface ChatWidgetDeps {
  /** Days a chat is kept after it ends (RETENTION_CHAT_DAYS): the widget tells the visitor. */
  retentionDays: number;
  /** The widget's build folder (holds widget.js). Default: web/chat/dist. */
  distDir?: string;
  /** Where quick exit goes from the /chat page (data-exit-url); the widget's default when absent. */
  exitUrl?: string;
  /** The /chat page's language when its ?lang= does not name one. Default: nl. */
  defaultLanguage?: ChatLanguage;
}

const DEFAULT_DIST = path.join(PROJECT_ROOT, 'web', 'chat', 'dist');

const NOT_BUILT = 'Chat widget not built: run npm run build';

/** A Host header we may write into the CSP: a name or address with an optional port, nothing else. */
const SAFE_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The page's policy. Styles come from constructed style sheets inside the widget's Shadow DOM
 * (CSSOM, which style-src does not govern), so no inline style or script is allowed at all.
 * connect-src names ws:/wss: of this host explicitly: 'self' covers them only in newer browsers.
 */
export function chatPagePolicy(host: string | undefined): string {
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function chatPageHtml(language: ChatLanguage, exitUrl: string | undefined): string {
  const exit = exitUrl ? ` data-exit-url="${escapeAttr(exitUrl)}"` : '';
  return `<!doctype html>
<html lang="${language}">
<head>
${PRIVATE_PAGE_HEAD}
<title>Chat</title>
<script src="/chat/widget.js" data-mode="page" data-lang="${language}"${exit}></script>
</head>
<body>
<noscript>This chat needs JavaScript. In danger? Call 112.</noscript>
</body>
</html>
`;
}

export async function registerChatWidget(
  app: FastifyInstance,
  deps: ChatWidgetDeps,
): Promise<void> {
  const widgetFile = path.join(path.resolve(deps.distDir ?? DEFAULT_DIST), 'widget.js');
  const defaultLanguage = deps.defaultLanguage ?? 'nl';
  // A whole number only: it is written into a string literal of the script.
  const retentionDays = Math.trunc(deps.retentionDays);

  // Re-read when the file changes, so a rebuild while the server runs is picked up.
  let cached: { mtimeMs: number; js: string } | null = null;
  async function widget(): Promise<string | null> {
    try {
      const { mtimeMs } = await stat(widgetFile);
      if (cached?.mtimeMs !== mtimeMs) {
        const js = await readFile(widgetFile, 'utf8');
        cached = { mtimeMs, js: js.replaceAll(RETENTION_DAYS_MARK, String(retentionDays)) };
      }
      return cached.js;
    } catch {
      cached = null;
      return null;
    }
  }

  app.get('/chat/widget.js', { schema: { hide: true } }, async (_request, reply) => {
    const js = await widget();
    privateHeaders(reply);
    if (js === null) {
      return reply.code(503).type('text/plain; charset=utf-8').send(NOT_BUILT);
    }
    return (
      reply
        // Loaded by <script> from the organisation's own site: another origin must be able to
        // use it (helmet's default same-origin resource policy would block it there).
        .header('cross-origin-resource-policy', 'cross-origin')
        .type('text/javascript; charset=utf-8')
        .send(js)
    );
  });

  const page = async (
    request: FastifyRequest<{ Querystring: { lang?: unknown } }>,
    reply: FastifyReply,
  ) => {
    privateHeaders(reply)
      .header('content-security-policy', chatPagePolicy(request.headers.host))
      .header('x-frame-options', 'DENY');
    const js = await widget();
    if (js === null) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chat</title></head><body><h1>The chat is not available right now</h1><p>In danger? Call 112.</p><p>${NOT_BUILT}</p></body></html>`,
        );
    }
    const asked = typeof request.query.lang === 'string' ? request.query.lang : '';
    const language = (CHAT_LANGUAGES as readonly string[]).includes(asked)
      ? (asked as ChatLanguage)
      : defaultLanguage;
    return reply.type('text/html; charset=utf-8').send(chatPageHtml(language, deps.exitUrl));
  };
  app.get('/chat', { schema: { hide: true } }, page);
  // The console answers every other page path; /chat/ must not fall through to it.
  app.get('/chat/', { schema: { hide: true } }, page);
}
