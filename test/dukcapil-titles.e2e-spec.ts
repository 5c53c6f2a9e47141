import type { TestApp } from './support/app';
import { daftarPengguna, footprint, login, tambahPengguna } from './support/api';
import { startTestApp } from './support/app';
import { addResident, createWorld, type World } from './support/world';

// Tambah Pengguna with names as SKs write them: titles before and after the name do not count.
describe('Dukcapil name check with gelar depan and gelar belakang', () => {
  let t: TestApp;
  let w: World;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DUKCAPIL_NAME_THRESHOLD: '90' } });
    w = await createWorld(t.db);
    token = await login(t, w.satkerUser);
  });
  afterAll(() => t.close());

  it.each([
    ['AHMAD FAUZI', 'Dr. Ir. H. Ahmad Fauzi, S.E., M.Si.'],
    ['SITI AMINAH', 'Hj.Siti Aminah,S.Pd'],
    ['DEWI KARTIKA SARI', 'DEWI KARTIKA SARI SE MSi'],
  ])('accepts Dukcapil %s written as %s', async (dukcapil, written) => {
    const nik = await addResident(t.db, dukcapil);
    const res = await tambahPengguna(t, token, w.satker.code, { nik, nama: written });
    expect([res.status, res.body.status]).toEqual([201, 1]);
    expect((await daftarPengguna(t, token, w.satker.code)).some((r) => r.nama === written && r.status === 1)).toBe(
      true,
    );
  });

  it('refuses a different person behind the same titles with the exact message and the configured threshold, creating nothing', async () => {
    const nik = await addResident(t.db, 'SITI AMINAH');
    const before = await footprint(t, w.satker.id, [nik]);
    const res = await tambahPengguna(t, token, w.satker.code, { nik, nama: 'Hj. Siti Rahmawati, S.Pd., M.Pd.' });
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
      422,
      'DUKCAPIL_NAME_MISMATCH',
      `Berdasarkan pengecekan di DUKCAPIL: Nama lengkap tidak valid ${res.body.error.details.score}/90`,
    ]);
    expect(res.body.error.details.score).toBeLessThan(90);
    expect(await footprint(t, w.satker.id, [nik])).toEqual(before);
  });
});
