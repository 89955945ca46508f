import { describe, expect, it } from 'vitest';
import { ApiError, OfflineError, VaultApi } from './api';

/** A fetch that answers each call with the next response, recording what was asked. */
function scripted(...answers: (Response | Error)[]) {
  const asked: { url: string; init: RequestInit }[] = [];
  const fetcher = (async (url: string, init: RequestInit) => {
    asked.push({ url, init });
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return next;
  }) as unknown as typeof fetch;
  return { fetcher, asked };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the vault API client', () => {
  it('keeps the CSRF token of an unlock and sends it on changes only', async () => {
    const { fetcher, asked } = scripted(
      json(200, {
        vaultId: 'V',
        wrappedIdentity: 'A'.repeat(200),
        csrfToken: 'tok',
        idleSeconds: 600,
        failedAttemptsSinceLastUnlock: 0,
      }),
      json(200, { items: [] }),
      new Response(null, { status: 204 }),
    );
    const api = new VaultApi(fetcher);
    await api.unlock({ vaultId: 'V', method: 'passphrase', authKey: 'k'.repeat(43) });
    await api.items();
    await api.deleteItem('00000000-0000-4000-8000-000000000001');
    const headers = asked.map((a) => a.init.headers as Record<string, string>);
    expect(headers[1]!['x-vault-csrf']).toBeUndefined();
    expect(headers[2]!['x-vault-csrf']).toBe('tok');
    expect(asked.every((a) => a.init.cache === 'no-store')).toBe(true);
  });

  it('turns a throttled answer into an error with its wait, and no answer into OfflineError', async () => {
    const { fetcher } = scripted(
      json(429, {
        error: { code: 'rate_limited', message: 'Too many', retryAfterSeconds: 60 },
      }),
      new TypeError('Failed to fetch'),
    );
    const api = new VaultApi(fetcher);
    const err = await api
      .unlock({ vaultId: 'V', method: 'passphrase', authKey: 'k'.repeat(43) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 60 });
    await expect(api.items()).rejects.toBeInstanceOf(OfflineError);
  });

  it('refuses an answer that is not what the contract says', async () => {
    const { fetcher } = scripted(json(200, { items: [{ itemId: 'not a uuid' }] }));
    await expect(new VaultApi(fetcher).items()).rejects.toThrow();
  });
});
