// A person's rights over what the program holds about them, through the API on both databases:
// the export bundles their case, consents with withdrawals, conversations, referrals and (when they
// asked) notes, as JSON and as an inert HTML page, and nothing of another case; only a supervisor
// or the owner downloads it, audited. Erasure removes the case, its threads, messages, contact and
// referral snapshots, leaves a tombstone, is refused while a legal hold is set (and says why), and
// audits without personal data. What the person's vault holds about the case goes with it: the
// worker's requests made through the case are erased, and the vault's recipients and unused share
// codes no longer name the case (the person's own choice of whom to share with stays theirs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { generatePhone } from '../../fixtures/ad-board/phones.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { referralEvents, referrals } from '../../src/cases/referrals/schema.js';
import { caseNotes, cases, consents } from '../../src/cases/schema.js';
import { caseHolds, caseTombstones } from '../../src/cases/subject-rights/schema.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { recordInbound } from '../../src/outreach/inbox/conversations.js';
import { contacts, conversations, messages } from '../../src/outreach/schema.js';
import type { Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { vaultRecipients, vaultShareCodes, vaultShareRequests } from '../../src/vault/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { noonClock } from '../helpers/clock.js';
import { seedShelters } from '../helpers/partner-directory.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';
import { newVaultRequest, VaultClient } from '../helpers/vault-client.js';

const clock = noonClock();
let t: TestDatabase;
let jobs: Jobs;
let app: FastifyInstance;
let dir: string;
let channelId: string;
let linkOrg: string;
const people = {} as Record<'worker' | 'colleague' | 'supervisor' | 'analyst', ApiCall>;
const rng = new Rng('subject-rights');
const taken = new Set<string>();
const setup: Actor = { userId: null, label: 'setup', role: 'admin' };
const db = () => t.database.db;

async function ok(p: Promise<{ res: { statusCode: number; body: string } }>, status = 200) {
  const { res } = await p;
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body || 'null') as Record<string, unknown>;
}

/** A case opened from a conversation in which the person wrote `text`, with consent and a note. */
async function caseAbout(text: string, note: string) {
  const phone = generatePhone(rng, 'NL', taken);
  const inbound = await recordInbound(
    db(),
    t.config,
    { id: channelId, kind: 'smpp' },
    { from: phone.e164, to: 'outreach', body: text, at: clock.now() },
  );
  const c = (await ok(
    people.worker('POST', '/api/cases', { conversationId: inbound.conversation.id }),
  )) as { id: string; pseudonym: string; alias: string };
  const consent = await ok(
    people.worker('POST', `/api/cases/${c.id}/consents`, {
      scope: 'share_with_org',
      organisationId: linkOrg,
      fields: ['alias', 'needs'],
      givenAt: clock.now().toISOString(),
      source: 'message',
      evidenceMessageId: inbound.message.id,
    }),
  );
  await ok(people.worker('POST', `/api/cases/${c.id}/notes`, { text: note }));
  return {
    ...c,
    consentId: consent.id as string,
    conversationId: inbound.conversation.id,
    contactId: inbound.conversation.contactId!,
  };
}

