// Extraction on stored ads, on both databases: results replaced (never doubled), identifiers kept
// only as keyed hash + ciphertext, masked ad text, audited reveal, rule changes re-processing ads.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { listAds } from '../collect/ads-query.js';
import { importJsonLines } from '../collect/importers.js';
import { ads, adVersions } from '../collect/schema.js';
import { saveSource } from '../collect/sources.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { auditLog } from '../platform/audit/schema.js';
import { hashIdentifier } from '../platform/crypto.js';
import { maskVersions } from './masking.js';
import {
  addRule,
  countStale,
  extractAdVersion,
  extractionOf,
  reextractAll,
  retireRule,
  revealIdentifier,
} from './store.js';
import { adExtractions, adIdentifiers } from './schema.js';

let t: TestDatabase;
const PHONE_TEXT =
  'Bel me: nul zes 12 34 56 78. Ik ben een lieve vrouw en ik ontvang je graag bij mij thuis, 100% echte foto’s, nieuw in de stad.';

beforeAll(async () => {
  t = await openTestDatabase();
  const { source } = await saveSource(t.database.db, CLI_ACTOR, {
    name: 'extract-test',
    country: 'NL',
    startUrls: ['http://127.0.0.1:9/'],
    listing: { adUrlPattern: '/ad/' },
    fields: { body: { selector: 'p' } },
  });
  await importJsonLines(
    t.database.db,
    t.config.secrets,
    CLI_ACTOR,
    source,
    [
      JSON.stringify({
        url: 'http://127.0.0.1:9/ad/1',
        external_id: 'x1',
        body: PHONE_TEXT,
        city: 'Den Haag',
      }),
      JSON.stringify({
        url: 'http://127.0.0.1:9/ad/2',
        external_id: 'x2',
        body: 'Lieve dame, 25 jaar, alleen afspraak via de site.',
      }),
    ].join('\n'),
  );
});
afterAll(async () => {
  await t?.cleanup();
});

async function versionOf(externalId: string) {
  const [row] = await t.database.db
    .select({ id: adVersions.id, adId: ads.id })
    .from(adVersions)
    .innerJoin(ads, eq(adVersions.adId, ads.id))
    .where(eq(ads.externalId, externalId));
  return row!;
}

