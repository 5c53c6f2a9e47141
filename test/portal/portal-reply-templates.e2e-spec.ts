import type { TestApp } from '../support/app';
import { startSuite, type Suite } from '../support/api';
import { csrfOf, portalLogin } from '../support/portal';
import { createSupervisor, type World } from '../support/world';

describe('portal: supervisors keep the canned replies (/templat-balasan)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => ({ t, w } = (await startSuite()) as Suite));
  afterAll(() => t.close());

  // Titles unique per run: a kept PostgreSQL database holds earlier runs' rows.
  const run = Date.now().toString(36);
  const rows = async (title: string) =>
    (await t.db.query(`SELECT id, office_id AS "officeId", body FROM reply_templates WHERE title = $1`, [
      `${title} ${run}`,
    ])) as Array<{ id: string; officeId: string | null; body: string }>;

  it("lets a KPPN supervisor create, edit and delete its office's templates; a bad one is refused with words and nothing kept", async () => {
    const supervisor = await portalLogin(t, await createSupervisor(t.db, 'Supervisor Halaman', w.kppnId));
    const page = await supervisor.get('/templat-balasan');
    expect(page.text).toContain('<a href="/templat-balasan" aria-current="page">Templat balasan</a>');
    expect(page.text).toContain('Kantor saya');
    expect(page.text).not.toContain('Semua kantor (nasional)');
    const typo = await supervisor
      .post('/templat-balasan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), judul: `Salah penanda ${run}`, isi: 'Yth. {{nama_satkr}}', cakupan: 'KANTOR' });
    expect(typo.status).toBe(400);
    expect(typo.text).toMatch(/id="templat-isi-galat">Penanda tidak dikenal: \{\{nama_satkr\}\}/);
    expect(typo.text).toContain('Kode galat: UNKNOWN_PLACEHOLDER');
    expect(await rows('Salah penanda')).toEqual([]);
    const national = await supervisor
      .post('/templat-balasan')
      .type('form')
      .send({ _csrf: csrfOf(page.text), judul: `Coba nasional ${run}`, isi: 'Teks nasional', cakupan: 'NASIONAL' });
    expect([national.status, national.text.includes('Kode galat: TEMPLATE_NOT_PERMITTED')]).toEqual([403, true]);
    expect(await rows('Coba nasional')).toEqual([]);

    const made = await supervisor
      .post('/templat-balasan')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        judul: `Berkas kurang ${run}`,
        isi: 'Yth. {{nama_satker}}, berkas tiket {{nomor_tiket}} kurang.',
        cakupan: 'KANTOR',
      });
    expect([made.status, made.headers.location]).toEqual([303, '/templat-balasan?ok=DIBUAT']);
    const [row] = await rows('Berkas kurang');
    expect(row.officeId).toBe(w.kppnId);
    const edit = await supervisor.get(`/templat-balasan/${row.id}`);
    expect(edit.text).toContain('>Yth. {{nama_satker}}, berkas tiket {{nomor_tiket}} kurang.</textarea>');
    const saved = await supervisor
      .post(`/templat-balasan/${row.id}`)
      .type('form')
      .send({
        _csrf: csrfOf(edit.text),
        judul: `Berkas kurang ${run}`,
        isi: 'Mohon lengkapi berkas tiket {{nomor_tiket}}.',
      });
    expect(saved.headers.location).toBe('/templat-balasan?ok=DIUBAH');
    expect((await rows('Berkas kurang'))[0].body).toBe('Mohon lengkapi berkas tiket {{nomor_tiket}}.');

    // An agent of the office uses it but cannot keep it; another office's supervisor does not see it.
    const agent = await portalLogin(t, w.cso);
    expect((await agent.get('/templat-balasan')).status).toBe(403);
    const elsewhere = await portalLogin(t, await createSupervisor(t.db, 'Supervisor Lain', w.otherKppnId));
    expect((await elsewhere.get(`/templat-balasan/${row.id}`)).status).toBe(404);
    expect(
      (
        await elsewhere
          .post(`/templat-balasan/${row.id}/hapus`)
          .type('form')
          .send({ _csrf: csrfOf((await elsewhere.get('/templat-balasan')).text) })
      ).status,
    ).toBe(404);
    expect(await rows('Berkas kurang')).toHaveLength(1);

    const removed = await supervisor
      .post(`/templat-balasan/${row.id}/hapus`)
      .type('form')
      .send({ _csrf: csrfOf(edit.text) });
    expect(removed.headers.location).toBe('/templat-balasan?ok=DIHAPUS');
    expect(await rows('Berkas kurang')).toEqual([]);
  });
});
