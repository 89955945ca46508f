import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTemplateActions,
  canCreateTemplate,
  canEditTemplate,
  isSendableTemplate,
  lintTemplate,
  pickVariant,
  PLACEHOLDER_LIMITS,
  renderTemplate,
  sanitisePlaceholderValue,
  scanPlaceholders,
  suggestLanguage,
  TemplateDraft,
  TemplateRenderError,
  transitionTemplate,
  type TemplateActor,
  type TemplateState,
} from './templates.js';

const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

describe('scanPlaceholders', () => {
  it('finds {displayName} and {city} with their positions', () => {
    expect(scanPlaceholders('Hoi {displayName}, nog in {city}?')).toEqual({
      uses: [
        { name: 'displayName', start: 4, end: 17 },
        { name: 'city', start: 26, end: 32 },
      ],
      issues: [],
    });
  });

  it('rejects unknown placeholders, saying which ones exist', () => {
    const { issues } = scanPlaceholders('Hi {name}, {phone}');
    expect(issues.map((i) => [i.code, i.start, i.end])).toEqual([
      ['unknown_placeholder', 3, 9],
      ['unknown_placeholder', 11, 18],
    ]);
    expect(issues[0]?.message).toBe(
      'Variant 1: unknown placeholder {name} at character 4. Only {displayName} or {city} can be used.',
    );
    expect(scanPlaceholders('{}').issues[0]?.code).toBe('unknown_placeholder');
  });

  it('points out a near miss in spelling, case or spacing', () => {
    for (const text of [
      '{DisplayName}',
      '{ displayName }',
      '{display_name}',
      '{CITY}',
      '{display-name}',
    ]) {
      const [issue] = scanPlaceholders(text).issues;
      expect([text, issue?.code]).toEqual([text, 'misspelt_placeholder']);
      expect(issue?.message).toMatch(/write \{(displayName|city)\} exactly/);
    }
  });

  it('rejects unclosed, stray and nested braces', () => {
    expect(scanPlaceholders('Hoi {displayName').issues.map((i) => i.code)).toEqual([
      'unclosed_brace',
    ]);
    expect(scanPlaceholders('Hoi displayName}').issues.map((i) => i.code)).toEqual(['stray_brace']);
    expect(scanPlaceholders('{{city}}').issues.map((i) => i.code)).toEqual([
      'unclosed_brace',
      'stray_brace',
    ]);
    expect(scanPlaceholders('{{city}}').uses).toEqual([{ name: 'city', start: 1, end: 7 }]);
  });

  it('rejects invisible and control characters but keeps line breaks', () => {
    expect(scanPlaceholders('a\nb').issues).toEqual([]);
    for (const c of ['\u202e', '\u200b', '\u200d', '\t', '\u0007', '\ue000', '\u2028']) {
      expect([c, scanPlaceholders(`a${c}b`).issues.map((i) => i.code)]).toEqual([
        c,
        ['control_character'],
      ]);
    }
  });

  it('shortens an absurdly long unknown placeholder in its message', () => {
    const [issue] = scanPlaceholders(`{${'x'.repeat(500)}}`).issues;
    expect(issue?.message.length).toBeLessThan(200);
  });
});

