import type { TestApp } from '../support/app';
import { auth, footprint, tambahPengguna, type Suite } from '../support/api';
import { makePdf } from '../support/pdf';
import { csrfOf, portalLogin, startPortalSuite, type PortalAgent } from '../support/portal';
import { addMembership, addResident, createPerson, type World } from '../support/world';

const masked = (nik: string) => `${nik.slice(0, 4)}********${nik.slice(12)}`;

/** Tambah Pengguna as the browser posts it (multipart), with the page's CSRF token unless given. */
async function postTambah(agent: PortalAgent, fields: Record<string, string>, sk: Buffer | null, csrf?: string) {
  const page = await agent.get('/pengguna/tambah');
  const req = agent.post('/pengguna/tambah').field('_csrf', csrf ?? csrfOf(page.text));
  for (const [k, v] of Object.entries(fields)) req.field(`f.${k}`, v);
  return sk ? req.attach('SK_PENUNJUKAN', sk, { filename: 'sk.pdf', contentType: 'application/pdf' }) : req;
}

const person = (nik: string, nama: string) => ({
  nik,
  nama,
  telepon: '081355500011',
  email: `${nik}@satker.go.id`,
  nomorSk: 'ST-12/2026',
});

describe('portal: Daftar Pengguna, Tambah Pengguna, approvals, deactivation and deletion requests over HTTP', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let satker: PortalAgent;
  let cso: PortalAgent;

  beforeAll(async () => ({ t, w, tok, satker, cso } = await startPortalSuite()));
  afterAll(() => t.close());

  const statusOf = async (membershipId: string) =>
    (
      await t.db.query(`SELECT status, deleted_at IS NOT NULL AS deleted FROM myintress_memberships WHERE id = $1`, [
        membershipId,
      ])
    )[0];

  it('lists the satker users with the statuses of the guides and masked NIKs', async () => {
    const page = await satker.get('/pengguna');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Daftar Pengguna</h1>');
    expect(page.text).toContain(masked(w.satkerUser.nik));
    expect(page.text).not.toContain(w.satkerUser.nik);
    expect(page.text).toContain('2 – Aktif');
  });

  it('fills the form from DIGIT on Cari, and says when the NIK is unknown or malformed', async () => {
    const known = await createPerson(t.db, 'Rina Marlina');
    await t.db.query(`UPDATE persons SET nip = '198801012010122001' WHERE id = $1`, [known.id]);
    const page = await satker.get('/pengguna/tambah');
    expect(page.text).toContain('formaction="/pengguna/tambah/cari"');
    const cari = (nik: string) =>
      satker
        .post('/pengguna/tambah/cari')
        .type('form')
        .send({ _csrf: csrfOf(page.text), 'f.nik': nik, 'f.telepon': '0813555' });
    const found = await cari(known.nik);
    expect(found.status).toBe(200);
    expect(found.text).toContain('NIK terdaftar di DIGIT atas nama <strong>Rina Marlina</strong>');
    expect(found.text).toMatch(/id="f-nama" name="f.nama" type="text" value="Rina Marlina"/);
    expect(found.text).toContain('value="198801012010122001"');
    expect(found.text).toContain('value="0813555"');
    const unknown = await cari('7571010101900002');
    expect(unknown.text).toContain('NIK belum terdaftar di DIGIT.');
    const bad = await cari('12345');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(
      /id="f-nik"[^>]*aria-invalid="true"[\s\S]*id="f-nik-galat">NIK harus terdiri dari 16 digit angka\./,
    );
  });

  it('shows the Dukcapil refusals next to their fields and creates nothing', async () => {
    const unknownNik = '7571010101900001';
    const nik = await addResident(t.db, 'Muhammad Rizky Ra');
    const before = await footprint(t, w.satker.id, [unknownNik, nik]);
    const notFound = await postTambah(satker, person(unknownNik, 'Tidak Ada'), makePdf());
    expect(notFound.status).toBe(422);
    expect(notFound.text).toContain('id="f-nik-galat">Berdasarkan pengecekan di DUKCAPIL: NIK tidak ditemukan</p>');
    const mismatch = await postTambah(satker, person(nik, 'Muhammad Rizky Ro'), makePdf());
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain(
      'id="f-nama-galat">Berdasarkan pengecekan di DUKCAPIL: Nama lengkap tidak valid 94/95</p>',
    );
    expect(mismatch.text).toContain('value="Muhammad Rizky Ro"');
    const noFile = await postTambah(satker, person(nik, 'Muhammad Rizky Ra'), null);
    expect(noFile.status).toBe(422);
    expect(noFile.text).toMatch(/id="berkas-SK_PENUNJUKAN-cek" aria-live="polite">Lampiran ini wajib diunggah\./);
    expect(await footprint(t, w.satker.id, [unknownNik, nik])).toEqual(before);
  });

  it('refuses every form of these pages without a valid CSRF token and changes nothing', async () => {
    const nik = await addResident(t.db, 'Tanpa Token');
    const active = await createPerson(t.db, 'Anggota Aktif CSRF');
    const membership = await addMembership(t.db, active.id, w.satker.id, 2);
    const pendingNik = await addResident(t.db, 'Menunggu Putusan');
    const pending = await tambahPengguna(t, tok.satker, w.satker.code, { nik: pendingNik, nama: 'Menunggu Putusan' });
    const before = await footprint(t, w.satker.id, [nik]);
    const refusals = [
      await postTambah(satker, person(nik, 'Tanpa Token'), makePdf(), 'token-palsu'),
      await satker.post('/pengguna/tambah/cari').type('form').send({ 'f.nik': nik }),
      await satker.post(`/pengguna/${membership}/nonaktifkan`).type('form').send({ alasan: 'Mutasi pegawai' }),
      await satker
        .post('/pengguna/hapus')
        .field('_csrf', 'palsu')
        .field('pengguna.0', membership)
        .field('alasan', 'x')
        .attach('SURAT_PERMINTAAN', makePdf(), 'a.pdf')
        .attach('FORMULIR_PENGHAPUSAN', makePdf(), 'b.pdf'),
      await cso.post(`/persetujuan/${pending.body.ticketId}/setujui`).type('form').send({ versi: '1' }),
      await cso
        .post(`/persetujuan/${pending.body.ticketId}/tolak`)
        .type('form')
        .send({ versi: '1', reason: 'x', _csrf: 'salah' }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.text).toContain('Kode galat: CSRF_INVALID');
    }
    expect(await footprint(t, w.satker.id, [nik])).toEqual(before);
    expect((await statusOf(membership)).status).toBe(2);
    expect((await statusOf(pending.body.membershipId)).status).toBe(1);
  });

  it('adds a user as 1 – Terdaftar belum disetujui; the CSO rejects with a reason and the satker sees 5 with it', async () => {
    const nik = await addResident(t.db, 'Dewi Lestari');
    const added = await postTambah(satker, person(nik, 'Dewi Lestari'), makePdf({ title: 'ST Dewi' }));
    expect([added.status, added.headers.location]).toEqual([303, '/pengguna?ok=TAMBAH']);
    const list = await satker.get('/pengguna?ok=TAMBAH');
    expect(list.text).toContain('Pengguna didaftarkan dengan status 1 – Terdaftar belum disetujui.');
    expect(list.text).toMatch(/Dewi Lestari<\/td>\s*<td>\d{4}\*{8}\d{4}<\/td>[\s\S]*?1 – Terdaftar belum disetujui/);

    const queue = await cso.get('/persetujuan');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(masked(nik));
    expect(queue.text).not.toContain(nik);
    const [, ticketId] = /href="\/persetujuan\/([0-9a-f-]+)" aria-label="Periksa pendaftaran Dewi Lestari"/.exec(
      queue.text,
    )!;
    const detail = await cso.get(`/persetujuan/${ticketId}`);
    expect(detail.text).toContain(`<dd>${nik}</dd>`);
    expect(detail.text).toMatch(/<a href="\/tiket\/[0-9a-f-]+\/lampiran\/[0-9a-f-]+">sk.pdf<\/a>/);
    const before = await footprint(t, w.satker.id);
    const blank = await cso
      .post(`/persetujuan/${ticketId}/tolak`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), versi: '1', reason: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.text).toMatch(
      /id="alasan"[^>]*aria-invalid="true"[\s\S]*id="alasan-galat">Alasan wajib diisi untuk aksi ini\./,
    );
    expect(await footprint(t, w.satker.id)).toEqual(before);
    const rejected = await cso
      .post(`/persetujuan/${ticketId}/tolak`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), versi: '1', reason: 'ST belum ditandatangani' });
    expect(rejected.status).toBe(303);
    expect((await cso.get(rejected.headers.location)).text).toContain('Pendaftaran ditolak.');
    const late = await cso
      .post(`/persetujuan/${ticketId}/setujui`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), versi: '1' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Permintaan ini sudah berubah sebelum keputusan Anda tersimpan.');
    const after = await satker.get('/pengguna');
    expect(after.text).toMatch(
      /Dewi Lestari<\/td>[\s\S]*?5 – Pendaftaran Ditolak<br><span class="hint">Alasan: ST belum ditandatangani<\/span>/,
    );
  });

  it('keeps the approval queue to CSOs of the KPPN', async () => {
    const nik = await addResident(t.db, 'Hanya KPPN Sendiri');
    const filed = await tambahPengguna(t, tok.satker, w.satker.code, { nik, nama: 'Hanya KPPN Sendiri' });
    const other = await portalLogin(t, w.otherCso);
    expect((await other.get('/persetujuan')).text).not.toContain('Hanya KPPN Sendiri');
    expect((await other.get(`/persetujuan/${filed.body.ticketId}`)).status).toBe(404);
    const refused = await satker.get('/persetujuan');
    expect([refused.status, refused.text.includes('Kode galat: NOT_AN_AGENT')]).toEqual([403, true]);
  });

  it('deactivates a member with a reason, then files a deletion request for the inactive and the rejected rows', async () => {
    const member = await createPerson(t.db, 'Budi Mutasi');
    const membership = await addMembership(t.db, member.id, w.satker.id, 2);
    const confirm = await satker.get(`/pengguna/${membership}/nonaktifkan`);
    expect(confirm.text).toContain('<h1>Nonaktifkan Budi Mutasi</h1>');
    const noReason = await satker
      .post(`/pengguna/${membership}/nonaktifkan`)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text), alasan: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('id="alasan-galat">Alasan wajib diisi');
    expect((await statusOf(membership)).status).toBe(2);
    const done = await satker
      .post(`/pengguna/${membership}/nonaktifkan`)
      .type('form')
      .send({ _csrf: csrfOf(confirm.text), alasan: 'Mutasi pegawai' });
    expect([done.status, done.headers.location]).toEqual([303, '/pengguna?ok=NONAKTIF']);
    expect((await statusOf(membership)).status).toBe(0);

    const list = await satker.get('/pengguna');
    expect(list.text).toContain(`name="id" value="${membership}"`);
    const theirs = (
      await t.db.query(`SELECT id FROM myintress_memberships WHERE satker_id = $1`, [w.otherSatker.id])
    )[0].id;
    const notMine = await satker.get(`/pengguna/hapus?id=${theirs}`);
    expect([notMine.status, notMine.headers.location]).toEqual([303, '/pengguna']);
    const form = await satker.get(`/pengguna/hapus?id=${membership}&id=${w.satkerUser.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Budi Mutasi');
    const letter = await satker.get(`/pengguna/hapus/surat?id=${membership}&format=html`);
    expect(letter.status).toBe(200);
    expect(letter.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(letter.headers['content-disposition']).toContain(
      `attachment; filename="Permintaan-Penghapusan-${w.satker.code}.html"`,
    );
    expect(letter.text).toContain('Budi Mutasi');
    // The satker's signed request to its KPPN names each user in full; the pages keep NIKs masked.
    expect(letter.text).toContain(`<td>${member.nik}</td>`);
    const api = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/dokumen/surat-permintaan-penghapusan`)
      .query({ format: 'html' })
      .set(auth(tok.satker))
      .send({ membershipIds: [membership] });
    expect(api.text).toBe(letter.text);
    expect((await satker.get(`/pengguna/hapus/surat?id=${theirs}&format=html`)).status).toBe(404);
    const before = await footprint(t, w.satker.id);
    const post = (files: Record<string, Buffer>, ids = [membership]) => {
      const req = satker
        .post('/pengguna/hapus')
        .field('_csrf', csrfOf(form.text))
        .field('kunci', `hapus-${Date.now()}${Math.random()}`.replace('.', ''))
        .field('alasan', 'Pegawai pindah tugas');
      ids.forEach((id, i) => req.field(`pengguna.${i}`, id));
      for (const [k, v] of Object.entries(files))
        req.attach(k, v, { filename: `${k.toLowerCase()}.pdf`, contentType: 'application/pdf' });
      return req;
    };
    const missing = await post({ SURAT_PERMINTAAN: makePdf() });
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(
      /id="berkas-FORMULIR_PENGHAPUSAN-cek" aria-live="polite">Lampiran ini wajib diunggah\./,
    );
    const self = (
      await t.db.query(`SELECT id FROM myintress_memberships WHERE person_id = $1 AND satker_id = $2`, [
        w.satkerUser.id,
        w.satker.id,
      ])
    )[0].id;
    const active = await post({ SURAT_PERMINTAAN: makePdf(), FORMULIR_PENGHAPUSAN: makePdf() }, [membership, self]);
    expect(active.status).toBe(422);
    expect(active.text).toContain('Kode galat: MEMBERSHIP_NOT_DELETABLE');
    expect(await footprint(t, w.satker.id)).toEqual(before);
    const filed = await post({ SURAT_PERMINTAAN: makePdf(), FORMULIR_PENGHAPUSAN: makePdf() });
    expect(filed.status).toBe(303);
    expect(filed.headers.location).toMatch(/^\/tiket\/[0-9a-f-]+\?ok=FILED$/);
    const [ticket] = await t.db.query(`SELECT service_code, form FROM tickets WHERE id = $1`, [
      filed.headers.location.split('/')[2].split('?')[0],
    ]);
    expect(ticket).toMatchObject({
      service_code: 'MYINTRESS_HAPUS',
      form: { pengguna: [{ membershipId: membership }], alasan: 'Pegawai pindah tugas' },
    });
  });

  it('asks the KPPN to reactivate a dormant member, who is active again once approved', async () => {
    const sleeper = await createPerson(t.db, 'Lama Tidak Masuk');
    await addResident(t.db, 'Lama Tidak Masuk', sleeper.nik);
    await addMembership(t.db, sleeper.id, w.satker.id, 3);
    const sent = await postTambah(satker, person(sleeper.nik, 'Lama Tidak Masuk'), makePdf());
    expect([sent.status, sent.headers.location]).toEqual([303, '/pengguna?ok=REAKTIVASI']);
    const list = await satker.get(sent.headers.location);
    expect(list.text).toContain('Status tetap 3 – Dormant sampai KPPN menyetujuinya.');
    expect(list.text).toMatch(/Lama Tidak Masuk<\/td>[\s\S]*?3 – Dormant/);
    const queue = await cso.get('/persetujuan');
    expect(queue.text).toMatch(/Lama Tidak Masuk<br><span class="hint">Aktivasi kembali \(Dormant\)/);
    const [, ticketId] = /href="\/persetujuan\/([0-9a-f-]+)" aria-label="Periksa pendaftaran Lama Tidak Masuk"/.exec(
      queue.text,
    )!;
    const detail = await cso.get(`/persetujuan/${ticketId}`);
    const approved = await cso
      .post(`/persetujuan/${ticketId}/setujui`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), versi: '1' });
    expect(approved.status).toBe(303);
    expect((await satker.get('/pengguna')).text).toMatch(/Lama Tidak Masuk<\/td>[\s\S]*?2 – Aktif/);
  });
});
