import { formatDateTime } from '@loket/common';
import { createHash } from 'node:crypto';
import type { TestApp } from '../support/app';
import {
  auth,
  binaryParser,
  fileRegistration,
  footprint,
  newUser,
  sendEvent,
  startSuite,
  type Suite,
} from '../support/api';
import { makePdf } from '../support/pdf';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import { addMembership, createPerson, createPusintekAgent, type World } from '../support/world';

const FORM = '/ajukan/MYINTRESS_DAFTAR_KPPN';

/** The registration form as a browser posts it (multipart), with the page's CSRF token unless given. */
async function postFiling(
  agent: PortalAgent,
  fields: Record<string, string>,
  files: Record<string, Buffer>,
  csrf?: string,
) {
  const page = await agent.get(FORM);
  const req = agent
    .post(FORM)
    .field('_csrf', csrf ?? csrfOf(page.text))
    .field('kunci', `uji-${Date.now()}-${Math.random()}`.replace('.', ''));
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  for (const [k, v] of Object.entries(files))
    req.attach(k, v, { filename: `${k.toLowerCase()}.pdf`, contentType: 'application/pdf' });
  return req;
}

const userFields = (u: ReturnType<typeof newUser>, row = 0) =>
  Object.fromEntries(Object.entries(u).map(([k, v]) => [`f.pengguna.${row}.${k}`, String(v)]));
const bothPdfs = () => ({
  SK_PENUNJUKAN: makePdf({ title: 'SK' }),
  FORMULIR_PENDAFTARAN: makePdf({ title: 'Formulir' }),
});

