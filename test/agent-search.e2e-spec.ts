import type { TestApp } from './support/app';
import { ask, ids } from './support/workspace';
import { auth, fileRegistration, footprint, newUser, startSuite, type Suite } from './support/api';
import { randomNik, type World } from './support/world';

describe('searching tickets', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  const find = (token: string, q: string) => t.http.get(`/api/v1/tickets?q=${encodeURIComponent(q)}`).set(auth(token));
  const post = (token: string, body: Record<string, unknown>) =>
    t.http.post('/api/v1/tickets/search').set(auth(token)).send(body);
  let registration: { id: string; number: string };
  const nik = randomNik();

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    registration = (await fileRegistration(t, tok.satker, [newUser('Siti Rahmawati Kusuma', nik)])).body;
  });
  afterAll(() => t.close());

  it('finds a ticket by number, kode and nama satker, and a name in the form', async () => {
    for (const q of [
      registration.number,
      registration.number.slice(-6),
      w.satker.code,
      w.satker.name.toUpperCase(),
      'rahmawati kus',
    ]) {
      expect(ids(await find(tok.cso, q))).toContain(registration.id);
    }
    expect(ids(await find(tok.cso, 'Nama Yang Tidak Ada'))).not.toContain(registration.id);
  });

  it('finds the perihal and the messages by Indonesian full-text search, but never by an internal note', async () => {
    const q = await ask(
      t,
      tok.satker,
      'Pencairan tunjangan kinerja',
      'Tunjangan bulan Oktober belum diterima pegawai.',
    );
    await t.http
      .post(`/api/v1/tickets/${q.id}/messages`)
      .set(auth(tok.satker))
      .send({ body: 'Mohon segera diproses, pegawai menanyakan.' });
    await t.http
      .post(`/api/v1/tickets/${q.id}/messages`)
      .set(auth(tok.cso))
      .send({ body: 'Rahasia: cek dengan bendahara', visibility: 'INTERNAL' });
    for (const words of ['pencairan tunjangan', 'tunjangan kinerja', 'diterima pegawai', 'menanyakan']) {
      expect(ids(await find(tok.cso, words))).toContain(q.id);
    }
    expect(ids(await find(tok.cso, 'bendahara'))).not.toContain(q.id);
    const row = (await find(tok.cso, 'tunjangan kinerja')).body.items.find((i: { id: string }) => i.id === q.id);
    expect(row).toMatchObject({ title: 'Pencairan tunjangan kinerja', number: q.number });
  });

  it('searches by NIK only through POST: a NIK in the URL is refused and nothing about it is answered', async () => {
    const refused = await find(tok.cso, nik);
    expect([refused.status, refused.body.error.code]).toEqual([400, 'NIK_SEARCH_REQUIRES_POST']);
    expect(JSON.stringify(refused.body)).not.toContain(nik);
    const inText = await find(tok.cso, `nik ${nik} mohon`);
    expect(inText.body.error.code).toBe('NIK_SEARCH_REQUIRES_POST');
    const found = await post(tok.cso, { q: nik });
    expect([found.status, ids(found)]).toEqual([200, [registration.id]]);
  });

  it("keeps search inside the actor's scope: another office and another satker find nothing of ours", async () => {
    for (const token of [tok.otherCso, tok.otherSatker]) {
      expect(ids(await post(token, { q: nik }))).toEqual([]);
      expect(ids(await find(token, w.satker.name))).toEqual([]);
      expect(ids(await find(token, registration.number))).toEqual([]);
    }
    // The satker itself finds its own tickets.
    expect(ids(await find(tok.satker, registration.number))).toEqual([registration.id]);
  });

  it('combines a search with a view, and refuses too short a text without changing anything', async () => {
    expect(
      ids(await t.http.get(`/api/v1/tickets?view=mine&q=${encodeURIComponent(w.satker.name)}`).set(auth(tok.cso))),
    ).toEqual([]);
    expect(
      ids(
        await t.http.get(`/api/v1/tickets?view=unassigned&q=${encodeURIComponent(w.satker.name)}`).set(auth(tok.cso)),
      ),
    ).toContain(registration.id);
    const before = await footprint(t, w.satker.id);
    const short = await find(tok.cso, 'ab');
    expect([short.status, short.body.error.code]).toEqual([400, 'SEARCH_TOO_SHORT']);
    const empty = await post(tok.cso, { q: '' });
    expect(empty.status).toBe(400);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('pages a search newest first: satker, perihal and words merged once each, the cursor going on where it stopped', async () => {
    const older = await ask(t, tok.satker, 'Revisi DIPA petikan satu');
    const newer = await ask(t, tok.satker, 'Revisi DIPA petikan dua');
    // Found by the satker's name, the perihal's letters and its words alike: listed once, newest first.
    expect(ids(await find(tok.cso, 'revisi dipa petikan'))).toEqual([newer.id, older.id]);
    const all = ids(await find(tok.cso, w.satker.name));
    expect(all.slice(0, 2)).toEqual([newer.id, older.id]);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.http
        .get(`/api/v1/tickets?q=${encodeURIComponent(w.satker.name)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(auth(tok.cso));
      expect(res.status).toBe(200);
      paged.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it("finds rare text behind an office's 20,000 newest tickets, newest first and paged without loss", async () => {
    const asked = [];
    for (const n of ['satu', 'dua', 'tiga']) asked.push(await ask(t, tok.satker, `Koreksi tunjangan susulan ${n}`));
    // 20,100 newer tickets of the same office (another satker) that match none of it: the search can no
    // longer find a page of matches among the newest 20,000 and must read the text's index instead.
    const [{ id: filler }] = await t.db.query(
      `INSERT INTO satkers (code, name, kppn_id) VALUES ($1, 'Satker Pengisi Antrean', $2) RETURNING id`,
      [String(100000 + Math.floor(Math.random() * 899999)), w.kppnId],
    );
    await t.db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by)
       SELECT 'ISI-' || $3 || '-' || n, $1, $2, 'PERTANYAAN', 'lifecycle', 1, 'DITUTUP', '{"value": "DITUTUP", "context": {}}',
              'Pengisi ' || n, '{"perihal": "Pengisi antrean", "uraian": "Tidak ada hubungannya."}', $4
         FROM generate_series(1, 20100) n`,
      [w.kppnId, filler, filler.slice(0, 8), w.satkerUser.id],
    );
    const newestFirst = asked.map((a) => a.id).reverse();
    expect(ids(await find(tok.cso, 'tunjangan susulan'))).toEqual(newestFirst);
    expect(ids(await find(tok.cso, 'koreksi tunjangan'))).toEqual(newestFirst);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t.http
        .get(`/api/v1/tickets?q=${encodeURIComponent('tunjangan susulan')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(auth(tok.cso));
      paged.push(...ids(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(newestFirst);
    // Text the newest tickets do hold is still found among them.
    expect(ids(await find(tok.cso, 'pengisi antrean'))).toHaveLength(50);
  });

  it("finds a satker's tickets by the name it has now, after a rename", async () => {
    const renamed = `Satker Ganti Nama ${w.satker.code}`;
    await t.db.query(`UPDATE satkers SET name = $2 WHERE id = $1`, [w.satker.id, renamed]);
    try {
      expect(ids(await find(tok.cso, renamed.toLowerCase()))).toContain(registration.id);
    } finally {
      await t.db.query(`UPDATE satkers SET name = $2 WHERE id = $1`, [w.satker.id, w.satker.name]);
    }
  });
});
