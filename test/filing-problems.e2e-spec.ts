import type { TestApp } from './support/app';
import { auth, fileRegistration, footprint, newUser, startSuite, type Suite } from './support/api';
import { makePdf, truncate } from './support/pdf';
import type { World } from './support/world';

interface Problem {
  field: string;
  code: string;
  message: string;
}

// Issue #14: a filing reports every problem of the form AND of the files in one answer, as the portal
// does, so a satker (or an integrator) fixes everything in one go; nothing is created meanwhile.
describe('filing: every form and file problem in one answer', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const registration = (form: unknown) =>
    t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'MYINTRESS_DAFTAR_KPPN')
      .field('form', JSON.stringify(form));

  async function refused(send: () => PromiseLike<{ status: number; body: any }>) {
    const before = await footprint(t, w.satker.id);
    const res = await send();
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await footprint(t, w.satker.id)).toEqual(before);
    expect(t.tempFiles()).toEqual([]);
    return res.body.error as { message: string; details: Problem[] };
  }
  const byField = (details: Problem[]) => Object.fromEntries(details.map((d) => [d.field, d.code]));

  it('an empty registration form with no PDFs: the user list and both missing PDFs together', async () => {
    const error = await refused(() => registration({}));
    expect(error.message).toBe('Data yang dikirim tidak valid.');
    expect(error.details.map((d) => d.field)).toEqual(['pengguna', 'SK_PENUNJUKAN', 'FORMULIR_PENDAFTARAN']);
    expect(error.details.slice(1)).toEqual([
      {
        field: 'SK_PENUNJUKAN',
        code: 'MISSING_ATTACHMENT',
        message: 'SK/ST/ND Penunjukan: lampiran ini wajib diunggah.',
      },
      {
        field: 'FORMULIR_PENDAFTARAN',
        code: 'MISSING_ATTACHMENT',
        message: 'Formulir Pendaftaran: lampiran ini wajib diunggah.',
      },
    ]);
  });

  it('a wrong NIK, a file that is no PDF and a missing one: each named with its own code', async () => {
    const error = await refused(() =>
      registration({ pengguna: [{ ...newUser('Salah Semua'), nik: '12345' }] }).attach(
        'SK_PENUNJUKAN',
        Buffer.from('bukan pdf, hanya teks'),
        { filename: 'sk.pdf', contentType: 'application/pdf' },
      ),
    );
    expect(byField(error.details)).toEqual({
      'pengguna[0].nik': expect.any(String),
      FORMULIR_PENDAFTARAN: 'MISSING_ATTACHMENT',
      SK_PENUNJUKAN: 'NOT_PDF',
    });
  });

  it('a valid form with two broken PDFs lists both', async () => {
    const formulir = makePdf({ title: 'Formulir' });
    const error = await refused(() =>
      fileRegistration(t, tok.satker, [newUser('Dua Berkas Rusak')], {
        sk: Buffer.from('teks biasa'),
        formulir: truncate(formulir, formulir.length - 40),
      }),
    );
    expect(byField(error.details)).toEqual({ SK_PENUNJUKAN: 'NOT_PDF', FORMULIR_PENDAFTARAN: 'PDF_TRUNCATED' });
  });

  it('a single file problem keeps its own code and status', async () => {
    const before = await footprint(t, w.satker.id);
    const res = await registration({ pengguna: [newUser('Satu Kurang')] }).attach('SK_PENUNJUKAN', makePdf(), 'sk.pdf');
    expect([res.status, res.body.error.code, res.body.error.details.missing]).toEqual([
      422,
      'MISSING_ATTACHMENT',
      ['FORMULIR_PENDAFTARAN'],
    ]);
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });
});
