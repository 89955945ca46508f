// The one way the console talks to the API: JSON over fetch with the session cookie, the latest
// CSRF token on every change, and errors turned into ApiError. A 401 that means "no session"
// (expired, or signed out elsewhere) is reported to the sign-in gate, which shows the sign-in
// screen with a notice instead of leaving the user on a screen that no longer works.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What else the error said (e.g. the contact rule that refused a message, and until when). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes that mean the session is gone, whatever call received them. */
const SESSION_GONE = new Set(['unauthenticated', 'session_expired']);

// The token lives in memory only: the server hands it out with the session and replaces it on
// every sign-in step (the session id is rotated then), so nothing is kept on the device.
let csrfToken = '';
let sessionGoneHandler: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function onSessionGone(handler: (() => void) | null): void {
  sessionGoneHandler = handler;
}

function errorFrom(status: number, data: unknown): ApiError {
  if (typeof data === 'object' && data !== null && 'error' in data) {
    const e = data.error;
    if (typeof e === 'object' && e !== null) {
      const { code, message, ...details } = e as Record<string, unknown>;
      if (typeof code === 'string' && typeof message === 'string') {
        return new ApiError(status, code, message, details);
      }
    }
  }
  return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `HTTP ${status}`);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A body sent as it is (a file's text), not as JSON. */
interface RawBody {
  text: string;
  contentType: string;
}

async function request(
  method: Method,
  path: string,
  body?: unknown,
  raw?: RawBody,
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
    headers['content-type'] = raw?.contentType ?? 'application/json';
    init.body = raw ? raw.text : JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached.');
  }
  if (res.status === 204) return null;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = errorFrom(res.status, data);
    if (res.status === 401 && SESSION_GONE.has(err.code)) sessionGoneHandler?.();
    throw err;
  }
  return data;
}

export const api = {
  get: <T>(path: string) => request('GET', path) as Promise<T>,
  post: <T>(path: string, body?: unknown) => request('POST', path, body) as Promise<T>,
  /** Posts a file's text as it is, with its content type (a CSV import). */
  postText: <T>(path: string, text: string, contentType: string) =>
    request('POST', path, undefined, { text, contentType }) as Promise<T>,
  patch: <T>(path: string, body: unknown) => request('PATCH', path, body) as Promise<T>,
  delete: <T>(path: string) => request('DELETE', path) as Promise<T>,
};