beforeAll(async () => {
  t = await openTestDatabase();
  jobs = await startJobs({
    database: t.database,
    log: pino({ level: 'silent' }),
    scheduler: false,
    definitions: [],
  });
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-subject-rights-'));
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
  ({ linkOrg } = await seedShelters(db(), clock, null));
  people.worker = await signInAs(app, db(), 'outreach_worker');
  people.colleague = await signInAs(app, db(), 'outreach_worker');
  people.supervisor = await signInAs(app, db(), 'supervisor');
  people.analyst = await signInAs(app, db(), 'analyst');
  channelId = (
    await saveChannel(db(), t.config, setup, {
      name: 'by hand',
      kind: 'manual',
      sender: null,
      settings: {},
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the subject export', () => {
  it('bundles one person, as JSON and as inert HTML, for the owner or a supervisor', async () => {
    const mine = await caseAbout(
      'Ik heet <script>alert(1)</script> en wil weg. "Help" & snel',
      'Prefers to be called after 18:00.',
    );
    const other = await caseAbout('Andere persoon, vraagt om hulp in Tilburg.', 'Other note.');
    await ok(
      people.worker('POST', `/api/cases/${mine.id}/referrals`, {
        partnerId: linkOrg,
        fields: ['alias'],
      }),
      201,
    );
    await ok(
      people.worker('POST', `/api/cases/${mine.id}/consents/${mine.consentId}/withdraw`, {
        source: 'call_note',
        note: 'Called back: no sharing any more.',
      }),
    );

    const { res } = await people.worker('GET', `/api/cases/${mine.id}/export`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="subject-export-${mine.pseudonym}.json"`,
    );
    const bundle = JSON.parse(res.body) as {
      case: Record<string, unknown>;
      consents: Record<string, unknown>[];
      conversations: { messages: { text: string }[] }[];
      referrals: { shared: string; history: { step: string }[] }[];
      notes: unknown;
      tasks: unknown;
    };
    expect(bundle.case).toMatchObject({ pseudonym: mine.pseudonym, alias: mine.alias });
    expect(bundle.consents).toEqual([
      expect.objectContaining({
        scope: 'share_with_org',
        withdrawnAt: clock.now().toISOString(),
        withdrawalNote: 'Called back: no sharing any more.',
      }),
    ]);
    expect(bundle.conversations[0]!.messages.map((m) => m.text)).toEqual([
      'Ik heet <script>alert(1)</script> en wil weg. "Help" & snel',
    ]);
    // The referral with what it carried and its history (ended when consent was withdrawn).
    expect(bundle.referrals).toHaveLength(1);
    expect(bundle.referrals[0]!.shared).toContain(mine.alias);
    expect(bundle.referrals[0]!.history.map((h) => h.step)).toContain('sent');
    // Notes only when the person asked for them; nothing of the other case either way.
    expect(bundle.notes).toBeNull();
    expect(res.body).not.toContain('Prefers to be called');
    expect(res.body).not.toContain(other.pseudonym);
    expect(res.body).not.toContain('Tilburg');

    const html = await people.supervisor(
      'GET',
      `/api/cases/${mine.id}/export?format=html&notes=true`,
    );
    expect(html.res.statusCode, html.res.body).toBe(200);
    expect(html.res.headers['content-type']).toMatch(/^text\/html/);
    const page = html.res.body;
    expect(page).toContain('Prefers to be called after 18:00.');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;Help&quot; &amp; snel');
    expect(page).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toContain('Other note.');
    expect(page).not.toContain(other.pseudonym);

    // Nobody else: a worker who may not see the case does not learn it exists; an analyst has no
    // cases; bad input is refused.
    expect((await people.colleague('GET', `/api/cases/${mine.id}/export`)).res.statusCode).toBe(
      404,
    );
    expect((await people.analyst('GET', `/api/cases/${mine.id}/export`)).res.statusCode).toBe(403);
    expect(
      (await people.worker('GET', `/api/cases/${mine.id}/export?format=pdf`)).res.statusCode,
    ).toBe(400);
    expect((await people.worker('GET', '/api/cases/not-a-case/export')).res.statusCode).toBe(400);

    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.subject_export'), eq(auditLog.targetId, mine.id)));
    expect(audited.map((a) => a.details)).toEqual([
      expect.objectContaining({ format: 'json', notes: false }),
      expect.objectContaining({ format: 'html', notes: true }),
    ]);
    expect(JSON.stringify(audited)).not.toContain('script');
  });
});

describe('erasure and legal holds', () => {
  it('is refused under a hold, saying why, and once lifted erases the person and only them', async () => {
    const gone = await caseAbout('Ik wil hier weg, alsjeblieft.', 'Sister lives in Breda.');
    const kept = await caseAbout('Kun je me helpen met papieren?', 'Kept note.');
    const sent = await ok(
      people.worker('POST', `/api/cases/${gone.id}/referrals`, {
        partnerId: linkOrg,
        fields: ['alias'],
      }),
      201,
    );
    expect(sent).toHaveProperty('referral');

    // Only a supervisor sets a hold; the reason is required and kept encrypted.
    expect(
      (await people.worker('POST', `/api/cases/${gone.id}/hold`, { reason: 'Police request 42' }))
        .res.statusCode,
    ).toBe(403);
    expect(
      (await people.supervisor('POST', `/api/cases/${gone.id}/hold`, { reason: '' })).res
        .statusCode,
    ).toBe(400);
    await ok(
      people.supervisor('POST', `/api/cases/${gone.id}/hold`, {
        reason: 'Police request 42 (investigation)',
      }),
    );
    expect(
      (await people.supervisor('POST', `/api/cases/${gone.id}/hold`, { reason: 'again' })).res
        .statusCode,
    ).toBe(409);
    const [stored] = await db().select().from(caseHolds).where(eq(caseHolds.caseId, gone.id));
    expect(stored!.reasonEnc).toMatch(/^v1\./);

    const erase = (who: ApiCall, confirmPseudonym = gone.pseudonym) =>
      who('POST', `/api/cases/${gone.id}/erase`, { confirmPseudonym });
    expect((await erase(people.worker)).res.statusCode).toBe(403);
    const refused = await erase(people.supervisor);
    expect(refused.res.statusCode).toBe(409);
    expect(refused.json.error).toMatchObject({
      message: expect.stringContaining('legal hold') as unknown,
    });
    expect(await db().select().from(cases).where(eq(cases.id, gone.id))).toHaveLength(1);

    expect((await people.worker('DELETE', `/api/cases/${gone.id}/hold`)).res.statusCode).toBe(403);
    await ok(people.supervisor('DELETE', `/api/cases/${gone.id}/hold`), 204);
    expect((await people.supervisor('DELETE', `/api/cases/${gone.id}/hold`)).res.statusCode).toBe(
      409,
    );
    const holds = await ok(people.supervisor('GET', `/api/cases/${gone.id}/holds`));
    expect(holds).toEqual([
      expect.objectContaining({
        reason: 'Police request 42 (investigation)',
        liftedAt: clock.now().toISOString(),
      }),
    ]);

    // A wrong confirmation erases nothing.
    expect((await erase(people.supervisor, kept.pseudonym)).res.statusCode).toBe(400);
    const result = await ok(erase(people.supervisor));
    expect(result).toMatchObject({
      counts: { consents: 1, notes: 1, referrals: 1, conversations: 1, contacts: 1 },
    });

    expect((await people.worker('GET', `/api/cases/${gone.id}`)).res.statusCode).toBe(404);
    expect(await db().select().from(consents).where(eq(consents.caseId, gone.id))).toEqual([]);
    expect(await db().select().from(caseNotes).where(eq(caseNotes.caseId, gone.id))).toEqual([]);
    expect(await db().select().from(referrals).where(eq(referrals.caseId, gone.id))).toEqual([]);
    expect(
      await db()
        .select()
        .from(referralEvents)
        .where(eq(referralEvents.referralId, (sent.referral as { id: string }).id)),
    ).toEqual([]);
    expect(
      await db().select().from(messages).where(eq(messages.conversationId, gone.conversationId)),
    ).toEqual([]);
    expect(
      await db().select().from(conversations).where(eq(conversations.id, gone.conversationId)),
    ).toEqual([]);
    expect(await db().select().from(contacts).where(eq(contacts.id, gone.contactId))).toEqual([]);
    const [tomb] = await db()
      .select()
      .from(caseTombstones)
      .where(eq(caseTombstones.caseId, gone.id));
    expect(tomb).toMatchObject({
      origin: 'conversation',
      status: 'open',
      cause: 'request',
      referrals: 1,
      conversations: 1,
    });

    // The other person's case is whole.
    const other = await ok(people.worker('GET', `/api/cases/${kept.id}`));
    expect(other.conversations).toHaveLength(1);
    expect(
      await db()
        .select()
        .from(contacts)
        .where(inArray(contacts.id, [kept.contactId])),
    ).toHaveLength(1);

    // Audited, with codes and counts only.
    const entries = await db()
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.targetId, gone.id),
          inArray(auditLog.action, ['case.hold_set', 'case.hold_lifted', 'case.erased']),
        ),
      );
    expect(entries.map((e) => e.action)).toEqual([
      'case.hold_set',
      'case.hold_lifted',
      'case.erased',
    ]);
    const text = JSON.stringify(entries);
    for (const personal of ['Police request', gone.alias, gone.pseudonym, 'Breda', 'weg']) {
      expect(text).not.toContain(personal);
    }
  });
});

describe("erasure and the person's vault", () => {
  const AGE_KEY = `age1${'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.repeat(2).slice(0, 58)}`;

  /** A vault of the person's own, which adds the worker with a share code made for `caseId`. */
  async function vaultLinkedTo(caseId: string, address: string) {
    const owner = new VaultClient(app, address);
    const created = await owner.call(
      'POST',
      '/api/vault/vaults',
      newVaultRequest(`${address} long passphrase`).body,
    );
    expect(created.status, created.body.toString()).toBe(201);
    const code = await ok(
      people.worker('POST', '/api/vault-recipient/share-codes', { caseId }),
      201,
    );
    const added = await owner.call('POST', '/api/vault/recipients', { shareCode: code.shareCode });
    expect(added.status, added.body.toString()).toBe(201);
    await ok(
      people.worker('POST', '/api/vault-recipient/requests', {
        caseId,
        message: 'Could you share the screenshots of the payments?',
      }),
      201,
    );
    return owner;
  }

  const requestsOf = (caseId: string) =>
    db().select().from(vaultShareRequests).where(eq(vaultShareRequests.caseId, caseId));
  const recipientsOf = (caseId: string) =>
    db().select().from(vaultRecipients).where(eq(vaultRecipients.caseId, caseId));
  const codesOf = (caseId: string) =>
    db().select().from(vaultShareCodes).where(eq(vaultShareCodes.caseId, caseId));

  it('takes the requests made through the case and unlinks its recipients and codes; a hold keeps them', async () => {
    await ok(people.worker('POST', '/api/vault-recipient/key', { agePublicKey: AGE_KEY }));
    const gone = await caseAbout(
      'Ik wil weg en heb foto’s van alles.',
      'Has evidence on her phone.',
    );
    const kept = await caseAbout('Ik wil eerst nadenken.', 'Kept vault note.');
    const goneVault = await vaultLinkedTo(gone.id, '10.1.0.1');
    const keptVault = await vaultLinkedTo(kept.id, '10.1.0.2');
    // A second code for the case, not yet entered by anyone.
    await ok(people.worker('POST', '/api/vault-recipient/share-codes', { caseId: gone.id }), 201);
    expect(await requestsOf(gone.id)).toHaveLength(1);
    expect(await recipientsOf(gone.id)).toHaveLength(1);
    expect(await codesOf(gone.id)).toHaveLength(1);

    // Under a legal hold nothing goes, the vault's rows neither.
    await ok(
      people.supervisor('POST', `/api/cases/${gone.id}/hold`, {
        reason: 'Court order 7 (evidence)',
      }),
    );
    const held = await people.supervisor('POST', `/api/cases/${gone.id}/erase`, {
      confirmPseudonym: gone.pseudonym,
    });
    expect(held.res.statusCode).toBe(409);
    expect(await requestsOf(gone.id)).toHaveLength(1);
    expect(await recipientsOf(gone.id)).toHaveLength(1);
    expect(await codesOf(gone.id)).toHaveLength(1);
    await ok(people.supervisor('DELETE', `/api/cases/${gone.id}/hold`), 204);

    await ok(
      people.supervisor('POST', `/api/cases/${gone.id}/erase`, {
        confirmPseudonym: gone.pseudonym,
      }),
    );
    // The worker's words about the case are gone; nothing in the vault names the case any more.
    expect(await requestsOf(gone.id)).toEqual([]);
    expect(await recipientsOf(gone.id)).toEqual([]);
    expect(await codesOf(gone.id)).toEqual([]);
    const asked = await goneVault.call('GET', '/api/vault/requests');
    expect(asked.status).toBe(200);
    expect(asked.json.requests).toEqual([]);
    // Whom the person shares with is their own choice: the worker stays a recipient of both
    // vaults, the erased case's no longer linked to any case.
    const me = (await ok(people.worker('GET', '/api/auth/session'))).user as { id: string };
    const links = await db()
      .select()
      .from(vaultRecipients)
      .where(eq(vaultRecipients.userId, me.id));
    expect(links.map((l) => l.caseId).sort()).toEqual([kept.id, null].sort());
    // Asking through the erased case finds no case.
    const late = await people.worker('POST', '/api/vault-recipient/requests', {
      caseId: gone.id,
      message: 'One more thing?',
    });
    expect(late.res.statusCode).toBe(404);

    // The other person's vault still has its request and its link to their case.
    expect(await requestsOf(kept.id)).toHaveLength(1);
    expect(await recipientsOf(kept.id)).toHaveLength(1);
    expect((await keptVault.call('GET', '/api/vault/requests')).json.requests).toHaveLength(1);
  });
});
