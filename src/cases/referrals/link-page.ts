// The secure-link page for organisations without an account: served by the server as plain HTML
// forms (no script at all), in English or Dutch by the browser's language. The token travels in
// the query string only (the log shows no query values) and is gone from the address once the code
// is accepted: the opening is a signed, short-lived cookie for /r only (httpOnly, SameSite=Strict,
// so no other site can post in the partner's name). Nothing is cached or indexed, no referrer
// leaves, and every view re-reads the referral, so a revocation or a withdrawn consent ends an
// opening already in progress; the partner then reads "revoked", never why.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor.js';
import type { Config } from '../../platform/config.js';
import { isAppError } from '../../platform/errors.js';
import { LINK_SESSION_MINUTES } from '../domain/referral-link.js';
import type { SnapshotValue } from '../domain/referral-share.js';
import { DECLINE_REASON_MAX } from '../domain/referral-states.js';
import {
  REFERRAL_STATES,
  SHAREABLE_FIELDS,
  type ReferralState,
  type ShareableField,
} from '../domain/vocabulary.js';
import { readLinkSession, signLinkSession } from './link-secrets.js';
import {
  answerThroughLink,
  linkState,
  openLinkWithCode,
  viewThroughLink,
  type LinkEnd,
  type PartnerView,
  type ReferralDeps,
} from './service.js';

const COOKIE = 'ariadne_link';
const FORM_LIMIT = 8 * 1024;

type Lang = 'en' | 'nl';

const TEXT = {
  en: {
    title: 'Referral',
    intro:
      'A referral was sent to your organisation. Enter the code you received by a separate message.',
    code: 'Code',
    open: 'Open',
    wrong: (left: number) => `That code is not right. ${left} attempt(s) left.`,
    locked:
      'This link is locked after too many wrong codes. Ask the referring organisation for a new one.',
    expired: 'This link has expired. Ask the referring organisation for a new one.',
    revoked: 'This referral was revoked. It can no longer be opened.',
    closed: 'This referral is closed. Thank you.',
    unknown: 'This link does not open anything.',
    ended: 'Your opening has ended. Open the link from your message again.',
    shared: 'What the person agreed to share',
    unknownValue: 'not known',
    state: 'State',
    answer: 'Your answer',
    report: 'Report',
    note: 'Reason or note',
    noteHint: 'A reason is needed to decline.',
    send: 'Send',
    close: 'Close this page',
    closedPage: 'The page is closed.',
  },
  nl: {
    title: 'Doorverwijzing',
    intro:
      'Er is een doorverwijzing naar uw organisatie gestuurd. Vul de code in die u in een apart bericht kreeg.',
    code: 'Code',
    open: 'Openen',
    wrong: (left: number) => `Die code klopt niet. Nog ${left} poging(en).`,
    locked:
      'Deze link is geblokkeerd na te veel verkeerde codes. Vraag de verwijzende organisatie om een nieuwe.',
    expired: 'Deze link is verlopen. Vraag de verwijzende organisatie om een nieuwe.',
    revoked: 'Deze doorverwijzing is ingetrokken. Ze kan niet meer geopend worden.',
    closed: 'Deze doorverwijzing is afgesloten. Dank u.',
    unknown: 'Deze link opent niets.',
    ended: 'Uw sessie is verlopen. Open de link uit uw bericht opnieuw.',
    shared: 'Wat de persoon heeft goedgevonden om te delen',
    unknownValue: 'onbekend',
    state: 'Status',
    answer: 'Uw antwoord',
    report: 'Melden',
    note: 'Reden of toelichting',
    noteHint: 'Bij afwijzen is een reden nodig.',
    send: 'Versturen',
    close: 'Deze pagina sluiten',
    closedPage: 'De pagina is gesloten.',
  },
} as const;

const FIELD_LABELS: Record<Lang, Record<ShareableField, string>> = {
  en: {
    alias: 'Alias',
    age: 'Age',
    gender: 'Gender',
    languages: 'Languages',
    place: 'Place',
    needs: 'Needs',
    risk_summary: 'Risk',
    contact_channel: 'Contact channel',
    contact_address: 'Contact address',
    handoff_note: 'Hand-off note',
    conversation_excerpt: 'From the conversation',
  },
  nl: {
    alias: 'Alias',
    age: 'Leeftijd',
    gender: 'Gender',
    languages: 'Talen',
    place: 'Plaats',
    needs: 'Hulpvragen',
    risk_summary: 'Risico',
    contact_channel: 'Contactkanaal',
    contact_address: 'Contactadres',
    handoff_note: 'Overdrachtsnotitie',
    conversation_excerpt: 'Uit het gesprek',
  },
};