describe('portal: filing, ticket page and queue over HTTP', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let satker: PortalAgent;
  let cso: PortalAgent;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    [satker, cso] = await Promise.all([portalLogin(t, w.satkerUser), portalLogin(t, w.cso)]);
  });
  afterAll(() => t.close());

  it('sends a deletion request to Daftar Pengguna, where rows are picked, not typed as ids', async () => {
    const list = await satker.get('/ajukan');
    expect(list.text).toContain('href="/pengguna/hapus"');
    expect(list.text).not.toContain('href="/ajukan/MYINTRESS_HAPUS"');
    const direct = await satker.get('/ajukan/MYINTRESS_HAPUS');
    expect([direct.status, direct.headers.location]).toEqual([303, '/pengguna/hapus']);
  });

  it('shows the form from the catalogue with the upload limits before any upload', async () => {
    const page = await satker.get(FORM);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="f.pengguna.0.nik"');
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toMatch(/SK\/ST\/ND Penunjukan[\s\S]*PDF, paling besar 5 MB\./);
    expect(page.text).toContain('data-max-bytes="5242880"');
  });

  it('refuses a bad form with messages next to the fields, and creates nothing', async () => {
    const before = await footprint(t, w.satker.id);
    const bad = {
      ...userFields(newUser('Nama Uji')),
      'f.pengguna.0.nik': '12345',
      'f.pengguna.0.email': 'bukan-email',
    };
    const res = await postFiling(satker, bad, bothPdfs());
    expect(res.status).toBe(400);
    expect(res.text).toContain('Kode galat: VALIDATION_FAILED');
    expect(res.text).toMatch(
      /id="f-pengguna-0-nik"[^>]*aria-invalid="true"[\s\S]*id="f-pengguna-0-nik-galat">NIK harus terdiri dari 16 digit angka\./,
    );
    expect(res.text).toMatch(/id="f-pengguna-0-email-galat">E-mail bukan alamat e-mail yang valid\./);
    expect(res.text).toContain('value="Nama Uji"');
    const missing = await postFiling(satker, userFields(newUser('Nama Uji')), { SK_PENUNJUKAN: makePdf() });
    expect(missing.status).toBe(422);
    expect(missing.text).toMatch(
      /id="berkas-FORMULIR_PENDAFTARAN-cek" aria-live="polite">Lampiran ini wajib diunggah\./,
    );
    const notPdf = await postFiling(satker, userFields(newUser('Nama Uji')), {
      ...bothPdfs(),
      SK_PENUNJUKAN: Buffer.from('bukan pdf'),
    });
    expect(notPdf.status).toBe(415);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('refuses a multipart filing without the CSRF token: nothing created, no temp file left', async () => {
    const before = await footprint(t, w.satker.id);
    const res = await postFiling(satker, userFields(newUser('Tanpa Token')), bothPdfs(), 'token-palsu');
    expect(res.status).toBe(403);
    expect(res.text).toContain('Kode galat: CSRF_INVALID');
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('files once for a double-submitted form (the same key)', async () => {
    const page = await satker.get(FORM);
    const send = () =>
      satker
        .post(FORM)
        .field('_csrf', csrfOf(page.text))
        .field('kunci', 'formulir-ganda-0001')
        .field('f.pengguna.0.nik', fresh.nik)
        .field('f.pengguna.0.nama', fresh.nama)
        .field('f.pengguna.0.telepon', fresh.telepon)
        .field('f.pengguna.0.email', fresh.email)
        .field('f.pengguna.0.peran', fresh.peran)
        .attach('SK_PENUNJUKAN', sk, 'sk.pdf')
        .attach('FORMULIR_PENDAFTARAN', sk, 'f.pdf');
    const fresh = newUser('Klik Dua Kali');
    const sk = makePdf({ title: 'SK ganda' });
    const [a, b] = [await send(), await send()];
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
  });

  it('keeps internal notes from the satker, masks NIKs for them and shows them in full to the CSO', async () => {
    const fresh = newUser('Siti Rahma');
    const filed = await fileRegistration(t, tok.satker, [fresh]);
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    await t.http
      .post(`/api/v1/tickets/${filed.body.id}/messages`)
      .set(auth(tok.cso))
      .send({ body: 'Rahasia internal KPPN', visibility: 'INTERNAL' });
    const mine = await satker.get(`/tiket/${filed.body.id}`);
    expect(mine.status).toBe(200);
    expect(mine.text).not.toContain('Rahasia internal KPPN');
    expect(mine.text).not.toContain('Catatan internal (hanya');
    expect(mine.text).toContain(`${fresh.nik.slice(0, 4)}********${fresh.nik.slice(12)}`);
    expect(mine.text).not.toContain(`<td>${fresh.nik}</td>`);
    const staff = await cso.get(`/tiket/${filed.body.id}`);
    expect(staff.text).toContain('Rahasia internal KPPN');
    expect(staff.text).toContain(`<td>${fresh.nik}</td>`);
  });

  it("shows a ticket's times on its office's clock (the test KPPN keeps WITA), as the SLA table does", async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Waktu Setempat')]);
    const filedAt = new Date(filed.body.createdAt);
    const wita = formatDateTime(filedAt, 'Asia/Makassar');
    expect(wita).toMatch(
      /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} [A-Z][a-z]+ \d{4} pukul \d\d\.\d\d WITA$/,
    );
    const page = await satker.get(`/tiket/${filed.body.id}`);
    expect(page.text).toContain(`<dt>Diajukan</dt><dd>${wita}</dd>`);
    expect(page.text).not.toMatch(/\d WIB</);
    const home = await satker.get('/');
    expect(home.text).toContain(wita);
  });

  it("answers another satker's ticket and its files with 404, as the API does", async () => {
    const theirs = await fileRegistration(t, tok.otherSatker, [newUser('Orang Lain')]);
    const page = await satker.get(`/tiket/${theirs.body.id}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('Kode galat: TICKET_NOT_FOUND');
    expect(page.text).not.toContain(theirs.body.number);
    const file = await satker.get(`/tiket/${theirs.body.id}/lampiran/${theirs.body.attachments[0].id}`);
    expect(file.status).toBe(404);
    expect((await satker.get('/tiket/bukan-uuid')).status).toBe(404);
    const otherCso = await portalLogin(t, w.otherCso);
    expect(
      (await otherCso.get(`/tiket/${(await fileRegistration(t, tok.satker, [newUser('Milik Satu')])).body.id}`)).status,
    ).toBe(404);
  });

  it('downloads an attachment through the portal, byte for byte', async () => {
    const sk = makePdf({ title: 'SK unduh' });
    const filed = await fileRegistration(t, tok.satker, [newUser('Unduh Berkas')], { sk });
    const skId = filed.body.attachments.find((a: { kind: string }) => a.kind === 'SK_PENUNJUKAN').id;
    const res = await satker
      .get(`/tiket/${filed.body.id}/lampiran/${skId}`)
      .buffer(true)
      .parse(binaryParser as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(createHash('sha256').update(res.body).digest('hex')).toBe(createHash('sha256').update(sk).digest('hex'));
  });

  it('shows a clear conflict and the fresh page when someone else acted first', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Rebutan Tiket')]);
    const seen = await cso.get(`/tiket/${filed.body.id}`);
    expect(seen.text).toContain('name="versi" value="1"');
    expect((await sendEvent(t, tok.cso2, filed.body.id, 1, { type: 'CLAIM' })).status).toBe(200);
    const late = await cso
      .post(`/tiket/${filed.body.id}/aksi`)
      .type('form')
      .send({ _csrf: csrfOf(seen.text), type: 'CLAIM', versi: '1' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('Tiket ini sudah berubah sebelum aksi Anda tersimpan.');
    expect(late.text).toContain('CSO Kedua');
    expect(late.text).toContain('name="versi" value="2"');
  });

  it('says which text an action needs, at the composer, keeps what was typed, and changes nothing', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Tanpa Alasan')]);
    const claimed = await cso
      .post(`/tiket/${filed.body.id}/aksi`)
      .type('form')
      .send({ _csrf: csrfOf((await cso.get(`/tiket/${filed.body.id}`)).text), type: 'CLAIM', versi: '1' });
    expect(claimed.status).toBe(303);
    const page = await cso.get(`/tiket/${filed.body.id}`);
    const res = await cso
      .post(`/tiket/${filed.body.id}/tindak`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        aksi: 'REJECT',
        visibilitas: 'PUBLIC',
        versi: '2',
        isi: '  ',
        'REJECT.yakin': 'ya',
      });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="teks-galat">Alasan wajib diisi untuk aksi ini\./);
    expect(res.text).toMatch(/id="aksi-pilih-REJECT" name="aksi" value="REJECT" checked/);
    const [{ status, version }] = await t.db.query(`SELECT status, version FROM tickets WHERE id = $1`, [
      filed.body.id,
    ]);
    expect({ status, version }).toEqual({ status: 'DIPROSES', version: 2 });
  });

  it('asks the CSO for the completion fields the service needs (deletion: reason, SK number and SK PDF)', async () => {
    const leaver = await createPerson(t.db, 'Sudah Pindah');
    const membershipId = await addMembership(t.db, leaver.id, w.satker.id, 0);
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'MYINTRESS_HAPUS')
      .field('form', JSON.stringify({ pengguna: [{ membershipId }], alasan: 'Pegawai pindah tugas' }))
      .attach('SURAT_PERMINTAAN', makePdf({ title: 'Surat' }), 'surat.pdf')
      .attach('FORMULIR_PENGHAPUSAN', makePdf({ title: 'Formulir' }), 'formulir.pdf');
    expect(filed.status).toBe(201);
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    const page = await cso.get(`/tiket/${filed.body.id}`);
    const composer = /<form[^>]*id="penyusun"[\s\S]*?<\/form>/.exec(page.text)![0];
    expect(composer).toContain('enctype="multipart/form-data"');
    const complete = /<fieldset class="action-fields" data-aksi="COMPLETE">[\s\S]*?<\/fieldset>/.exec(composer)![0];
    expect(complete).toMatch(/<label for="COMPLETE-reference">Nomor SK \(wajib untuk tindakan ini\)/);
    expect(complete).toMatch(/name="SK_PENGHAPUSAN" type="file"/);
    expect(complete).toContain('name="COMPLETE.yakin"');
    const csrf = csrfOf(page.text);
    const send = (extra: (r: ReturnType<typeof cso.post>) => ReturnType<typeof cso.post>) =>
      extra(
        cso
          .post(`/tiket/${filed.body.id}/tindak`)
          .field('_csrf', csrf)
          .field('aksi', 'COMPLETE')
          .field('visibilitas', 'PUBLIC')
          .field('versi', '2')
          .field('isi', 'Pindah tugas')
          .field('COMPLETE.reference', 'SK-12/2026'),
      );
    const unconfirmed = await send((r) =>
      r.attach('SK_PENGHAPUSAN', makePdf({ title: 'SK Penghapusan' }), 'sk-hapus.pdf'),
    );
    expect([unconfirmed.status, unconfirmed.text.includes('Kode galat: CONFIRMATION_REQUIRED')]).toEqual([400, true]);
    const missing = await send((r) => r.field('COMPLETE.yakin', 'ya'));
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('Lampiran ini wajib diunggah.');
    const notPdf = await send((r) =>
      r.field('COMPLETE.yakin', 'ya').attach('SK_PENGHAPUSAN', Buffer.from('bukan pdf'), 'sk.pdf'),
    );
    expect(notPdf.status).toBe(415);
    expect(notPdf.text).toMatch(/id="berkas-SK_PENGHAPUSAN-cek" aria-live="polite">SK Penghapusan: /);
    expect(t.tempFiles()).toEqual([]);
    const [{ version }] = await t.db.query(`SELECT version FROM tickets WHERE id = $1`, [filed.body.id]);
    expect(version).toBe(2);
    const done = await send((r) =>
      r.field('COMPLETE.yakin', 'ya').attach('SK_PENGHAPUSAN', makePdf({ title: 'SK Penghapusan' }), 'sk-hapus.pdf'),
    );
    expect(done.status).toBe(303);
    const after = await cso.get(done.headers.location);
    expect(after.text).toContain('Tiket diselesaikan.');
    expect(after.text).toContain('sk-hapus.pdf');
    expect(after.text).toMatch(/<h2>Surat<\/h2>/);
  });

  it('lets a KPPN agent escalate with an internal note; the Kanwil agent finds it and may return it', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Perlu Kanwil')]);
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    const page = await cso.get(`/tiket/${filed.body.id}`);
    expect(page.text).toContain('id="aksi-pilih-ESCALATE"');
    const escalated = await cso
      .post(`/tiket/${filed.body.id}/tindak`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        aksi: 'ESCALATE',
        visibilitas: 'PUBLIC',
        versi: '2',
        isi: 'Perlu keputusan Kanwil soal SK lama',
      });
    expect(escalated.status).toBe(303);
    const kanwil = await portalLogin(t, w.kanwilCso);
    expect((await kanwil.get('/antrian?status=DIESKALASI')).text).toContain(filed.body.number);
    const kanwilPage = await kanwil.get(`/tiket/${filed.body.id}`);
    expect(kanwilPage.text).toContain('Perlu keputusan Kanwil soal SK lama');
    expect(kanwilPage.text).toContain('id="aksi-pilih-RETURN_TO_KPPN"');
    const mine = await satker.get(`/tiket/${filed.body.id}`);
    expect(mine.text).toContain('Dieskalasi');
    expect(mine.text).not.toContain('Perlu keputusan Kanwil soal SK lama');
  });

  it("shows the satker's home: what waits on them first, then their open tickets", async () => {
    const waiting = await fileRegistration(t, tok.satker, [newUser('Menunggu Perbaikan')]);
    await sendEvent(t, tok.cso, waiting.body.id, 1, { type: 'CLAIM' });
    await sendEvent(t, tok.cso, waiting.body.id, 2, { type: 'REQUEST_CORRECTION', message: 'Lengkapi SK.' });
    const fresh = await fileRegistration(t, tok.satker, [newUser('Baru Diajukan')]);
    const home = (await satker.get('/')).text;
    const section = (caption: string) =>
      new RegExp(`<caption class="sr-only">${caption}</caption>[\\s\\S]*?</table>`).exec(home)![0];
    expect(section('Tiket yang menunggu perbaikan dari Anda')).toContain(waiting.body.number);
    expect(section('Tiket yang menunggu perbaikan dari Anda')).not.toContain(fresh.body.number);
    expect(section('Tiket yang sedang diproses KPPN')).toContain(fresh.body.number);
    // The first heading is what waits on the satker, and nothing claims there is no open ticket.
    expect(/<h2>([^<]*)<\/h2>/.exec(home)![1]).toMatch(/^Menunggu perbaikan dari Anda \(\d+\)$/);
    expect(home).not.toContain('Tidak ada tiket terbuka');
  });

  it('lets the satker rate a completed ticket once', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Dinilai Satker')]);
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    expect((await sendEvent(t, tok.cso, filed.body.id, 2, { type: 'COMPLETE' })).status).toBe(200);
    const page = await satker.get(`/tiket/${filed.body.id}`);
    expect(page.text).toContain('Bagaimana layanan KPPN untuk tiket ini?');
    const rated = await satker
      .post(`/tiket/${filed.body.id}/nilai`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), nilai: 'POSITIF', komentar: 'Cepat' });
    expect(rated.status).toBe(303);
    const after = await satker.get(rated.headers.location);
    expect(after.text).toContain('Terima kasih atas penilaian Anda.');
    expect(after.text).not.toContain('Bagaimana layanan KPPN untuk tiket ini?');
    const again = await satker
      .post(`/tiket/${filed.body.id}/nilai`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), nilai: 'NEGATIF' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('Tiket ini sudah dinilai.');
  });

  it('lists the queue nearest deadline first, filters it, and pages with a keyset link', async () => {
    for (let i = 0; i < 26; i += 1)
      expect((await fileRegistration(t, tok.satker, [newUser(`Antrian ${i}`)])).status).toBe(201);
    const first = await cso.get('/antrian');
    expect(first.status).toBe(200);
    expect(first.text.match(/<tr>\s*<td><a href="\/tiket\//g)).toHaveLength(25);
    expect(first.text).toMatch(/<span class="badge sla-ON_TIME">Tepat waktu<\/span>/);
    const unescape = (href: string) => href.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const next = unescape(/href="(\/antrian\?setelah[^"]+)"/.exec(first.text)![1]);
    const second = await cso.get(next);
    expect(second.status).toBe(200);
    expect(second.text).toContain('Halaman pertama');
    const ids = (html: string) => [...html.matchAll(/<td><a href="\/tiket\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
    expect(ids(second.text).some((id) => ids(first.text).includes(id))).toBe(false);
    const baru = await cso.get('/antrian?status=BARU&layanan=MYINTRESS_DAFTAR_KPPN');
    const statuses = [...baru.text.matchAll(/<td class="status">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Baru']));
    expect(baru.text).toMatch(/<option value="BARU" selected>Baru<\/option>/);
    const none = await cso.get('/antrian?layanan=PUSINTEK_AKSES');
    expect(none.text).toContain('Tidak ada tiket yang cocok dengan saringan.');
    // The Kanwil's agent sees the queue of the KPPNs under it.
    const kanwil = await portalLogin(t, w.kanwilCso);
    expect((await kanwil.get('/antrian')).text).toContain(w.satker.code);
    // A satker user has no queue page in the menu and the home page is theirs.
    expect((await satker.get('/')).text).not.toContain('href="/antrian"');
  });

  it('gives the Pusintek service desk its own queue: SC03-1 requests, claimed and answered from the page', async () => {
    const desk = await portalLogin(t, await createPusintekAgent(t.db, 'Agen Pusintek Portal'));
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'PUSINTEK_AKSES')
      .field(
        'form',
        JSON.stringify({
          jenis: 'BUAT_AKUN',
          nik: newUser('Calon Akun').nik,
          nama: 'Calon Akun',
          unit: 'Subbagian Umum',
          pejabatNama: 'Kepala Bagian',
          pejabatNip: '197001011990031001',
          pejabatEselon: 'III',
        }),
      )
      .attach('FORM_3_1', makePdf({ title: 'Form 3.1' }), 'form-3-1.pdf');
    expect(filed.status).toBe(201);
    const queue = await desk.get('/antrian?layanan=PUSINTEK_AKSES');
    expect(queue.text).toContain(filed.body.number);
    expect((await cso.get('/antrian?layanan=PUSINTEK_AKSES')).text).not.toContain(filed.body.number);
    const page = await desk.get(`/tiket/${filed.body.id}`);
    const claim = await desk
      .post(`/tiket/${filed.body.id}/aksi`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), type: 'CLAIM', versi: String(filed.body.version) });
    expect(claim.status).toBe(303);
    const claimed = await desk.get(`/tiket/${filed.body.id}`);
    expect(claimed.text).toContain('Diproses');
    expect(claimed.text).toContain('value="STATUS_NOTICE"');
  });
});
