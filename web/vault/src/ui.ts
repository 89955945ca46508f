// The person's vault app: every screen, and the one session it keeps in memory (the vault id, the
// identity, the CSRF token). No screen adds a history entry (the address stays /vault/), so the
// back button and quick exit leave nothing to return to. Keys live in this closure only: lock,
// auto-lock and quick exit drop them, and the server's lock answer clears the site's cache and
// cookies. Every text comes from strings/; everything the server or a manifest says is set as text,
// never parsed as markup.
import { Decrypter } from 'age-encryption';
import type { UnlockRequest, VaultItem, VaultShare } from '../../../src/contracts/vault-protocol';
import { quickExit } from '../../chat/src/quick-exit';
import { ApiError, OfflineError, type VaultApi } from './api';
import { button, checkbox, field, h, offerDownload } from './dom';
import { formatSize, formatWhen } from './format';
import { idleLock, type IdleLock, type Timers } from './idle';
import {
  deriveAuthKey,
  keyFileText,
  newSalt,
  normaliseRecoveryCode,
  prepareVault,
  unwrapIdentity,
  wrapIdentity,
  type VaultKeys,
} from './keys';
import { kindOf, openManifest, type ItemManifest } from './manifest';
import { addItemToOutbox, addShareToOutbox, type OutboxEntry, type OutboxStore } from './outbox';
import { acceptable, loadStrength } from './strength';
import { stringsFor, WRITTEN, type Strings, type VaultLanguage } from './strings';
import { drainOutbox } from './upload';

export interface AppDeps {
  api: VaultApi;
  outbox: OutboxStore;
  language: VaultLanguage;
  exitUrl: string;
  timers: Timers;
  now: () => Date;
  online: () => boolean;
  /** Remembered on the device: the chosen language and the neutral-name option (no vault data). */
  prefs: { get(key: string): string | null; set(key: string, value: string | null): void };
  replace: (url: string) => void;
  /** Points the page's web app manifest at the neutral or the usual one. */
  setNeutral: (neutral: boolean) => void;
}

interface Session {
  vaultId: string;
  keys: VaultKeys;
  idle: IdleLock;
  /** Manifests opened so far, by item id (memory only). */
  manifests: Map<string, ItemManifest | null>;
}