const STATE_LABELS: Record<Lang, Record<ReferralState, string>> = {
  en: {
    sent: 'Waiting for your answer',
    accepted: 'Accept',
    declined: 'Decline',
    intake_done: 'Intake done',
    in_care: 'In care',
    left: 'Left care',
    helped: 'Helped',
    revoked: 'Revoked',
    expired: 'Revoked',
  },
  nl: {
    sent: 'Wacht op uw antwoord',
    accepted: 'Accepteren',
    declined: 'Afwijzen',
    intake_done: 'Intake gedaan',
    in_care: 'In zorg',
    left: 'Uit zorg vertrokken',
    helped: 'Geholpen',
    revoked: 'Ingetrokken',
    expired: 'Ingetrokken',
  },
};

/** The state a referral is in, as the page says it (the options above are what to do next). */
const STATE_NOW: Record<Lang, Record<ReferralState, string>> = {
  en: {
    ...STATE_LABELS.en,
    accepted: 'Accepted',
    declined: 'Declined',
  },
  nl: {
    ...STATE_LABELS.nl,
    accepted: 'Geaccepteerd',
    declined: 'Afgewezen',
  },
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function langOf(request: FastifyRequest): Lang {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*nl\b/i.test(header) ? 'nl' : 'en';
}

const CSS = `body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.4rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}label{display:block;margin:.75rem 0 .25rem}input,textarea,select{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;padding:.5rem 1rem;margin-top:.75rem}.msg{padding:.75rem;border:2px solid #b00020;margin:1rem 0}`;

function page(reply: FastifyReply, lang: Lang, status: number, body: string) {
  const nonce = (reply as FastifyReply & { cspNonce?: { style: string } }).cspNonce?.style ?? '';
  void reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store, max-age=0')
    .header('pragma', 'no-cache')
    .header('x-robots-tag', 'noindex, nofollow, noarchive')
    .header('referrer-policy', 'no-referrer');
  return reply.send(`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow">
<title>${TEXT[lang].title}</title><style nonce="${escapeHtml(nonce)}">${CSS}</style></head>
<body><main><h1>${TEXT[lang].title}</h1>${body}</main></body></html>`);
}

function message(lang: Lang, status: LinkEnd | 'unknown' | 'ended') {
  return `<p class="msg" role="status">${escapeHtml(TEXT[lang][status])}</p>`;
}

const END_STATUS: Record<LinkEnd | 'unknown' | 'ended', number> = {
  locked: 423,
  expired: 410,
  revoked: 410,
  closed: 200,
  unknown: 404,
  ended: 401,
};

function codeForm(lang: Lang, token: string, error: string | null) {
  const t = TEXT[lang];
  const action = `/r?t=${encodeURIComponent(token)}`;
  return `<p>${escapeHtml(t.intro)}</p>${error ? `<p class="msg" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}"><label for="code">${t.code}</label>
<input id="code" name="code" autocomplete="one-time-code" autocapitalize="characters" required maxlength="20" autofocus>
<button type="submit">${t.open}</button></form>`;
}

function formatValue(lang: Lang, value: SnapshotValue | undefined): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return `<em>${TEXT[lang].unknownValue}</em>`;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return escapeHtml(String(value)).replace(/\n/g, '<br>');
  }
  return escapeHtml(value.join(', '));
}

function referralPage(lang: Lang, view: PartnerView, error: string | null) {
  const t = TEXT[lang];
  const rows = SHAREABLE_FIELDS.filter((f) => view.fields.includes(f))
    .map((f) => `<dt>${FIELD_LABELS[lang][f]}</dt><dd>${formatValue(lang, view.shared?.[f])}</dd>`)
    .join('');
  const options = view.next
    .map((s) => `<option value="${s}">${escapeHtml(STATE_LABELS[lang][s])}</option>`)
    .join('');
  const form = view.next.length
    ? `<h2>${view.state === 'sent' ? t.answer : t.report}</h2>
<form method="post" action="/r/view/answer"><label for="state">${t.state}</label>
<select id="state" name="state" required>${options}</select>
<label for="note">${t.note}</label><textarea id="note" name="note" rows="4" maxlength="${DECLINE_REASON_MAX}" aria-describedby="note-hint"></textarea>
<small id="note-hint">${t.noteHint}</small><button type="submit">${t.send}</button></form>`
    : '';
  return `${error ? `<p class="msg" role="alert">${escapeHtml(error)}</p>` : ''}
<p>${t.state}: <strong>${escapeHtml(STATE_NOW[lang][view.state])}</strong></p>
<h2>${t.shared}</h2><dl>${rows}</dl>${form}
<form method="post" action="/r/close"><button type="submit">${t.close}</button></form>`;
}

/** Form bodies of the link page: small, flat, url-encoded. */
function formValue(body: unknown, key: string): string {
  if (!body || typeof body !== 'object') return '';
  const v = (body as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

export function registerLinkPage(
  app: FastifyInstance,
  deps: ReferralDeps & { config: Pick<Config, 'cookieSecure'> },
): void {
  const actorFor = (request: FastifyRequest): Actor => ({
    userId: null,
    label: 'secure link',
    role: null,
    ip: request.ip,
    requestId: request.id,
  });
  const cookieOpts = {
    path: '/r',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.config.cookieSecure,
  };
  const tokenOf = (request: FastifyRequest) => {
    const t = (request.query as Record<string, unknown> | undefined)?.t;
    return typeof t === 'string' ? t : '';
  };

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    scope.get('/r', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const token = tokenOf(request);
      const state = await linkState(deps, token);
      if (state !== 'open') return page(reply, lang, END_STATUS[state], message(lang, state));
      return page(reply, lang, 200, codeForm(lang, token, null));
    });

    scope.post('/r', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const token = tokenOf(request);
      const code = formValue(request.body, 'code').slice(0, 40);
      const result = await openLinkWithCode(deps, token, code, actorFor(request));
      if (result.outcome === 'opened') {
        const until = new Date(deps.clock.now().getTime() + LINK_SESSION_MINUTES * 60_000);
        void reply.setCookie(COOKIE, signLinkSession(deps.sessionSecret, result.linkId, until), {
          ...cookieOpts,
          maxAge: LINK_SESSION_MINUTES * 60,
        });
        return reply.code(303).header('location', '/r/view').send();
      }
      if (result.outcome === 'wrong') {
        return page(reply, lang, 401, codeForm(lang, token, TEXT[lang].wrong(result.attemptsLeft)));
      }
      return page(reply, lang, END_STATUS[result.outcome], message(lang, result.outcome));
    });

    const openedLink = (request: FastifyRequest) =>
      readLinkSession(deps.sessionSecret, request.cookies[COOKIE], deps.clock.now());

    scope.get('/r/view', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const linkId = openedLink(request);
      if (!linkId) return page(reply, lang, 401, message(lang, 'ended'));
      const shown = await viewThroughLink(deps, linkId, actorFor(request));
      if (!shown.ok) {
        void reply.clearCookie(COOKIE, cookieOpts);
        return page(reply, lang, END_STATUS[shown.status], message(lang, shown.status));
      }
      return page(reply, lang, 200, referralPage(lang, shown.view, null));
    });

    scope.post('/r/view/answer', { schema: { hide: true } }, async (request, reply) => {
      const lang = langOf(request);
      const linkId = openedLink(request);
      if (!linkId) return page(reply, lang, 401, message(lang, 'ended'));
      const state = formValue(request.body, 'state');
      const note = formValue(request.body, 'note').slice(0, DECLINE_REASON_MAX + 1) || null;
      const actor = actorFor(request);
      if (!(REFERRAL_STATES as readonly string[]).includes(state)) {
        return reply.code(303).header('location', '/r/view').send();
      }
      try {
        const done = await answerThroughLink(deps, linkId, state as ReferralState, note, actor);
        if (!done.ok) {
          void reply.clearCookie(COOKIE, cookieOpts);
          return page(reply, lang, END_STATUS[done.status], message(lang, done.status));
        }
      } catch (err) {
        if (!isAppError(err) || err.status >= 500) throw err;
        const shown = await viewThroughLink(deps, linkId, actor);
        if (!shown.ok)
          return page(reply, lang, END_STATUS[shown.status], message(lang, shown.status));
        return page(reply, lang, 422, referralPage(lang, shown.view, err.message));
      }
      return reply.code(303).header('location', '/r/view').send();
    });

    scope.post('/r/close', { schema: { hide: true } }, async (request, reply) => {
      void reply.clearCookie(COOKIE, cookieOpts);
      void reply.header('clear-site-data', '"cache", "cookies"');
      const lang = langOf(request);
      return page(reply, lang, 200, `<p>${TEXT[lang].closedPage}</p>`);
    });
  });
}