describe('TemplateDraft', () => {
  const draft = {
    name: 'Eerste contact',
    language: 'nl',
    variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het?'],
  };

  it('fills defaults and normalises line endings and outer space', () => {
    const t = TemplateDraft.parse({ ...draft, variants: ['  Hoi\r\nhoe gaat het?  '] });
    expect(t).toMatchObject({
      purpose: 'first_contact',
      fallbacks: {},
      whatsappTemplate: null,
      variants: ['Hoi\nhoe gaat het?'],
    });
  });

  it('refuses unknown placeholders with the clear message', () => {
    const r = TemplateDraft.safeParse({ ...draft, variants: ['ok', 'Hi {name}'] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['variants', 1],
      message: expect.stringMatching(/^Variant 2: unknown placeholder \{name\}/) as unknown,
    });
  });

  it('refuses empty, too many, too long and repeated variants, and bad languages', () => {
    expect(TemplateDraft.safeParse({ ...draft, variants: [] }).success).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, variants: ['   '] }).success).toBe(false);
    expect(
      TemplateDraft.safeParse({ ...draft, variants: Array.from({ length: 11 }, (_, i) => `v${i}`) })
        .success,
    ).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, variants: ['x'.repeat(1001)] }).success).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, variants: ['Hoi!', ' hoi! '] }).success).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, language: 'it' }).success).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, extra: 1 }).success).toBe(false);
  });

  it('refuses fallbacks that are not one plain line', () => {
    expect(TemplateDraft.safeParse({ ...draft, fallbacks: { city: 'je stad' } }).success).toBe(
      true,
    );
    expect(TemplateDraft.safeParse({ ...draft, fallbacks: { city: 'je\nstad' } }).success).toBe(
      false,
    );
    expect(TemplateDraft.safeParse({ ...draft, fallbacks: { city: '{city}' } }).success).toBe(
      false,
    );
    expect(
      TemplateDraft.safeParse({ ...draft, fallbacks: { displayName: 'x'.repeat(31) } }).success,
    ).toBe(false);
    expect(TemplateDraft.safeParse({ ...draft, fallbacks: { country: 'NL' } }).success).toBe(false);
  });

  it('accepts only Meta-style WhatsApp template names', () => {
    expect(TemplateDraft.safeParse({ ...draft, whatsappTemplate: 'first_hello_nl' }).success).toBe(
      true,
    );
    expect(TemplateDraft.safeParse({ ...draft, whatsappTemplate: 'First Hello' }).success).toBe(
      false,
    );
  });
});

describe('lintTemplate', () => {
  it('warns about a placeholder that cannot be removed cleanly and has no fallback', () => {
    const warnings = lintTemplate({
      name: 't',
      language: 'en',
      variants: ['Are you still in {city} today?', 'Hi {displayName}!'],
    });
    expect(
      warnings.filter((w) => w.code === 'placeholder_mid_sentence').map((w) => w.variant),
    ).toEqual([0]);
    const withFallback = lintTemplate({
      name: 't',
      language: 'en',
      variants: ['Are you still in {city} today?', 'Hi!'],
      fallbacks: { city: 'town' },
    });
    expect(withFallback.map((w) => w.code)).not.toContain('placeholder_mid_sentence');
  });

  it('warns about UCS-2 characters, several segments and a single variant', () => {
    const codes = lintTemplate({
      name: 't',
      language: 'en',
      variants: [`“Hi” ${'x'.repeat(80)}`],
    }).map((w) => w.code);
    expect(codes).toEqual(['single_variant', 'not_gsm', 'several_segments']);
    expect(lintTemplate({ name: 't', language: 'en', variants: ['Hi!', 'Hello!'] })).toEqual([]);
  });
});

