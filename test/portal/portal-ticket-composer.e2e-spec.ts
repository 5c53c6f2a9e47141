import type { TestApp } from '../support/app';
import { auth, fileRegistration, footprint, login, newUser, sendEvent, startSuite, type Suite } from '../support/api';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import { createSupervisor, type World } from '../support/world';

/** The staff composer, canned replies, confirmation, inline previews and reply letters on the ticket page. */
describe('portal: one composer on the ticket page', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let cso: PortalAgent;
  let satker: PortalAgent;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    [cso, satker] = await Promise.all([portalLogin(t, w.cso), portalLogin(t, w.satkerUser)]);
  });
  afterAll(() => t.close());

  async function claimed(name: string) {
    const filed = await fileRegistration(t, tok.satker, [newUser(name)]);
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    return filed.body as { id: string; number: string };
  }
  const state = async (id: string) => (await t.db.query(`SELECT status, version FROM tickets WHERE id = $1`, [id]))[0];

  it('puts the request data and attachments before the composer, offers only the actions allowed now', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Urutan Halaman')]);
    const fresh = (await cso.get(`/tiket/${filed.body.id}`)).text;
    expect(fresh).toContain('Ambil tiket</button>');
    await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    const page = (await cso.get(`/tiket/${filed.body.id}`)).text;
    const order = ['<h2>Isian permohonan</h2>', '<h2>Lampiran</h2>', 'id="penyusun"', '<h2 id="percakapan">'].map((s) =>
      page.indexOf(s),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    const actions = [...page.matchAll(/name="aksi" value="([A-Z_]+)"/g)].map((m) => m[1]);
    expect(actions).toEqual(['BALAS', 'REQUEST_CORRECTION', 'COMPLETE', 'REJECT', 'ESCALATE']);
    expect(/<form[^>]*id="penyusun"[\s\S]*?<\/form>/.exec(page)![0].match(/<textarea/g)).toHaveLength(1);
    // Without JavaScript every action's extra fields are in the form; none is marked required to the browser.
    expect(page).toContain('data-aksi="COMPLETE"');
    expect(/<form[^>]*id="penyusun"[\s\S]*?<\/form>/.exec(page)![0]).not.toMatch(/ required/);
  });

  it('sends a public reply or an internal note from the one text box', async () => {
    const ticket = await claimed('Balasan Publik');
    const csrf = csrfOf((await cso.get(`/tiket/${ticket.id}`)).text);
    const note = await cso
      .post(`/tiket/${ticket.id}/tindak`)
      .type('form')
      .send({ _csrf: csrf, versi: '2', isi: 'Cek SK lama di arsip.', visibilitas: 'INTERNAL', aksi: 'BALAS' });
    expect([note.status, note.headers.location]).toEqual([303, `/tiket/${ticket.id}?ok=INTERNAL_NOTE`]);
    const reply = await cso
      .post(`/tiket/${ticket.id}/tindak`)
      .type('form')
      .send({ _csrf: csrf, versi: '2', isi: 'Sedang kami periksa.', visibilitas: 'PUBLIC', aksi: 'BALAS' });
    expect(reply.headers.location).toBe(`/tiket/${ticket.id}?ok=MESSAGE`);
    const seen = (await satker.get(`/tiket/${ticket.id}`)).text;
    expect(seen).toContain('Sedang kami periksa.');
    expect(seen).not.toContain('Cek SK lama di arsip.');
    // An internal note cannot ride on a state change: refused, nothing changed.
    const before = await footprint(t, w.satker.id);
    const mixed = await cso
      .post(`/tiket/${ticket.id}/tindak`)
      .type('form')
      .send({ _csrf: csrf, versi: '2', isi: 'Tolong perbaiki', visibilitas: 'INTERNAL', aksi: 'REQUEST_CORRECTION' });
    expect(mixed.status).toBe(400);
    expect(mixed.text).toContain('Catatan internal hanya dapat dikirim dengan tindakan');
    expect(mixed.text).toContain('>Tolong perbaiki</textarea>');
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('asks "Saya yakin" before completing or rejecting, without JavaScript, and changes nothing until ticked', async () => {
    const ticket = await claimed('Perlu Yakin');
    const csrf = csrfOf((await cso.get(`/tiket/${ticket.id}`)).text);
    const before = await footprint(t, w.satker.id);
    for (const aksi of ['COMPLETE', 'REJECT']) {
      const res = await cso
        .post(`/tiket/${ticket.id}/tindak`)
        .type('form')
        .send({ _csrf: csrf, versi: '2', isi: 'Dokumen lengkap', visibilitas: 'PUBLIC', aksi });
      expect([res.status, res.text.includes('Kode galat: CONFIRMATION_REQUIRED')]).toEqual([400, true]);
      expect(res.text).toMatch(new RegExp(`id="yakin-${aksi}"[^>]*aria-invalid="true"`));
    }
    expect(await footprint(t, w.satker.id)).toEqual(before);
    expect(await state(ticket.id)).toEqual({ status: 'DIPROSES', version: 2 });
    const done = await cso.post(`/tiket/${ticket.id}/tindak`).type('form').send({
      _csrf: csrf,
      versi: '2',
      isi: 'Akun sudah dibuat.',
      visibilitas: 'PUBLIC',
      aksi: 'COMPLETE',
      'COMPLETE.yakin': 'ya',
    });
    expect([done.status, done.headers.location]).toEqual([303, `/tiket/${ticket.id}?ok=COMPLETE`]);
    expect((await state(ticket.id)).status).toBe('SELESAI');
  });

  it('fills the text box with a canned reply ("Pakai"), without sending anything', async () => {
    const supervisor = await login(t, await createSupervisor(t.db, 'Supervisor Templat', w.kppnId));
    const made = await t.http.post('/api/v1/reply-templates').set(auth(supervisor)).send({
      judul: 'Minta SK bertanda tangan',
      isi: 'Yth. {{nama_satker}}, mohon unggah ulang SK bertanda tangan untuk tiket {{nomor_tiket}}. Salam, {{nama_petugas}}',
      cakupan: 'KANTOR',
    });
    const ticket = await claimed('Templat Dipakai');
    const page = (await cso.get(`/tiket/${ticket.id}`)).text;
    expect(page).toContain(`<option value="${made.body.id}">Minta SK bertanda tangan</option>`);
    const before = await footprint(t, w.satker.id);
    const used = await cso
      .post(`/tiket/${ticket.id}/tindak`)
      .type('form')
      .send({
        _csrf: csrfOf(page),
        versi: '2',
        templat: made.body.id,
        pakai: 'ya',
        isi: '',
        visibilitas: 'PUBLIC',
        aksi: 'REQUEST_CORRECTION',
      });
    expect(used.status).toBe(200);
    expect(used.text).toContain(
      `>Yth. ${w.satker.name}, mohon unggah ulang SK bertanda tangan untuk tiket ${ticket.number}. Salam, CSO Pertama</textarea>`,
    );
    expect(used.text).toMatch(/id="aksi-pilih-REQUEST_CORRECTION" name="aksi" value="REQUEST_CORRECTION" checked/);
    expect(await footprint(t, w.satker.id)).toEqual(before);
    // Another office's agent sees neither the ticket nor, through it, the template.
    const other = await portalLogin(t, w.otherCso);
    expect(
      (
        await other
          .post(`/tiket/${ticket.id}/tindak`)
          .type('form')
          .send({ _csrf: csrfOf((await other.get('/antrian')).text), templat: made.body.id, pakai: 'ya' })
      ).status,
    ).toBe(404);
  });

  it('previews PDF attachments inline under a sandbox; the download stays an attachment', async () => {
    const ticket = await claimed('Pratinjau Berkas');
    const page = (await cso.get(`/tiket/${ticket.id}`)).text;
    const preview = /href="(\/tiket\/[^"]+\/pratinjau)"/.exec(page)![1];
    const inline = await cso.get(preview);
    expect(inline.status).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="/);
    expect(inline.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(inline.headers['x-content-type-options']).toBe('nosniff');
    const download = await cso.get(preview.replace(/\/pratinjau$/, ''));
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    // Another satker's agent: the same 404 as for the ticket.
    const other = await portalLogin(t, w.otherCso);
    expect((await other.get(preview)).status).toBe(404);
  });

  it('issues the tanggapan letter from the page, previews it unnumbered first, refuses a blank one', async () => {
    const ticket = await claimed('Surat Tanggapan');
    const page = (await cso.get(`/tiket/${ticket.id}`)).text;
    expect(page).toContain(`value="Tanggapan atas Pendaftaran User MyIntress Tipe Satker ${w.satker.name}"`);
    const letter = {
      _csrf: csrfOf(page),
      hal: 'Tanggapan permohonan',
      sifat: 'Biasa',
      lampiran: '-',
      yth: 'Kepala Satker',
      isi: 'Dengan hormat,\n\nPermohonan telah kami proses.',
      tembusan: 'Kepala Kanwil',
      nama: 'Rina Kepala',
      nip: '198001012005012001',
      jabatan: 'Kepala KPPN',
    };
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM letters WHERE ticket_id = $1`, [ticket.id]))[0].n;
    const preview = await cso.post(`/tiket/${ticket.id}/surat/pratinjau`).type('form').send(letter);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-security-policy']).toContain('sandbox');
    expect(preview.text).toContain('Permohonan telah kami proses.');
    expect(preview.text).toContain('diberikan saat diterbitkan');
    expect(await count()).toBe(0);
    const blank = await cso
      .post(`/tiket/${ticket.id}/surat`)
      .type('form')
      .send({ ...letter, isi: '' });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('Kode galat: VALIDATION_FAILED');
    expect(await count()).toBe(0);
    const issued = await cso.post(`/tiket/${ticket.id}/surat`).type('form').send(letter);
    expect([issued.status, issued.headers.location]).toEqual([303, `/tiket/${ticket.id}?ok=LETTER_ISSUED`]);
    const after = (await cso.get(issued.headers.location)).text;
    expect(after).toMatch(/S-\d+\/[^<]+\/\d{4}/);
    expect(after).toContain('Surat tanggapan diterbitkan');
    expect(await count()).toBe(1);
    // The satker reads the letter but has no letter form.
    expect((await satker.get(`/tiket/${ticket.id}`)).text).not.toContain('/surat/pratinjau');
  });
});
