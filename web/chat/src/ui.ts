// The widget's DOM, inside a Shadow DOM: a launcher and a panel on an organisation's site, or the
// panel alone as the full /chat page. It renders what the session's view says and hands the
// person's actions to the session; it holds no chat state of its own beyond the form fields.
//
// Accessibility: every control has a label; the panel's order is quick exit, the emergency number,
// then the screen; a screen change moves focus to its heading; new messages are announced through a
// polite live log; the queue's place and connection notices through status regions. Text from the
// server is only ever set as textContent.
import {
  AGE_GROUPS,
  CHAT_MESSAGE_MAX,
  SAFE_NOW,
  TOPICS,
  type ChatLanguage,
  type ChatTriage,
} from '../../../src/contracts/chat-protocol';
import { quickExit, shiftCounter } from './quick-exit';
import { ChatSession, type SessionDeps, type SessionView, type ShownMessage } from './session';
import { CSS } from './styles';
import { stringsFor, writtenLanguages, type Strings } from './strings';
import { transcriptText } from './transcript';

export interface WidgetOptions {
  mode: 'page' | 'embedded';
  /** The language the widget opens in (data-lang), before the person chooses one. */
  language: ChatLanguage;
  exitUrl: string;
  /** Days the server keeps a chat after it ends, for the privacy line; undefined: not known. */
  retentionDays?: number | undefined;
  /** Makes the session's socket and timers (the browser's, in main.ts). */
  sessionDeps: SessionDeps;
}

type Attrs = Record<string, string | boolean | undefined>;