describe('extraction on stored ads', () => {
  it('stores facts, with identifiers only as keyed hash and ciphertext', async () => {
    const v = await versionOf('x1');
    const result = await extractAdVersion(t.database.db, t.config, v.id);
    expect(result?.facts.some((f) => f.kind === 'phone' && f.value === '+31612345678')).toBe(true);
    const [stored] = await t.database.db
      .select()
      .from(adExtractions)
      .where(eq(adExtractions.adVersionId, v.id));
    expect(JSON.stringify(stored)).not.toContain('612345678');
    // The stored facts are encrypted: even the words of the disguised number are not in the row.
    expect(JSON.stringify(stored)).not.toContain('nul zes');
    expect(JSON.stringify(stored)).not.toContain('Bel me');
    expect(stored!.language).toBe('nl');
    const ids = await t.database.db
      .select()
      .from(adIdentifiers)
      .where(eq(adIdentifiers.adVersionId, v.id));
    expect(ids).toHaveLength(1);
    expect(ids[0]!.valueHash).toBe(
      hashIdentifier(t.config.secrets.identifierPepper, 'phone', '+31612345678'),
    );
    expect(ids[0]).toMatchObject({ obfuscated: true, obfuscation: ['words'] });
    expect(ids[0]!.valueEnc).not.toContain('612345678');
    const [lang] = await t.database.db
      .select({ language: adVersions.language })
      .from(adVersions)
      .where(eq(adVersions.id, v.id));
    expect(lang!.language).toBe('nl');
  });

  it('replaces results when run again instead of adding them twice', async () => {
    const v = await versionOf('x1');
    await extractAdVersion(t.database.db, t.config, v.id);
    await extractAdVersion(t.database.db, t.config, v.id);
    expect(
      await t.database.db.select().from(adIdentifiers).where(eq(adIdentifiers.adVersionId, v.id)),
    ).toHaveLength(1);
    const first = await reextractAll(t.database.db, t.config);
    expect(first.processed).toBe(1); // x2 was never extracted
    const second = await reextractAll(t.database.db, t.config);
    expect(second).toMatchObject({ processed: 0, skipped: 2 });
  });

  it('masks identifiers in ad text and reveals one only with an audit entry', async () => {
    const list = await listAds(t.database.db, t.config.secrets, { limit: 10, q: 'Bel me' }, (vs) =>
      maskVersions(t.database.db, vs),
    );
    expect(list.items[0]!.snippet).not.toMatch(/nul zes 12 34 56 78/);
    expect(list.items[0]!.snippet).toMatch(/Bel me: ••• ••• •• •• •• ••/);
    const v = await versionOf('x1');
    const e = await extractionOf(t.database.db, t.config.secrets.fieldKeys, v.id);
    const phone = e!.facts.find((f) => f.kind === 'phone') as unknown as {
      identifierId: string;
      masked: string;
    };
    expect(phone.masked).toMatch(/^\+•+78$/);
    const revealed = await revealIdentifier(
      t.database.db,
      t.config,
      { ...CLI_ACTOR, label: 'worker@example.org' },
      phone.identifierId,
      'planning contact',
    );
    expect(revealed).toMatchObject({
      kind: 'phone',
      value: '+31612345678',
      raw: 'nul zes 12 34 56 78',
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'identifier.reveal'));
    expect(audits.at(-1)).toMatchObject({ actorLabel: 'worker@example.org', targetId: v.adId });
  });

  it('re-processes ads when analysts add a term or block a false hit, keeping what was set aside', async () => {
    const term = await addRule(t.database.db, CLI_ACTOR, 'custom_term', {
      category: 'third_party',
      patterns: ['alleen afspraak via de site'],
      explanation: 'appointments only through a third party',
    });
    expect(await countStale(t.database.db)).toBe(2);
    // Both ads are read again, only the one the term is in goes on to be re-linked.
    const relinked: string[][] = [];
    const onExtracted = async (adIds: string[]) => void relinked.push(adIds);
    const adOf = async (externalId: string) => (await versionOf(externalId)).adId;
    expect(await reextractAll(t.database.db, t.config, { onExtracted })).toMatchObject({
      processed: 2,
      changed: 1,
    });
    expect(relinked).toEqual([[await adOf('x2')]]);
    const x2 = await extractionOf(
      t.database.db,
      t.config.secrets.fieldKeys,
      (await versionOf('x2')).id,
    );
    expect(
      x2!.facts.some((f) => f.kind === 'indicator' && String(f.rule).startsWith('custom:')),
    ).toBe(true);
    const block = await addRule(t.database.db, CLI_ACTOR, 'block', {
      kind: 'phone',
      value: '+31612345678',
      note: 'the agency switchboard',
    });
    relinked.length = 0;
    await reextractAll(t.database.db, t.config, { onExtracted });
    expect(relinked).toEqual([[await adOf('x1')]]);
    const x1 = await extractionOf(
      t.database.db,
      t.config.secrets.fieldKeys,
      (await versionOf('x1')).id,
    );
    expect(x1!.facts.some((f) => f.kind === 'phone')).toBe(false);
    expect(x1!.suppressed.some((s) => s.reason === 'blocklist' && s.fact.kind === 'phone')).toBe(
      true,
    );
    await retireRule(t.database.db, CLI_ACTOR, block.id);
    await retireRule(t.database.db, CLI_ACTOR, term.id);
    relinked.length = 0;
    await reextractAll(t.database.db, t.config, { onExtracted });
    expect(relinked.flat().sort()).toEqual([await adOf('x1'), await adOf('x2')].sort());
    // Forced, with the same rules: everything read again, nothing changed, nothing re-linked.
    relinked.length = 0;
    expect(await reextractAll(t.database.db, t.config, { force: true, onExtracted })).toMatchObject(
      { processed: 2, changed: 0 },
    );
    expect(relinked).toEqual([]);
    expect(
      (await extractionOf(
        t.database.db,
        t.config.secrets.fieldKeys,
        (await versionOf('x1')).id,
      ))!.facts.some((f) => f.kind === 'phone'),
    ).toBe(true);
  });

  it('finds ads by their words in any case or accents, never by the words of an identifier', async () => {
    const keys = t.config.secrets;
    const ids = async (filter: { q?: string; city?: string }) =>
      (await listAds(t.database.db, keys, { limit: 10, ...filter })).items
        .map((a) => a.externalId)
        .sort();
    expect(await ids({ q: 'LIEVE' })).toEqual(['x1', 'x2']);
    expect(await ids({ q: 'lieve vrouw' })).toEqual(['x1']);
    expect(await ids({ q: 'vróuw' })).toEqual(['x1']);
    expect(await ids({ q: 'lieve kater' })).toEqual([]);
    expect(await ids({ city: 'den haag' })).toEqual(['x1']);
    expect(await ids({ city: 'Haag' })).toEqual(['x1']);
    // Whole words, not parts of them; the city field apart from the text.
    expect(await ids({ q: 'vrou' })).toEqual([]);
    expect(await ids({ q: 'haag' })).toEqual([]);
    // "nul zes" are the first words of the disguised number: not searchable.
    expect(await ids({ q: 'zes' })).toEqual([]);
    expect(await ids({ q: 'nul' })).toEqual([]);
    // A number is refused outright, with the reason, rather than answered.
    await expect(ids({ q: '06 12 34 56 78' })).rejects.toThrow(/numbers and handles/);
    await expect(ids({ q: '@anna_22' })).rejects.toThrow(/numbers and handles/);
    await expect(ids({ q: '!!' })).rejects.toThrow(/at least one word/);
  });

  it('refuses an invalid custom term with a clear message', async () => {
    await expect(
      addRule(t.database.db, CLI_ACTOR, 'custom_term', { category: 'nope', patterns: [] }),
    ).rejects.toThrow(/category|patterns/);
    const [{ n }] = (
      await t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM extract_rules WHERE active`,
      )
    ).rows as [{ n: number }];
    expect(n).toBe(0);
  });

  it('stores a national number of a source without a country as a masked fact, never as an identifier to link or contact', async () => {
    const { source } = await saveSource(t.database.db, CLI_ACTOR, {
      name: 'extract-no-country',
      country: 'NL',
      startUrls: ['http://127.0.0.1:9/'],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: 'p' } },
    });
    // A definition without a country, as one saved before the country was asked for would be.
    await t.database.db.execute(
      sql`UPDATE sources SET definition = definition - 'country' WHERE id = ${source.id}`,
    );
    await importJsonLines(
      t.database.db,
      t.config.secrets,
      CLI_ACTOR,
      source,
      JSON.stringify({
        url: 'http://127.0.0.1:9/ad/nc1',
        external_id: 'nc1',
        body: 'Lieve meid, bel me: 06 12 34 56 78, ook WhatsApp.',
      }),
    );
    const v = await versionOf('nc1');
    const result = await extractAdVersion(t.database.db, t.config, v.id);
    const phones = result?.facts.filter((f) => f.kind === 'phone') ?? [];
    expect(phones).toEqual([
      expect.objectContaining({ value: '0612345678', country: null, countryUnknown: true }),
    ]);
    // No messenger id is made of it either ("whatsapp:0612345678" would link like the number).
    expect(result?.facts.some((f) => f.kind === 'messenger')).toBe(false);
    // Linking joins ads and outreach reaches people only through identifier rows: none for it.
    const ids = await t.database.db
      .select()
      .from(adIdentifiers)
      .where(eq(adIdentifiers.adVersionId, v.id));
    expect(ids).toEqual([]);
    const [stored] = await t.database.db
      .select()
      .from(adExtractions)
      .where(eq(adExtractions.adVersionId, v.id));
    expect(JSON.stringify(stored)).not.toContain('612345678');
    const e = await extractionOf(t.database.db, t.config.secrets.fieldKeys, v.id);
    const fact = e?.facts.find((f) => f.kind === 'phone') as Record<string, unknown> | undefined;
    expect(fact).toMatchObject({ countryUnknown: true, masked: '••••••••78' });
    expect(JSON.stringify(fact)).not.toContain('612345678');
  });
});
