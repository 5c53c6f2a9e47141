import type { TestApp } from './support/app';
import { auth, footprint, startSuite, type Suite } from './support/api';
import { makePdf } from './support/pdf';
import { addMembership, createPerson, type World } from './support/world';

/** A membership of another satker does not exist for this satker's users: 404, as for tickets, and nothing changes. */
describe('MyIntress memberships of another satker answer 404', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let foreignActive: string;
  let foreignInactive: string;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    const p = await createPerson(t.db, 'Anggota Satker Lain');
    foreignActive = await addMembership(t.db, p.id, w.otherSatker.id, 2);
    foreignInactive = await addMembership(t.db, p.id, w.otherSatker.id, 0);
  });
  afterAll(() => t.close());

  const both = async () => [
    await footprint(t, w.satker.id),
    await footprint(t, w.otherSatker.id),
    await t.db.query(`SELECT id, status, deleted_at FROM myintress_memberships WHERE satker_id = $1 ORDER BY id`, [
      w.otherSatker.id,
    ]),
  ];

  it("deactivating it, through one's own satker or the other satker's path", async () => {
    const before = await both();
    for (const kode of [w.satker.code, w.otherSatker.code]) {
      const res = await t.http
        .post(`/api/v1/satkers/${kode}/pengguna/${foreignActive}/nonaktifkan`)
        .set(auth(tok.satker))
        .send({ alasan: 'Pindah tugas' });
      expect([res.status, res.body.error.code]).toEqual([
        404,
        expect.stringMatching(/^(MEMBERSHIP|SATKER)_NOT_FOUND$/),
      ]);
    }
    expect(await both()).toEqual(before);
  });

  it('putting it in a deletion request (filing MYINTRESS_HAPUS)', async () => {
    const before = await both();
    const res = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .field('service', 'MYINTRESS_HAPUS')
      .field('form', JSON.stringify({ pengguna: [{ membershipId: foreignInactive }], alasan: 'Pegawai pindah tugas' }))
      .attach('SURAT_PERMINTAAN', makePdf({ title: 'Surat' }), 'surat.pdf')
      .attach('FORMULIR_PENGHAPUSAN', makePdf({ title: 'Formulir' }), 'formulir.pdf');
    expect([res.status, res.body.error.code]).toEqual([404, 'MEMBERSHIP_NOT_FOUND']);
    expect(await both()).toEqual(before);
  });

  it('asking for the deletion letter that would list it', async () => {
    const before = await both();
    const res = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/dokumen/surat-permintaan-penghapusan`)
      .set(auth(tok.satker))
      .send({ membershipIds: [foreignInactive] });
    expect(res.status).toBe(404);
    expect(await both()).toEqual(before);
  });
});