/** Makes an element; attributes that are false or undefined are left out. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

let ids = 0;
const uid = (name: string) => `ac-${name}-${++ids}`;

type Screen = 'language' | 'questions' | 'chat' | 'ended';

function screenOf(v: SessionView): Screen {
  switch (v.phase) {
    case 'language':
    case 'questions':
    case 'ended':
      return v.phase;
    case 'connecting':
    case 'queued':
    case 'active':
      return 'chat';
  }
}

/** Mounts the widget on `host` (an element of its own). Returns what quick exit and tests need. */
export function mountWidget(host: HTMLElement, opts: WidgetOptions) {
  host.setAttribute('data-mode', opts.mode);
  const root = host.attachShadow({ mode: 'open' });
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    // Older browsers: an inline <style> (a strict CSP on the host page may block it).
    root.append(h('style', {}, CSS));
  }

  let s: Strings = stringsFor(opts.language);
  let uiLanguage: ChatLanguage = opts.language;
  let session = new ChatSession(opts.sessionDeps);
  let unsubscribe = session.subscribe(() => render());
  let exited = false;
  let shown: Screen | undefined;
  let typingTimer: number | undefined;
  /** The ended screen's line that says why, filled in when the reason comes. */
  let endedReason: HTMLElement | undefined;
  /** The message log's items by key, so a re-render touches only what changed. */
  const items = new Map<string, HTMLLIElement>();

  // ── Frame: launcher, panel, header ────────────────────────────────────────────────────────

  const titleId = uid('title');
  const exitButton = () => {
    const b = h('button', { type: 'button', class: 'btn exit' }, s.quickExit);
    b.addEventListener('click', () => exit());
    return b;
  };
  const panel = h('section', { class: 'panel', 'aria-labelledby': titleId });
  const launcher = h('button', {
    type: 'button',
    class: 'btn launcher',
    'aria-expanded': 'false',
  });
  const barExit = exitButton();
  const bar = h('div', { class: 'bar' }, launcher, barExit);
  // On an organisation's page the page has its own h1; the widget's title sits below it.
  const title = h(opts.mode === 'page' ? 'h1' : 'h2', { id: titleId });
  const headExit = exitButton();
  const minimise = h('button', { type: 'button', class: 'btn secondary' });
  const danger = h('a', { class: 'danger', href: 'tel:112' });
  const shiftHint = h('span', { class: 'hint' });
  const notice = h('p', { class: 'notice', role: 'status' });
  const body = h('div', { class: 'body' });
  const head = h('div', { class: 'head' }, title, headExit, opts.mode === 'embedded' && minimise);
  panel.append(head, h('div', { class: 'safety' }, danger, shiftHint), notice, body);

  if (opts.mode === 'embedded') {
    panel.id = uid('panel');
    launcher.setAttribute('aria-controls', panel.id);
    panel.hidden = true;
    root.append(bar, panel);
    launcher.addEventListener('click', () => setOpen(Boolean(panel.hidden)));
    minimise.addEventListener('click', () => setOpen(false));
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') setOpen(false);
    });
  } else {
    root.append(panel);
  }

  function setOpen(open: boolean): void {
    panel.hidden = !open;
    bar.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      focusHeading();
      session.markRead();
    } else {
      launcher.focus();
    }
  }

  function frameText(): void {
    // The language of the text shown: English for a language not written yet.
    host.setAttribute('lang', writtenLanguages().includes(uiLanguage) ? uiLanguage : 'en');
    launcher.textContent = s.launcher;
    barExit.textContent = s.quickExit;
    headExit.textContent = s.quickExit;
    headExit.title = s.quickExitHint;
    barExit.title = s.quickExitHint;
    minimise.textContent = s.minimise;
    title.textContent = s.title;
    danger.textContent = s.danger;
    shiftHint.textContent = s.quickExitHint;
  }

  // ── Screens ───────────────────────────────────────────────────────────────────────────────

  function heading(text: string): HTMLHeadingElement {
    return h('h2', { tabindex: '-1', 'data-screen-heading': true }, text);
  }

  function focusHeading(): void {
    if (opts.mode === 'embedded' && panel.hidden) return;
    body.querySelector<HTMLElement>('[data-screen-heading]')?.focus();
  }

  function languageScreen(v: SessionView): Node[] {
    const buttons = writtenLanguages().map((l) => {
      const b = h(
        'button',
        { type: 'button', class: 'btn secondary', lang: l },
        stringsFor(l).languageName,
      );
      b.addEventListener('click', () => {
        uiLanguage = l;
        s = stringsFor(l);
        frameText();
        session.chooseLanguage(l);
      });
      return b;
    });
    const inputId = uid('code');
    const hintId = uid('code-hint');
    const errorId = uid('code-error');
    const input = h('input', {
      id: inputId,
      name: 'code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      'aria-describedby': `${hintId} ${errorId}`,
    });
    const error = h('p', { id: errorId, class: 'error', 'aria-live': 'polite' });
    if (v.notice === 'unknown_code') error.textContent = s.codeUnknown;
    const form = h(
      'form',
      { novalidate: true },
      h('h3', {}, s.continueHeading),
      h(
        'div',
        { class: 'field' },
        h('label', { for: inputId }, s.codeLabel),
        h('span', { id: hintId, class: 'hint' }, s.codeHint),
        input,
        error,
      ),
      h('button', { type: 'submit', class: 'btn secondary' }, s.continueButton),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!session.continueWith(input.value, uiLanguage)) {
        error.textContent = s.codeInvalid;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    });
    return [
      heading(s.chooseLanguage),
      h('div', { class: 'langs' }, ...buttons),
      h('p', {}, s.anonymous),
      h('p', { 'data-privacy': true }, s.privacy(opts.retentionDays)),
      form,
    ];
  }

  function radioGroup<T extends string>(
    name: keyof ChatTriage,
    legend: string,
    values: readonly T[],
    label: (v: T) => string,
  ): HTMLFieldSetElement {
    const choice = (value: string, text: string, checked: boolean) => {
      const id = uid(name);
      return h(
        'div',
        { class: 'choice' },
        h('input', { type: 'radio', id, name, value, checked }),
        h('label', { for: id }, text),
      );
    };
    return h(
      'fieldset',
      {},
      h('legend', {}, legend),
      ...values.map((v) => choice(v, label(v), false)),
      choice('', s.ratherNot, true),
    );
  }

  function questionsScreen(): Node[] {
    const advice = h('p', { class: 'queue', 'aria-live': 'polite', hidden: true }, s.notSafe);
    const form = h(
      'form',
      { novalidate: true },
      h('p', {}, s.questionsIntro),
      radioGroup('safeNow', s.safeNowQuestion, SAFE_NOW, (v) => s.safeNow[v]),
      advice,
      radioGroup('ageGroup', s.ageQuestion, AGE_GROUPS, (v) => s.ageGroup[v]),
      radioGroup('topic', s.topicQuestion, TOPICS, (v) => s.topic[v]),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'btn' }, s.startChat),
        h('button', { type: 'button', class: 'btn link', 'data-back': true }, s.back),
      ),
    );
    const picked = (name: string) => {
      const el = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      return el?.value ? el.value : undefined;
    };
    form.addEventListener('change', () => {
      advice.hidden = picked('safeNow') !== 'no';
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      session.start({
        safeNow: picked('safeNow') as ChatTriage['safeNow'],
        ageGroup: picked('ageGroup') as ChatTriage['ageGroup'],
        topic: picked('topic') as ChatTriage['topic'],
      });
    });
    form.querySelector('[data-back]')?.addEventListener('click', () => session.backToLanguage());
    return [heading(s.questionsHeading), form];
  }

  // The chat screen's parts stay in place while the chat runs, so typing and focus survive updates.
  let queueBox: HTMLDivElement;
  let log: HTMLOListElement;
  let typingLine: HTMLParagraphElement;
  let codeBox: HTMLDivElement;
  let textarea: HTMLTextAreaElement;

  function chatScreen(): Node[] {
    queueBox = h('div', { class: 'queue', role: 'status' });
    // The list keeps its list semantics (an <ol> given role="log" would orphan its items for a
    // screen reader); the live log is the box around it.
    log = h('ol', { class: 'log' });
    items.clear();
    typingLine = h('p', { class: 'typing' });
    const msgId = uid('message');
    const hintId = uid('message-hint');
    textarea = h('textarea', {
      id: msgId,
      name: 'message',
      rows: '3',
      maxlength: String(CHAT_MESSAGE_MAX),
      'aria-describedby': hintId,
    });
    const form = h(
      'form',
      { class: 'composer', novalidate: true },
      h(
        'div',
        { class: 'field' },
        h('label', { for: msgId }, s.messageLabel),
        textarea,
        h('span', { id: hintId, class: 'hint' }, s.messageHint),
      ),
      h('button', { type: 'submit', class: 'btn' }, s.send),
    );
    const submit = () => {
      if (session.send(textarea.value)) textarea.value = '';
      textarea.focus();
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    textarea.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        submit();
      }
    });
    textarea.addEventListener('input', () => {
      session.typing(textarea.value.length > 0);
      window.clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => session.typing(false), 4000);
    });
    codeBox = h('div', { 'aria-live': 'polite' });
    const getCode = h('button', { type: 'button', class: 'btn link' }, s.getCode);
    getCode.addEventListener('click', () => session.requestCode());
    const end = h('button', { type: 'button', class: 'btn link' }, s.endChat);
    end.addEventListener('click', () => session.end());
    return [
      heading(s.chatHeading),
      queueBox,
      h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': s.chatHeading }, log),
      typingLine,
      form,
      h('div', { class: 'actions' }, getCode, downloadButton(), end),
      codeBox,
    ];
  }

  function downloadButton(): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'btn link', title: s.downloadHint }, s.download);
    b.addEventListener('click', () => {
      // Only on the person's request: the one thing the widget ever leaves on the device.
      const text = transcriptText(session.view().messages, s, uiLanguage);
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = h('a', { href: url, download: 'chat.txt', hidden: true });
      root.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    return b;
  }

  function endedScreen(v: SessionView): Node[] {
    const again = h('button', { type: 'button', class: 'btn' }, s.newChat);
    again.addEventListener('click', () => restart());
    endedReason = h('p', {}, v.endReason ? s.endReason[v.endReason] : '');
    const nodes: (Node | false | undefined | '')[] = [
      heading(s.ended),
      endedReason,
      v.messages.length > 0 &&
        h('p', {}, downloadButton(), h('span', { class: 'hint' }, ' ', s.downloadHint)),
      v.code && h('p', {}, s.codeShown, ' ', h('span', { class: 'code' }, v.code)),
      h('div', { class: 'actions' }, again),
    ];
    return nodes.filter((n): n is Node => n instanceof Node);
  }

  // ── Updates ───────────────────────────────────────────────────────────────────────────────

  function updateChat(v: SessionView): void {
    const lines: string[] = [];
    if (v.phase === 'connecting') lines.push(s.connecting);
    const st = v.status;
    if (st && v.phase === 'queued') {
      if (st.position !== undefined) lines.push(s.queuePlace(st.position));
      if (!st.open) {
        lines.push(s.closedNow);
        if (st.opensAt) lines.push(s.opensAt(formatWhen(st.opensAt)));
        lines.push(s.closedAdvice);
      } else {
        lines.push(st.waitMinutes !== undefined ? s.queueWait(st.waitMinutes) : s.queueNoEstimate);
      }
    }
    if (st && v.phase === 'active') lines.push(s.operatorJoined(st.operatorName));
    const text = lines.join('\n');
    if (queueBox.dataset.text !== text) {
      queueBox.dataset.text = text;
      queueBox.replaceChildren(...lines.map((l) => h('p', {}, l)));
    }
    renderMessages(v);
    typingLine.textContent = v.operatorTyping ? s.operatorTyping : '';
    codeBox.replaceChildren(
      ...(v.code ? [h('p', {}, s.codeShown), h('p', { class: 'code' }, v.code)] : []),
    );
    if (document.visibilityState === 'visible' && !(opts.mode === 'embedded' && panel.hidden)) {
      session.markRead();
    }
  }

  function renderMessages(v: SessionView): void {
    const keep = new Set(v.messages.map((m) => m.key));
    for (const [k, el] of items) {
      if (!keep.has(k)) {
        el.remove();
        items.delete(k);
      }
    }
    // Follow new messages down, unless the person has scrolled up to read.
    const atBottom = body.scrollHeight - body.scrollTop - body.clientHeight < 120;
    const count = items.size;
    let before: ChildNode | null = log.firstChild;
    for (const m of v.messages) {
      let el = items.get(m.key);
      const meta = metaOf(m, v);
      if (!el) {
        el = h(
          'li',
          { class: `msg ${m.from}` },
          h('span', { class: 'who' }, authorOf(m)),
          h('span', { class: 'text' }, m.body),
          h('span', { class: 'meta' }),
        );
        items.set(m.key, el);
      }
      const metaEl = el.lastElementChild as HTMLElement;
      if (metaEl.textContent !== meta) metaEl.textContent = meta;
      if (el !== before) log.insertBefore(el, before);
      before = el.nextSibling;
    }
    if (items.size > count && atBottom) body.scrollTop = body.scrollHeight;
  }

  const authorOf = (m: ShownMessage) =>
    m.from === 'visitor'
      ? s.authorVisitor
      : m.from === 'operator'
        ? s.authorOperator
        : s.authorSystem;

  function metaOf(m: ShownMessage, v: SessionView): string {
    if (m.from !== 'visitor') return '';
    if (m.pending) return v.phase === 'ended' ? s.notSent : s.sending;
    return m.seq !== undefined && m.seq <= v.operatorReadUpTo ? s.read : '';
  }

  function formatWhen(iso: string): string {
    return new Intl.DateTimeFormat(uiLanguage, {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  function updateNotice(v: SessionView): void {
    let text = '';
    if (v.connection === 'reconnecting') text = s.reconnecting;
    if (v.notice === 'rate_limited') text = s.rateLimited;
    if (v.notice === 'server_busy') text = s.serverBusy;
    if (v.notice === 'too_long') text = s.tooLong(CHAT_MESSAGE_MAX);
    if (notice.dataset.text === text) return;
    notice.dataset.text = text;
    notice.replaceChildren(text);
    if (v.connection === 'reconnecting') {
      const retry = h('button', { type: 'button', class: 'btn link' }, s.retryNow);
      retry.addEventListener('click', () => session.retryNow());
      notice.append(' ', retry);
    }
  }

  function render(): void {
    if (exited) return;
    const v = session.view();
    const screen = screenOf(v);
    if (screen !== shown) {
      const first = shown === undefined;
      shown = screen;
      const nodes =
        screen === 'language'
          ? languageScreen(v)
          : screen === 'questions'
            ? questionsScreen()
            : screen === 'chat'
              ? chatScreen()
              : endedScreen(v);
      body.replaceChildren(...nodes);
      // Not on the first screen: a page that has just loaded starts at its top, as any page does.
      if (!first) focusHeading();
    }
    if (screen === 'chat') updateChat(v);
    // The server says a chat ended (status) and then why (the ended frame): the reason may come
    // after the screen was built.
    if (screen === 'ended' && endedReason) {
      endedReason.textContent = v.endReason ? s.endReason[v.endReason] : '';
    }
    updateNotice(v);
  }

  function restart(): void {
    unsubscribe();
    session.destroy();
    session = new ChatSession(opts.sessionDeps);
    unsubscribe = session.subscribe(() => render());
    shown = 'ended';
    render();
  }

  // ── Quick exit ────────────────────────────────────────────────────────────────────────────

  function exit(): void {
    if (exited) return;
    exited = true;
    quickExit({
      url: opts.exitUrl,
      blank: () => {
        // The whole page, not only the panel: whatever is on screen goes before anything else.
        document.documentElement.style.setProperty('visibility', 'hidden', 'important');
        root.replaceChildren();
        host.remove();
      },
      drop: () => {
        unsubscribe();
        session.destroy();
        items.clear();
        window.clearTimeout(typingTimer);
        document.removeEventListener('keydown', onKey, true);
      },
      replace: (url) => window.location.replace(url),
    });
  }

  const shift = shiftCounter();
  const onKey = (e: KeyboardEvent) => {
    if (shift(e.key, e.repeat, e.timeStamp)) exit();
  };
  // Capture, so the host page cannot swallow the presses before they reach us.
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('visibilitychange', () => render());
  // Back on the network: try at once rather than wait out the backoff.
  window.addEventListener('online', () => session.retryNow());
  // Off the network: drop the socket now, not when the heartbeat times out.
  window.addEventListener('offline', () => session.networkLost());
  // A page restored from the back/forward cache after an exit leaves again.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted && exited) window.location.replace(opts.exitUrl);
  });

  frameText();
  render();
  return { exit };
}