export function mountApp(root: HTMLElement, deps: AppDeps): void {
  let s: Strings = stringsFor(deps.language);
  let language = deps.language;
  let session: Session | null = null;

  const notice = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  const name = h('span', { class: 'name' });
  const lockButton = button('', () => void lock(), 'btn secondary');
  const exitButton = button('', () => exit(), 'btn exit');
  exitButton.id = 'quick-exit';
  const exitHint = h('span', { class: 'hint' });
  root.append(h('header', { class: 'top' }, name, exitHint, lockButton, exitButton), main);

  function frame(): void {
    const neutral = deps.prefs.get('neutral') === '1';
    name.textContent = neutral ? s.neutralAppName : s.appName;
    document.title = name.textContent;
    document.documentElement.lang = language;
    lockButton.textContent = s.lock;
    lockButton.hidden = session === null;
    exitButton.textContent = s.quickExit;
    exitHint.textContent = s.quickExitHint;
  }

  function say(text: string): void {
    notice.textContent = text;
  }

  /** Replaces the screen and moves focus to its heading (screen readers announce the change). */
  function show(heading: string, ...content: (Node | null | false)[]): void {
    frame();
    // A new screen starts without the last one's message ("Making your vault…" is done).
    say('');
    main.replaceChildren(
      h('h1', { tabindex: '-1' }, heading),
      notice,
      ...content.filter((c) => !!c),
    );
    main.querySelector('h1')?.focus();
  }

  /** Runs a step with the form's button disabled, turning failures into plain messages. */
  async function busy(btn: HTMLButtonElement | null, waitText: string, step: () => Promise<void>) {
    if (btn) btn.disabled = true;
    say(waitText);
    try {
      await step();
    } catch (err) {
      say(messageOf(err));
    } finally {
      if (btn) btn.disabled = false;
    }
  }

  function messageOf(err: unknown): string {
    // Locked, nothing can wait in the outbox: the wrapped key to open the vault is on the server.
    if (err instanceof OfflineError) return session ? s.offline : s.offlineLocked;
    if (err instanceof ApiError) {
      if (err.status === 429) return s.throttled(err.retryAfterSeconds ?? 60);
      if (err.code === 'session_expired' || err.code === 'unauthenticated') {
        void lock(s.sessionEnded);
        return s.sessionEnded;
      }
      if (err.code === 'invalid_credentials') return s.wrongSecret;
    }
    return s.error;
  }

  function form(onsubmit: (btn: HTMLButtonElement) => void, submitText: string, ...fields: Node[]) {
    const submit = h('button', { type: 'submit', class: 'btn' }, submitText);
    const f = h('form', { novalidate: true }, ...fields, h('div', { class: 'actions' }, submit));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      onsubmit(submit);
    });
    return f;
  }

  const input = (attrs: Record<string, string | boolean> = {}) =>
    h('input', { autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', ...attrs });

  // ---- locked: open, create, recover ------------------------------------------------------

  function languagePicker(): HTMLElement {
    const select = h('select', {
      onchange: () => {
        language = select.value as VaultLanguage;
        s = stringsFor(language);
        deps.prefs.set('lang', language);
        startScreen();
      },
    });
    for (const [code, text] of Object.entries(WRITTEN)) {
      select.append(h('option', { value: code, selected: code === language }, text.languageName));
    }
    return field(s.languageLabel, select);
  }

  function startScreen(message = ''): void {
    const vaultId = input({ name: 'vault-id', autocomplete: 'username' });
    const pass = input({ type: 'password', name: 'passphrase', autocomplete: 'current-password' });
    show(
      s.startHeading,
      h('p', {}, s.startIntro),
      form(
        (btn) => void unlock(btn, 'passphrase', vaultId.value, pass.value),
        s.unlock,
        field(s.vaultIdLabel, vaultId, s.vaultIdHint),
        field(s.passphraseLabel, pass),
      ),
      button(s.useRecovery, () => recoveryScreen(), 'btn link'),
      h('h2', {}, s.createHeading),
      h('p', {}, s.createIntro),
      button(s.createButton, () => createScreen(), 'btn secondary'),
      languagePicker(),
    );
    say(message);
  }

  function recoveryScreen(): void {
    const vaultId = input({ name: 'vault-id' });
    const code = input({ name: 'recovery-code' });
    show(
      s.recoveryHeading,
      form(
        (btn) => {
          const normal = normaliseRecoveryCode(code.value);
          if (!normal) return say(s.recoveryInvalid);
          void unlock(btn, 'recovery', vaultId.value, normal);
        },
        s.unlock,
        field(s.vaultIdLabel, vaultId, s.vaultIdHint),
        field(s.recoveryCodeLabel, code, s.recoveryCodeHint),
      ),
      button(s.back, () => startScreen(), 'btn link'),
    );
  }

  async function unlock(
    btn: HTMLButtonElement,
    method: UnlockRequest['method'],
    vaultId: string,
    secret: string,
  ) {
    await busy(btn, s.unlocking, async () => {
      const params = await deps.api.authParams(vaultId.trim());
      const salt = method === 'passphrase' ? params.authSalt : params.recoverySalt;
      const authKey = await deriveAuthKey(secret, salt, method, params.kdf);
      const opened = await deps.api.unlock({ vaultId: vaultId.trim(), method, authKey });
      const keys = await unwrapIdentity(opened.wrappedIdentity, secret);
      begin(opened.vaultId, keys, opened.idleSeconds);
      const warning =
        opened.failedAttemptsSinceLastUnlock > 0
          ? s.failedAttempts(opened.failedAttemptsSinceLastUnlock)
          : '';
      // What was captured while offline (sealed, in the outbox) goes up now.
      await drain().catch(() => null);
      if (method === 'recovery') newPassphraseScreen(warning);
      else await itemsScreen(warning);
    });
  }

  function begin(vaultId: string, keys: VaultKeys, idleSeconds: number): void {
    const idle = idleLock(deps.timers, idleSeconds * 1000, () => void lock(s.sessionEnded));
    session = { vaultId, keys, idle, manifests: new Map() };
  }

  /** A passphrase field pair with the strength meter; `value()` is null until it is good enough. */
  function passphraseChooser() {
    const pass = input({ type: 'password', name: 'new-passphrase', autocomplete: 'new-password' });
    const again = input({
      type: 'password',
      name: 'repeat-passphrase',
      autocomplete: 'new-password',
    });
    const meter = h('meter', { min: '0', max: '4', value: '0', 'aria-label': s.strengthLabel });
    const verdict = h('span', { class: 'hint', 'aria-live': 'polite' }, s.strengthLoading);
    let good = false;
    const judge = async () => {
      const judgeOf = await loadStrength().catch(() => null);
      if (!judgeOf) {
        // Without the dictionaries, length alone has to do: long enough to be several words.
        good = pass.value.length >= 20;
        verdict.textContent = good ? s.strength[3]! : s.tooWeak;
        return;
      }
      const e = judgeOf(pass.value, []);
      meter.value = e.score;
      good = acceptable(e);
      verdict.textContent = pass.value ? s.strength[e.score]! : '';
    };
    pass.addEventListener('input', () => void judge());
    void judge();
    return {
      nodes: [
        field(s.newPassphraseLabel, pass, s.newPassphraseHint),
        h('div', { class: 'field' }, meter, verdict),
        field(s.repeatPassphraseLabel, again),
      ],
      async value(): Promise<string | null> {
        await judge();
        if (!good) return (say(s.tooWeak), null);
        if (pass.value !== again.value) return (say(s.notSame), null);
        return pass.value;
      },
    };
  }

  function createScreen(): void {
    const chooser = passphraseChooser();
    show(
      s.createHeading,
      h('p', {}, s.createIntro),
      form(
        (btn) =>
          void (async () => {
            const passphrase = await chooser.value();
            if (passphrase === null) return;
            await busy(btn, s.creating, async () => {
              const v = await prepareVault(passphrase);
              const created = await deps.api.create(v.request);
              begin(created.vaultId, v.keys, created.idleSeconds);
              createdScreen(created.vaultId, v.recoveryCode);
            });
          })(),
        s.createButton,
        ...chooser.nodes,
      ),
      button(s.back, () => startScreen(), 'btn link'),
    );
  }

  function createdScreen(vaultId: string, recoveryCode: string): void {
    const done = h('input', {});
    const go = button(s.continue, () => void itemsScreen());
    go.disabled = true;
    done.addEventListener('change', () => (go.disabled = !done.checked));
    show(
      s.createdHeading,
      h('p', {}, s.createdIntro),
      h('h2', {}, s.yourVaultId),
      h('p', { class: 'code', id: 'vault-id' }, vaultId),
      h('h2', {}, s.yourRecoveryCode),
      h('p', { class: 'code', id: 'recovery-code' }, recoveryCode),
      checkbox(s.writtenDown, done),
      h('div', { class: 'actions' }, go),
    );
  }

  function newPassphraseScreen(message = ''): void {
    const chooser = passphraseChooser();
    show(
      s.setPassphraseHeading,
      form(
        (btn) =>
          void (async () => {
            const passphrase = await chooser.value();
            if (passphrase === null || !session) return;
            const keys = session.keys;
            await busy(btn, s.working, async () => {
              const authSalt = newSalt();
              const [authKey, passphraseWrappedIdentity] = await Promise.all([
                deriveAuthKey(passphrase, authSalt, 'passphrase'),
                wrapIdentity(keys.identity, passphrase),
              ]);
              await deps.api.changePassphrase({ authSalt, authKey, passphraseWrappedIdentity });
              await itemsScreen(s.passphraseChanged);
            });
          })(),
        s.setPassphrase,
        ...chooser.nodes,
      ),
    );
    say(message);
  }

  // ---- open: items ---------------------------------------------------------------------------

  async function manifestOf(itemId: string): Promise<ItemManifest | null> {
    const v = session!;
    if (v.manifests.has(itemId)) return v.manifests.get(itemId)!;
    let m: ItemManifest | null;
    try {
      const res = await deps.api.itemBytes(itemId, 'manifest');
      m = await openManifest(new Uint8Array(await res.arrayBuffer()), v.keys.identity);
    } catch (err) {
      if (err instanceof ApiError || err instanceof OfflineError) throw err;
      m = null; // not this vault's, or damaged: listed as unreadable
    }
    v.manifests.set(itemId, m);
    return m;
  }

  async function outboxLine(): Promise<HTMLElement | null> {
    if (!session) return null;
    const mine = (await deps.outbox.entries()).filter((e) => e.vaultId === session!.vaultId);
    const failed = mine.filter((e) => e.state === 'failed');
    const waiting = mine.length - failed.length;
    if (mine.length === 0) return null;
    return h(
      'div',
      { class: 'notice', id: 'outbox' },
      waiting ? h('p', {}, s.waiting(waiting)) : null,
      ...failed.map((e) =>
        h(
          'p',
          {},
          s.uploadFailed + ' ',
          button(
            s.discard,
            () => void deps.outbox.remove(e.id).then(() => itemsScreen()),
            'btn link',
          ),
        ),
      ),
    );
  }

  let draining = false;
  /** Uploads what waits in the outbox for the open vault. Offline: it stays for later. */
  /** How many went up, or null when the server could not be reached (or a drain is under way). */
  async function drain(
    progress?: (entry: OutboxEntry, sent: number) => void,
  ): Promise<number | null> {
    if (!session || draining) return null;
    draining = true;
    try {
      return (await drainOutbox(deps.api, deps.outbox, session.vaultId, progress)).uploaded;
    } catch (err) {
      if (err instanceof OfflineError) return null;
      throw err;
    } finally {
      draining = false;
    }
  }

  async function itemsScreen(message = ''): Promise<void> {
    if (!session) return startScreen();
    const items = await deps.api.items();
    const manifests = await Promise.all(items.map((i) => manifestOf(i.itemId)));
    const rows = items.map((item, i) => itemRow(item, manifests[i] ?? null));
    const table = items.length
      ? h(
          'table',
          { id: 'items' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...[
                s.columns.kind,
                s.columns.description,
                s.columns.added,
                s.columns.size,
                s.columns.actions,
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h('tbody', {}, ...rows),
        )
      : h('p', {}, s.noItems);
    show(
      s.itemsHeading,
      await outboxLine(),
      h(
        'div',
        { class: 'actions' },
        button(s.addItem, () => addScreen()),
        button(s.shares, () => void sharesScreen(), 'btn secondary'),
        button(s.requests, () => void requestsScreen(), 'btn secondary'),
        button(s.settings, () => void settingsScreen(), 'btn secondary'),
      ),
      table,
      h(
        'div',
        { class: 'actions' },
        h(
          'a',
          { class: 'btn secondary', href: '/api/vault/export', download: 'vault-export.zip' },
          s.exportVault,
        ),
        button(s.saveKey, () => saveKey(), 'btn secondary'),
      ),
      h('p', { class: 'hint' }, s.saveKeyHint),
    );
    say(message);
  }

  function itemRow(item: VaultItem, m: ItemManifest | null): HTMLTableRowElement {
    return h(
      'tr',
      { 'data-item': item.itemId },
      h('td', {}, m ? s.kinds[kindOf(m)] : s.unreadable),
      h('td', {}, m ? m.description || m.name : ''),
      h('td', {}, formatWhen(m?.addedAt ?? item.addedAt, language)),
      h('td', {}, formatSize(m?.size ?? item.size, s)),
      h(
        'td',
        {},
        button(s.open, () => void itemScreen(item, m), 'btn link'),
      ),
    );
  }

  function saveKey(): void {
    if (!session) return;
    const text = keyFileText(session.keys, deps.now().toISOString());
    offerDownload(new Blob([text], { type: 'text/plain' }), 'vault-key.txt');
  }

  /** The item's plaintext as a stream, decrypted here from its age file as it downloads. */
  async function plaintextOf(itemId: string): Promise<ReadableStream<Uint8Array>> {
    const res = await deps.api.itemBytes(itemId, 'item');
    const d = new Decrypter();
    d.addIdentity(session!.keys.identity);
    return d.decrypt(res.body!);
  }

  async function itemScreen(item: VaultItem, m: ItemManifest | null): Promise<void> {
    const preview = h('div', { class: 'preview', id: 'preview' });
    let url: string | null = null;
    const decrypted = async (): Promise<Blob> =>
      new Response(await plaintextOf(item.itemId))
        .blob()
        .then((b) => b.slice(0, b.size, m?.type || 'application/octet-stream'));
    const openBtn = button(
      s.open,
      () =>
        void busy(openBtn, s.decrypting, async () => {
          const blob = await decrypted();
          if (url) URL.revokeObjectURL(url);
          url = URL.createObjectURL(blob);
          const kind = m ? kindOf(m) : 'file';
          if (kind === 'photo')
            preview.replaceChildren(h('img', { src: url, alt: m?.description ?? '' }));
          else if (kind === 'video')
            preview.replaceChildren(h('video', { src: url, controls: true }));
          else if (kind === 'audio')
            preview.replaceChildren(h('audio', { src: url, controls: true }));
          else if (kind === 'note' || m?.type.startsWith('text/'))
            preview.replaceChildren(h('pre', {}, await blob.text()));
          else offerDownload(blob, m?.name ?? `${item.itemId}.bin`);
          say('');
        }),
    );
    const downloadBtn = button(
      s.download,
      () =>
        void busy(downloadBtn, s.decrypting, async () => {
          offerDownload(await decrypted(), m?.name ?? `${item.itemId}.bin`);
          say('');
        }),
      'btn secondary',
    );
    const removeBtn = button(
      s.remove,
      () => {
        if (!confirm(s.removeConfirm)) return;
        void busy(removeBtn, s.working, async () => {
          await deps.api.deleteItem(item.itemId);
          session?.manifests.delete(item.itemId);
          await itemsScreen();
        });
      },
      'btn danger',
    );
    show(
      m ? m.description || m.name : s.itemHeading,
      h(
        'dl',
        {},
        h('dt', {}, s.name),
        h('dd', {}, m?.name ?? s.unreadable),
        h('dt', {}, s.columns.added),
        h('dd', {}, formatWhen(m?.addedAt ?? item.addedAt, language)),
        h('dt', {}, s.columns.size),
        h('dd', {}, formatSize(m?.size ?? item.size, s)),
        h('dt', {}, s.fingerprint),
        h('dd', { class: 'mono' }, m?.sha256 ?? ''),
      ),
      h('div', { class: 'actions' }, openBtn, downloadBtn, removeBtn),
      preview,
      button(
        s.back,
        () => {
          if (url) URL.revokeObjectURL(url);
          void itemsScreen();
        },
        'btn link',
      ),
    );
  }

  function addScreen(): void {
    const fileInput = h('input', { type: 'file', name: 'file' });
    const camera = h('input', {
      type: 'file',
      name: 'camera',
      accept: 'image/*,video/*',
      capture: 'environment',
    });
    const note = h('textarea', { name: 'note' });
    const description = h('textarea', { name: 'description' });
    show(
      s.addHeading,
      form(
        (btn) => {
          const file = fileInput.files?.[0] ?? camera.files?.[0] ?? null;
          const source = fileInput.files?.[0] ? 'file' : camera.files?.[0] ? 'camera' : 'note';
          if (!file && !note.value.trim()) return say(s.nothingChosen);
          void busy(btn, s.encrypting, async () => {
            const v = session!;
            const now = deps.now().toISOString();
            const blob = file ?? new Blob([note.value], { type: 'text/plain;charset=utf-8' });
            await addItemToOutbox({
              store: deps.outbox,
              id: crypto.randomUUID(),
              vaultId: v.vaultId,
              recipient: v.keys.recipient,
              plaintext: blob.stream(),
              about: {
                name: file?.name ?? `note-${now.slice(0, 10)}.txt`,
                type: file ? file.type : 'text/plain',
                description: description.value.trim(),
                source,
              },
              now,
            });
            const online = await drain((entry, sent) =>
              say(s.uploading(Math.floor((sent / entry.size) * 100))),
            );
            await itemsScreen(online === null ? s.savedOffline : s.added);
          });
        },
        s.save,
        field(s.fileLabel, fileInput),
        field(s.cameraLabel, camera),
        field(s.noteLabel, note),
        field(s.descriptionLabel, description, s.descriptionHint),
      ),
      button(s.back, () => void itemsScreen(), 'btn link'),
    );
  }

  // ---- sharing ---------------------------------------------------------------------------------

  async function sharesScreen(message = ''): Promise<void> {
    if (!session) return startScreen();
    const [recipients, shares, items] = await Promise.all([
      deps.api.recipients(),
      deps.api.shares(),
      deps.api.items(),
    ]);
    const code = input({ name: 'share-code' });
    const addForm = form(
      (btn) =>
        void busy(btn, s.working, async () => {
          await deps.api.addRecipient(code.value.trim().toUpperCase());
          await sharesScreen();
        }),
      s.addRecipient,
      field(s.shareCodeLabel, code, s.shareCodeHint),
    );
    const choices = await Promise.all(
      items.map(async (item) => {
        const m = await manifestOf(item.itemId);
        const box = h('input', { value: item.itemId, name: 'share-item' });
        return { item, box, node: checkbox(m ? m.description || m.name : item.itemId, box) };
      }),
    );
    const who = h('select', { name: 'recipient' });
    for (const r of recipients) who.append(h('option', { value: r.recipientId }, r.displayName));
    const shareForm =
      recipients.length && items.length
        ? form(
            (btn) =>
              void busy(btn, s.sharing, async () => {
                const recipient = recipients.find((r) => r.recipientId === who.value);
                const chosen = choices.filter((c) => c.box.checked);
                if (!recipient || chosen.length === 0) return say(s.nothingChosen);
                for (const c of chosen) {
                  await addShareToOutbox({
                    store: deps.outbox,
                    id: crypto.randomUUID(),
                    vaultId: session!.vaultId,
                    recipient: recipient.agePublicKey,
                    plaintext: await plaintextOf(c.item.itemId),
                    createdAt: deps.now().toISOString(),
                    itemId: c.item.itemId,
                    recipientId: recipient.recipientId,
                  });
                }
                const online = await drain();
                await sharesScreen(online === null ? s.savedOffline : s.shared);
              }),
            s.shareButton,
            h('fieldset', {}, h('legend', {}, s.shareWhat), ...choices.map((c) => c.node)),
            field(s.shareWith, who),
          )
        : null;
    show(
      s.sharesHeading,
      h('p', {}, s.sharesIntro),
      h('h2', {}, s.recipientsHeading),
      recipients.length
        ? h('ul', { class: 'list' }, ...recipients.map((r) => h('li', {}, r.displayName)))
        : h('p', {}, s.noRecipients),
      addForm,
      shareForm,
      h('h2', {}, s.sharesList),
      shares.length
        ? h('ul', { class: 'list', id: 'shares' }, ...shares.map((x) => shareRow(x)))
        : h('p', {}, s.noShares),
      button(s.back, () => void itemsScreen(), 'btn link'),
    );
    say(message);
  }

  function shareRow(x: VaultShare): HTMLLIElement {
    const m = session?.manifests.get(x.itemId);
    const when = (iso: string) => formatWhen(iso, language);
    const revokeBtn = button(
      s.revoke,
      () => {
        if (!confirm(s.revokeConfirm)) return;
        void busy(revokeBtn, s.working, async () => {
          await deps.api.revokeShare(x.shareId);
          await sharesScreen();
        });
      },
      'btn secondary',
    );
    return h(
      'li',
      {},
      h('strong', {}, m ? m.description || m.name : x.itemId),
      h('p', {}, s.sharedOn(x.recipientName, when(x.sharedAt))),
      h('p', {}, x.opens.length ? s.opened(x.opens.map(when).join(', ')) : s.neverOpened),
      x.revokedAt ? h('p', {}, s.revoked(when(x.revokedAt))) : revokeBtn,
    );
  }

  async function requestsScreen(): Promise<void> {
    if (!session) return startScreen();
    const requests = await deps.api.requests();
    const answer = (id: string, status: 'answered' | 'declined', b: HTMLButtonElement) =>
      void busy(b, s.working, async () => {
        await deps.api.answerRequest(id, status);
        await requestsScreen();
      });
    show(
      s.requestsHeading,
      requests.length
        ? h(
            'ul',
            { class: 'list' },
            ...requests.map((q) => {
              const yes: HTMLButtonElement = button(s.answer, () =>
                answer(q.requestId, 'answered', yes),
              );
              const no: HTMLButtonElement = button(
                s.decline,
                () => answer(q.requestId, 'declined', no),
                'btn secondary',
              );
              return h(
                'li',
                {},
                h(
                  'p',
                  {},
                  h(
                    'strong',
                    {},
                    s.requestFrom(q.recipientName, formatWhen(q.createdAt, language)),
                  ),
                ),
                h('p', {}, q.message),
                q.status === 'open'
                  ? h(
                      'div',
                      { class: 'actions' },
                      yes,
                      no,
                      button(s.shares, () => void sharesScreen(), 'btn link'),
                    )
                  : h('p', {}, s.status[q.status]),
              );
            }),
          )
        : h('p', {}, s.noRequests),
      button(s.back, () => void itemsScreen(), 'btn link'),
    );
  }

  async function settingsScreen(): Promise<void> {
    if (!session) return startScreen();
    const settings = await deps.api.settings();
    const wipe = h('select', { name: 'wipe-after', 'aria-describedby': 'wipe-hint' });
    for (const n of [null, 3, 5, 10, 20]) {
      wipe.append(
        h(
          'option',
          { value: n === null ? '' : String(n), selected: settings.wipeAfter === n },
          n === null ? s.wipeNever : String(n),
        ),
      );
    }
    const neutral = h('input', { name: 'neutral', checked: deps.prefs.get('neutral') === '1' });
    neutral.addEventListener('change', () => {
      deps.prefs.set('neutral', neutral.checked ? '1' : null);
      deps.setNeutral(neutral.checked);
      frame();
    });
    const confirmPass = input({
      type: 'password',
      name: 'confirm-passphrase',
      autocomplete: 'current-password',
    });
    show(
      s.settingsHeading,
      form(
        (btn) =>
          void busy(btn, s.working, async () => {
            await deps.api.setWipeAfter(wipe.value ? Number(wipe.value) : null);
            say(s.wipeSaved);
          }),
        s.saveSettings,
        field(s.wipeLabel, wipe),
        // Whoever takes the phone can erase the evidence this way: said where the choice is made.
        h('p', { class: 'hint', id: 'wipe-hint' }, s.wipeHint),
      ),
      checkbox(s.neutralLabel, neutral),
      h('p', { class: 'hint' }, s.neutralHint),
      languagePicker(),
      h('h2', {}, s.changePassphraseHeading),
      button(s.changePassphraseHeading, () => newPassphraseScreen(), 'btn secondary'),
      h('h2', {}, s.deleteHeading),
      form(
        (btn) =>
          void busy(btn, s.working, async () => {
            const v = session!;
            const params = await deps.api.authParams(v.vaultId);
            const authKey = await deriveAuthKey(
              confirmPass.value,
              params.authSalt,
              'passphrase',
              params.kdf,
            );
            await deps.api.erase(authKey);
            for (const e of await deps.outbox.entries()) {
              if (e.vaultId === v.vaultId) await deps.outbox.remove(e.id);
            }
            forget();
            startScreen(s.deleted);
          }),
        s.deleteButton,
        h('p', {}, s.deleteHint),
        field(s.passphraseLabel, confirmPass),
      ),
      button(s.back, () => void itemsScreen(), 'btn link'),
    );
  }

  // ---- leaving ---------------------------------------------------------------------------------

  /** Drops the keys and everything decrypted (memory only: there is nothing else to drop). */
  function forget(): void {
    session?.idle.stop();
    session = null;
  }

  async function lock(message = ''): Promise<void> {
    forget();
    main.replaceChildren();
    try {
      await deps.api.lock();
    } catch {
      // Offline: the server's session ends by itself when idle.
    }
    startScreen(message);
  }

  function exit(): void {
    quickExit({
      blank: () => {
        document.body.className = 'blank';
        root.replaceChildren();
        document.title = '';
      },
      drop: () => {
        forget();
        // Fire and forget: the page is leaving, and keepalive lets the lock outlive it.
        void fetch('/api/vault/lock', {
          method: 'POST',
          keepalive: true,
          credentials: 'same-origin',
        }).catch(() => {});
      },
      replace: deps.replace,
      url: deps.exitUrl,
    });
  }

  // Escape leaves at once (from anywhere, even a field); any other activity keeps the vault open.
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      exit();
    }
  });
  for (const ev of ['pointerdown', 'keydown', 'scroll', 'input']) {
    document.addEventListener(ev, () => session?.idle.touch(), { passive: true, capture: true });
  }
  window.addEventListener('online', () => {
    // Only when something went up: the person may be in the middle of another screen.
    if (session) void drain().then((n) => (n ? itemsScreen(s.added) : undefined));
  });

  startScreen();
}