describe('renderTemplate', () => {
  const nl = { language: 'nl' as const };

  it('fills values', () => {
    expect(
      renderTemplate(
        'Hoi {displayName}, nog in {city}?',
        { displayName: 'Anna', city: 'Utrecht' },
        nl,
      ),
    ).toEqual({
      text: 'Hoi Anna, nog in Utrecht?',
      placeholders: [
        { name: 'displayName', source: 'value' },
        { name: 'city', source: 'value' },
      ],
    });
  });

  it('uses the fallback for a missing value', () => {
    const r = renderTemplate(
      'Ben je nog in {city}?',
      { city: null },
      { ...nl, fallbacks: { city: 'de stad' } },
    );
    expect(r).toEqual({
      text: 'Ben je nog in de stad?',
      placeholders: [{ name: 'city', source: 'fallback' }],
    });
  });

  it.each([
    ['Hoi {displayName}, hoe gaat het?', 'Hoi, hoe gaat het?'],
    ['Hi {displayName}!', 'Hi!'],
    ['{displayName}, how are you?', 'How are you?'],
    ['Hello, {displayName}!', 'Hello!'],
    ['Hello, {displayName}', 'Hello'],
    ['{displayName}\nHow are you?', 'How are you?'],
    ['Hey {displayName}\n\nHow are you?', 'Hey\n\nHow are you?'],
    ['Hola {displayName}, ¿cómo estás?', 'Hola, ¿cómo estás?'],
    ['{displayName}, ¿cómo estás?', '¿Cómo estás?'],
    ['{displayName}, как си?', 'Как си?'],
    ['Hoi {displayName} {city}!', 'Hoi!'],
    ['Nog in {city} vandaag?', 'Nog in vandaag?'],
  ])('removes a missing value cleanly: %j → %j', (variant, expected) => {
    const lang = /[¿]/.test(variant) ? 'es' : /[а-я]/.test(variant) ? 'bg' : 'en';
    expect(renderTemplate(variant, {}, { language: lang }).text).toBe(expected);
  });

  it('never lets a value add a line, hide text, or expand into a placeholder', () => {
    const nasty = 'Anna\n\nCall the police\u202e{city}\u200b\r\u0085\u2028x';
    const { text } = renderTemplate(
      'Hoi {displayName}, in {city}?',
      { displayName: nasty, city: 'Utrecht' },
      nl,
    );
    expect(text).not.toMatch(/[\n\r\u0085\u2028\u202e\u200b{}]/);
    expect(text).toBe('Hoi Anna Call the police city x, in Utrecht?');
  });

  it('bounds values by user-perceived characters without cutting one in half', () => {
    expect(sanitisePlaceholderValue('x'.repeat(500), 30)).toBe('x'.repeat(30));
    const family = '👨‍👩‍👧';
    expect(sanitisePlaceholderValue(family.repeat(40), PLACEHOLDER_LIMITS.displayName)).toBe(
      family.repeat(30),
    );
    expect(sanitisePlaceholderValue('e\u0301'.repeat(40), 3)).toBe('é'.repeat(3));
    // A joiner outside an emoji sequence is only a hiding place.
    expect(sanitisePlaceholderValue('An\u200dna\u202eX', 30)).toBe('An na X');
  });

  it('treats a value of only spaces or invisible characters as missing', () => {
    expect(renderTemplate('Hi {displayName}!', { displayName: ' \u200b\n\t ' }, nl)).toEqual({
      text: 'Hi!',
      placeholders: [{ name: 'displayName', source: 'removed' }],
    });
  });

  it('refuses a variant with placeholder problems instead of sending it half-rendered', () => {
    expect(() => renderTemplate('Hi {name}', {}, nl)).toThrow(TemplateRenderError);
    expect(() => renderTemplate('Hi', { phone: '06' } as never, nl)).toThrow();
  });

  it('keeps any value on one bounded line without braces or control characters', () => {
    const base = 'Hoi {displayName}, ben je nog in {city}?';
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: anyChar, maxLength: 200 })),
        fc.option(fc.string({ unit: anyChar, maxLength: 200 })),
        (name, city) => {
          const { text } = renderTemplate(base, { displayName: name, city }, nl);
          expect(text).not.toMatch(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}{}]/u);
          expect(text.length).toBeLessThanOrEqual(
            base.length + 2 * (PLACEHOLDER_LIMITS.displayName + PLACEHOLDER_LIMITS.city) * 8,
          );
          const graphemes = [...new Intl.Segmenter().segment(text)].length;
          expect(graphemes).toBeLessThanOrEqual(
            base.length + PLACEHOLDER_LIMITS.displayName + PLACEHOLDER_LIMITS.city,
          );
        },
      ),
    );
  });
});

describe('pickVariant', () => {
  it('picks the same variant for the same seed and spreads seeds over variants', () => {
    const variants = ['a', 'b', 'c'];
    expect(pickVariant(variants, 'contact-1')).toEqual(pickVariant(variants, 'contact-1'));
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) counts[pickVariant(variants, `contact-${i}`).index]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(() => pickVariant([], 'x')).toThrow();
  });
});

