import type { TestApp } from './support/app';
import {
  auth,
  claimedRegistration,
  fileRegistration,
  footprint,
  newUser,
  sendEvent,
  startSuite,
  type Suite,
} from './support/api';
import { makePdf } from './support/pdf';
import { type World } from './support/world';

describe('scope, transitions and concurrency', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it("hides another satker's ticket: reading, replying, acting and downloading are all 404", async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Rahasia Satker')]);
    const id = filed.body.id;
    const att = filed.body.attachments[0];
    const before = await footprint(t, w.satker.id);
    const attempts = [
      t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.otherSatker)),
      t.http.post(`/api/v1/tickets/${id}/messages`).set(auth(tok.otherSatker)).send({ body: 'intip' }),
      sendEvent(t, tok.otherSatker, id, 1, { type: 'CANCEL' }),
      t.http.get(att.downloadUrl).set(auth(tok.otherSatker)),
      t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.otherCso)),
      sendEvent(t, tok.otherCso, id, 1, { type: 'CLAIM' }),
      t.http.get('/api/v1/tickets/not-a-uuid').set(auth(tok.satker)),
    ];
    for (const res of await Promise.all(attempts)) {
      expect([res.status, res.body.error?.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    }
    const lists = await Promise.all(
      [tok.otherSatker, tok.otherCso].map((tok) => t.http.get('/api/v1/tickets?limit=100').set(auth(tok))),
    );
    lists.forEach((l) => expect(l.body.items.map((i: { id: string }) => i.id)).not.toContain(id));
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('refuses a CSO event from the satker with 403 and lists what it may do', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Bukan Petugas')]);
    const before = await footprint(t, w.satker.id);
    const res = await sendEvent(t, tok.satker, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect([res.status, res.body.error.code]).toEqual([403, 'EVENT_NOT_PERMITTED']);
    expect(res.body.error.details.allowedEvents).toEqual(['CANCEL']);
    const internal = await t.http
      .post(`/api/v1/tickets/${ticket.id}/messages`)
      .set(auth(tok.satker))
      .send({ body: 'x', visibility: 'INTERNAL' });
    expect([internal.status, internal.body.error.code]).toEqual([403, 'INTERNAL_NOTE_NOT_PERMITTED']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('refuses an event the state does not accept with 409 INVALID_TRANSITION and the allowed list', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Belum Diambil')]);
    const before = await footprint(t, w.satker.id);
    const res = await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'COMPLETE' });
    expect([res.status, res.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(res.body.error.details).toEqual({ status: 'BARU', allowedEvents: ['CLAIM'] });
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('refuses a stale If-Match with 409 STALE_VERSION', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Versi Lama')]);
    const before = await footprint(t, w.satker.id);
    const res = await sendEvent(t, tok.cso2, ticket.id, ticket.version - 1, { type: 'REJECT', reason: 'dobel' });
    expect([res.status, res.body.error.code]).toEqual([409, 'STALE_VERSION']);
    expect(res.body.error.details).toEqual({ expectedVersion: ticket.version - 1, currentVersion: ticket.version });
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('lets exactly one of two CSOs completing at the same moment win, with one activation', async () => {
    for (let round = 0; round < 5; round++) {
      const person = newUser(`Rebutan ${round}`);
      const ticket = await claimedRegistration(t, tok.satker, tok.cso, [person]);
      const results = await Promise.all(
        [tok.cso, tok.cso2].map((tok) => sendEvent(t, tok, ticket.id, ticket.version, { type: 'COMPLETE' })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ memberships, tokens, events }] = await t.db.query(
        `SELECT (SELECT count(*) FROM myintress_memberships WHERE source_ticket_id = $1)::int AS memberships,
                (SELECT count(*) FROM activation_tokens WHERE source_ticket_id = $1)::int AS tokens,
                (SELECT count(*) FROM ticket_events WHERE ticket_id = $1 AND type = 'COMPLETE')::int AS events`,
        [ticket.id],
      );
      expect({ memberships, tokens, events }).toEqual({ memberships: 1, tokens: 1, events: 1 });
    }
  });

  it('returns the same ticket for a repeated Idempotency-Key and refuses the key with another body', async () => {
    const users = [newUser('Kirim Ulang')];
    const sk = makePdf({ title: 'SK sekali' });
    const first = await fileRegistration(t, tok.satker, users, { idempotencyKey: 'retry-key-0001', sk });
    const again = await fileRegistration(t, tok.satker, users, { idempotencyKey: 'retry-key-0001', sk });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const before = await footprint(t, w.satker.id);
    const other = await fileRegistration(t, tok.satker, [newUser('Isi Lain')], {
      idempotencyKey: 'retry-key-0001',
      sk,
    });
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('creates one ticket and one set of files for ten parallel filings with the same key', async () => {
    const users = [newUser('Sepuluh Sekaligus')];
    const sk = makePdf({ title: 'SK paralel' });
    const formulir = makePdf({ title: 'Formulir paralel' });
    const before = await footprint(t, w.satker.id);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        fileRegistration(t, tok.satker, users, { idempotencyKey: 'parallel-key-01', sk, formulir }),
      ),
    );
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const after = await footprint(t, w.satker.id);
    expect([
      after.tickets - before.tickets,
      after.attachments - before.attachments,
      after.files - before.files,
    ]).toEqual([1, 2, 2]);
  });

  it('pages the CSO queue with a keyset cursor, oldest first, without repeats', async () => {
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/v1/tickets')
        .set(auth(tok.satker))
        .send({ service: 'PERTANYAAN', form: { perihal: `Tanya ${i}`, uraian: 'Mohon info' } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await t.http
        .get('/api/v1/tickets')
        .query({ status: 'BARU', service: 'PERTANYAAN', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(auth(tok.cso));
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const crafted = [
      'rusak',
      Buffer.from(JSON.stringify(['2026-99-99 99:99', '00000000-0000-0000-0000-000000000000'])).toString('base64url'),
      Buffer.from(JSON.stringify(['2026-01-01 10:00', '-'.repeat(36)])).toString('base64url'),
    ];
    for (const cursor of crafted) {
      const bad = await t.http.get('/api/v1/tickets').query({ cursor }).set(auth(tok.cso));
      expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_CURSOR']);
    }
  });
});

describe('internal notes stay internal', () => {
  it('hides files on internal notes, and the notes themselves, from the satker', async () => {
    const { t, tok } = await startSuite();
    try {
      const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Catatan Rahasia')]);
      const note = await t.http
        .post(`/api/v1/tickets/${ticket.id}/messages`)
        .set(auth(tok.cso))
        .field('body', 'Memo internal')
        .field('visibility', 'INTERNAL')
        .attach('LAMPIRAN', makePdf({ title: 'Memo' }), 'memo-internal.pdf');
      expect(note.status).toBe(201);
      const memo = note.body.attachments.find((a: { originalName: string }) => a.originalName === 'memo-internal.pdf');
      expect(memo).toBeDefined();
      const seen = await t.http.get(`/api/v1/tickets/${ticket.id}`).set(auth(tok.satker));
      expect(seen.body.attachments.map((a: { originalName: string }) => a.originalName)).not.toContain(
        'memo-internal.pdf',
      );
      expect(seen.body.history.map((e: { type: string }) => e.type)).not.toContain('INTERNAL_NOTE');
      const download = await t.http.get(memo.downloadUrl).set(auth(tok.satker));
      expect([download.status, download.body.error.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
      expect((await t.http.get(memo.downloadUrl).set(auth(tok.cso2))).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
