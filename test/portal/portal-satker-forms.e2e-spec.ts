import type { TestApp } from '../support/app';
import { footprint, newUser, startSuite } from '../support/api';
import { makePdf } from '../support/pdf';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import type { World } from '../support/world';

/** The satker's forms: every problem at once, long text in text areas, the SK to sign offered before the upload. */
describe('portal: satker forms', () => {
  let t: TestApp;
  let w: World;
  let satker: PortalAgent;

  beforeAll(async () => {
    ({ t, w } = await startSuite());
    satker = await portalLogin(t, w.satkerUser);
  });
  afterAll(() => t.close());

  const FORM = '/ajukan/MYINTRESS_DAFTAR_KPPN';

  it("reports an empty registration form's user list AND both missing PDFs at once, creating nothing", async () => {
    const page = await satker.get(FORM);
    const before = await footprint(t, w.satker.id);
    const res = await satker.post(FORM).field('_csrf', csrfOf(page.text)).field('kunci', `kosong-${Date.now()}`);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/Daftar pengguna/);
    expect(res.text).toMatch(
      /id="berkas-SK_PENUNJUKAN-cek" aria-live="polite">SK\/ST\/ND Penunjukan: lampiran ini wajib diunggah\./,
    );
    expect(res.text).toMatch(
      /id="berkas-FORMULIR_PENDAFTARAN-cek" aria-live="polite">Formulir Pendaftaran: lampiran ini wajib diunggah\./,
    );
    expect(res.text).toContain('Kode galat: VALIDATION_FAILED');
    expect(res.text).not.toContain('Pilih kembali');
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('says plainly which files to pick again after a refusal', async () => {
    const page = await satker.get(FORM);
    const res = await satker
      .post(FORM)
      .field('_csrf', csrfOf(page.text))
      .field('kunci', `satu-berkas-${Date.now()}`)
      .field('f.pengguna.0.nik', '12345')
      .attach('SK_PENUNJUKAN', makePdf({ title: 'SK' }), { filename: 'sk.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Pilih kembali: <strong>SK/ST/ND Penunjukan</strong>.');
    expect(res.text).toMatch(
      /id="berkas-FORMULIR_PENDAFTARAN-cek" aria-live="polite">Formulir Pendaftaran: lampiran ini wajib diunggah\./,
    );
    expect(t.tempFiles()).toEqual([]);
  });

  it('gives long text (Uraian, 5,000 characters) a text area', async () => {
    const page = await satker.get('/ajukan/PERTANYAAN');
    expect(page.text).toMatch(/<textarea id="f-uraian" name="f\.uraian" rows="6" maxlength="5000"/);
    expect(page.text).toMatch(/<input id="f-perihal" name="f\.perihal" type="text"/);
  });

  it('offers the SK penunjukan pre-filled with the typed users, before the upload, on both forms', async () => {
    const page = await satker.get(FORM);
    expect(page.text).toContain('formaction="/dokumen/sk-penunjukan"');
    expect((await satker.get('/pengguna/tambah')).text).toContain('formaction="/dokumen/sk-penunjukan"');
    const user = newUser('Siti Rahmawati');
    const sk = await satker
      .post('/dokumen/sk-penunjukan')
      .field('_csrf', csrfOf(page.text))
      .field('format', 'html')
      .field('f.pengguna.0.nik', user.nik)
      .field('f.pengguna.0.nama', user.nama)
      .field('f.pengguna.0.telepon', user.telepon)
      .field('f.pengguna.0.email', user.email)
      .field('f.pengguna.0.peran', 'Operator');
    expect(sk.status).toBe(200);
    expect(sk.headers['content-disposition']).toMatch(/^attachment; filename="SK-Penunjukan-MyIntress-\d{6}\.html"/);
    expect(sk.text).toContain('Siti Rahmawati');
    expect(sk.text).toContain(w.satker.name);
    const empty = await satker.post('/dokumen/sk-penunjukan').field('_csrf', csrfOf(page.text)).field('format', 'html');
    expect([empty.status, empty.text.includes('Kode galat: NO_USERS_TYPED')]).toEqual([400, true]);
  });
});