describe('template status', () => {
  const author: TemplateActor = { id: 'u-worker', role: 'outreach_worker' };
  const otherWorker: TemplateActor = { id: 'u-worker-2', role: 'outreach_worker' };
  const supervisor: TemplateActor = { id: 'u-super', role: 'supervisor' };
  const admin: TemplateActor = { id: 'u-admin', role: 'admin' };
  const now = new Date('2025-05-01T10:00:00Z');
  const draft: TemplateState = {
    status: 'draft',
    createdBy: author.id,
    language: 'nl',
    purpose: 'first_contact',
    variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?'],
  };

  it('lets a supervisor approve a draft, recording who and when', () => {
    expect(transitionTemplate(draft, { action: 'approve', actor: supervisor }, now)).toEqual({
      ok: true,
      changes: {
        status: 'approved',
        approvedBy: 'u-super',
        approvedAt: now,
        safetyHits: [],
        safetyConfirmedBy: null,
      },
    });
  });

  it('lets no one else approve', () => {
    for (const actor of [
      author,
      otherWorker,
      admin,
      { id: 'a', role: 'analyst' as const },
      { id: 'p', role: 'partner' as const },
    ]) {
      expect(transitionTemplate(draft, { action: 'approve', actor }, now)).toMatchObject({
        ok: false,
        code: 'role_not_allowed',
      });
    }
  });

  it('keeps four eyes: a supervisor does not approve their own template unless policy allows it', () => {
    const own = { ...draft, createdBy: supervisor.id };
    expect(transitionTemplate(own, { action: 'approve', actor: supervisor }, now)).toMatchObject({
      ok: false,
      code: 'self_approval',
    });
    expect(
      transitionTemplate(own, { action: 'approve', actor: supervisor }, now, {
        policy: { allowSelfApproval: true },
      }).ok,
    ).toBe(true);
  });

  it('keeps four eyes on the words: a supervisor who changed the draft does not approve it', () => {
    const edited = { ...draft, editedBy: [supervisor.id] };
    const refused = transitionTemplate(edited, { action: 'approve', actor: supervisor }, now);
    expect(refused).toMatchObject({ ok: false, code: 'self_approval' });
    expect(refused.ok ? '' : refused.message).toMatch(/You changed this text/);
    const other = { id: 'sup-2', role: 'supervisor' as const };
    expect(transitionTemplate(edited, { action: 'approve', actor: other }, now).ok).toBe(true);
  });

  it('needs the supervisor to confirm safety hits in a first-contact text', () => {
    const risky = {
      ...draft,
      variants: ['Hoi, wij zijn van de opvang.', 'Hallo, politie hier? Nee hoor.'],
    };
    const refused = transitionTemplate(risky, { action: 'approve', actor: supervisor }, now);
    expect(refused).toMatchObject({ ok: false, code: 'safety_confirmation_required' });
    if (!refused.ok) {
      expect(refused.safetyHits?.map((h) => [h.variant, h.text])).toEqual([
        [0, 'opvang'],
        [1, 'politie'],
      ]);
      expect(refused.message).toMatch(/"opvang", "politie"/);
    }
    const confirmed = transitionTemplate(
      risky,
      { action: 'approve', actor: supervisor, confirmSafety: true },
      now,
    );
    expect(confirmed).toMatchObject({ ok: true, changes: { safetyConfirmedBy: 'u-super' } });
  });

  it("checks the organisation's name from the configuration", () => {
    const named = { ...draft, variants: ['Groeten van Fier!'] };
    expect(transitionTemplate(named, { action: 'approve', actor: supervisor }, now).ok).toBe(true);
    expect(
      transitionTemplate(named, { action: 'approve', actor: supervisor }, now, {
        safety: { organisationNames: ['Fier'] },
      }),
    ).toMatchObject({ ok: false, code: 'safety_confirmation_required' });
  });

  it('does not ask for confirmation on a reply template (the person already wrote)', () => {
    const reply = { ...draft, purpose: 'reply' as const, variants: ['De opvang kan je helpen.'] };
    const r = transitionTemplate(reply, { action: 'approve', actor: supervisor }, now);
    expect(r).toMatchObject({ ok: true, changes: { safetyConfirmedBy: null } });
    if (r.ok && r.changes.status === 'approved')
      expect(r.changes.safetyHits.length).toBeGreaterThan(0);
  });

  it('refuses to approve a stored template whose placeholders are now invalid', () => {
    const broken = { ...draft, variants: ['Hoi {naam}'] };
    expect(transitionTemplate(broken, { action: 'approve', actor: supervisor }, now)).toMatchObject(
      { ok: false, code: 'template_invalid' },
    );
  });

  it('allows only the listed transitions; retired is final', () => {
    const approved = { ...draft, status: 'approved' as const };
    const retired = { ...draft, status: 'retired' as const };
    expect(
      transitionTemplate(approved, { action: 'approve', actor: supervisor }, now),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
    expect(
      transitionTemplate(retired, { action: 'approve', actor: supervisor }, now),
    ).toMatchObject({
      ok: false,
      code: 'invalid_transition',
      message: expect.stringMatching(/cannot change any more/) as unknown,
    });
    expect(transitionTemplate(retired, { action: 'retire', actor: supervisor }, now)).toMatchObject(
      { ok: false, code: 'invalid_transition' },
    );
    expect(transitionTemplate(approved, { action: 'retire', actor: supervisor }, now)).toEqual({
      ok: true,
      changes: { status: 'retired', retiredBy: 'u-super', retiredAt: now },
    });
    expect(transitionTemplate(approved, { action: 'retire', actor: author }, now)).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it('lets the author withdraw their own draft, and no other worker', () => {
    expect(transitionTemplate(draft, { action: 'retire', actor: author }, now).ok).toBe(true);
    expect(transitionTemplate(draft, { action: 'retire', actor: otherWorker }, now)).toMatchObject({
      ok: false,
      code: 'role_not_allowed',
    });
  });

  it('refuses malformed requests', () => {
    expect(() =>
      transitionTemplate(draft, { action: 'publish', actor: supervisor } as never, now),
    ).toThrow();
    expect(() =>
      transitionTemplate(draft, { action: 'approve', actor: { id: '', role: 'supervisor' } }, now),
    ).toThrow();
    expect(() =>
      transitionTemplate(draft, { action: 'approve', actor: supervisor }, new Date('nope')),
    ).toThrow();
  });

  it('lists the actions an actor may take', () => {
    expect(allowedTemplateActions(draft, supervisor)).toEqual(['approve', 'retire']);
    expect(allowedTemplateActions(draft, author)).toEqual(['retire']);
    expect(allowedTemplateActions(draft, otherWorker)).toEqual([]);
    expect(allowedTemplateActions({ ...draft, createdBy: supervisor.id }, supervisor)).toEqual([
      'retire',
    ]);
    expect(allowedTemplateActions({ ...draft, status: 'approved' }, supervisor)).toEqual([
      'retire',
    ]);
    expect(allowedTemplateActions({ ...draft, status: 'retired' }, supervisor)).toEqual([]);
  });

  it('lets authors and supervisors edit drafts only, and only approved templates be sent', () => {
    expect(canEditTemplate(draft, author)).toBe(true);
    expect(canEditTemplate(draft, supervisor)).toBe(true);
    expect(canEditTemplate(draft, otherWorker)).toBe(false);
    expect(canEditTemplate(draft, admin)).toBe(false);
    expect(canEditTemplate({ ...draft, status: 'approved' }, supervisor)).toBe(false);
    expect(canCreateTemplate(author)).toBe(true);
    expect(canCreateTemplate({ id: 'a', role: 'analyst' })).toBe(false);
    expect(isSendableTemplate({ status: 'approved' })).toBe(true);
    expect(isSendableTemplate({ status: 'draft' })).toBe(false);
    expect(isSendableTemplate({ status: 'retired' })).toBe(false);
  });
});

describe('suggestLanguage', () => {
  const all = ['nl', 'en', 'de', 'fr', 'es', 'ro', 'pl', 'hu', 'bg'];

  it('takes the ad language when the person says they speak it', () => {
    expect(suggestLanguage('nl', ['en', 'nl'], all)).toMatchObject({
      language: 'nl',
      reason: 'ad_language_spoken',
    });
  });

  it("prefers the person's own listed language over the ad's, English last", () => {
    expect(suggestLanguage('nl', ['en', 'ro'], all)).toMatchObject({
      language: 'ro',
      reason: 'spoken_language',
    });
    expect(suggestLanguage('nl', ['en'], all)).toMatchObject({
      language: 'en',
      reason: 'spoken_language',
    });
  });

  it('falls back to the ad language, then English, then none', () => {
    expect(suggestLanguage('de', [], all)).toMatchObject({ language: 'de', reason: 'ad_language' });
    expect(suggestLanguage('it', ['ru'], all)).toMatchObject({ language: 'en', reason: 'english' });
    expect(suggestLanguage('it', [], ['nl'])).toMatchObject({
      language: null,
      reason: 'none',
      candidates: ['nl'],
    });
    expect(suggestLanguage(null, [], [])).toEqual({
      language: null,
      reason: 'none',
      candidates: [],
    });
  });

  it('only suggests languages with a template', () => {
    expect(suggestLanguage('ro', ['ro'], ['nl', 'en'])).toMatchObject({
      language: 'en',
      reason: 'english',
      candidates: ['en', 'nl'],
    });
  });

  it('reads ISO 639-3 and regional codes', () => {
    expect(suggestLanguage('ron', [], all).language).toBe('ro');
    expect(suggestLanguage('nl-BE', [], all).language).toBe('nl');
    expect(suggestLanguage('BUL', ['bul'], all)).toMatchObject({
      language: 'bg',
      reason: 'ad_language_spoken',
    });
  });

  it('lists every available language, best first', () => {
    expect(suggestLanguage('nl', ['ro', 'en'], ['en', 'nl', 'ro', 'hu']).candidates).toEqual([
      'ro',
      'en',
      'nl',
      'hu',
    ]);
  });
});
