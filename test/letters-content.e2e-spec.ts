import { auth, claimedRegistration, newUser, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { addMembership, createPerson, type World } from './support/world';

// What the letters say: one closing sentence in a reply, and a deletion request that names each
// user in full, with the lines and the space a satker's own letter has.
describe('letter content', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const CLOSING = /Atas perhatian Saudara, kami ucapkan terima kasih\./g;

  async function replyHtml(isi: string): Promise<string> {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Penerima Surat')]);
    const issued = await t.http
      .post(`/api/v1/tickets/${ticket.id}/letters`)
      .set(auth(tok.cso))
      .send({
        hal: 'Tanggapan',
        sifat: 'Biasa',
        lampiran: '-',
        yth: 'KPA',
        isi,
        tembusan: [],
        penandatangan: { nama: 'Kepala KPPN', nip: '197001011990031001', jabatan: 'Kepala Kantor' },
      });
    expect(issued.status).toBe(201);
    return (
      await t.http
        .get(`/api/v1/tickets/${ticket.id}/letters/${issued.body.id}`)
        .query({ format: 'html' })
        .set(auth(tok.satker))
    ).text;
  }

  it('adds the closing sentence to a reply whose body has none', async () => {
    const html = await replyHtml('Permohonan Saudara telah kami proses.\n\nPengguna baru dapat masuk mulai hari ini.');
    expect(html.match(CLOSING)).toHaveLength(1);
  });

  it.each([
    'Demikian kami sampaikan. Atas perhatian Saudara, kami ucapkan terima kasih.',
    'Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.',
  ])('does not repeat a closing the agent wrote: "%s"', async (closing) => {
    const html = await replyHtml(`Permohonan Saudara telah kami proses.\n\n${closing}`);
    expect(html.match(/terima kasih/g)).toHaveLength(1);
    expect(html).toContain(closing);
  });

  it('identifies each user in full in the deletion request, with room for kop, Sifat and Lampiran', async () => {
    const person = await createPerson(t.db, 'Budi Santoso Pindah');
    const membership = await addMembership(t.db, person.id, w.satker.id);
    await t.db.query(
      `UPDATE myintress_memberships SET nip = '198203042008011002', role_name = 'Operator Bendahara', email = 'budi@satker.go.id' WHERE id = $1`,
      [membership],
    );
    const res = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/dokumen/surat-permintaan-penghapusan`)
      .query({ format: 'html' })
      .set(auth(tok.satker))
      .send({ membershipIds: [membership] });
    expect(res.status).toBe(201);
    const row = /<tbody>(.*?)<\/tbody>/s.exec(res.text)![1];
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells).toEqual([
      '1',
      'Budi Santoso Pindah',
      person.nik,
      '198203042008011002',
      'Operator Bendahara',
      'budi@satker.go.id',
      'Aktif',
    ]);
    expect(res.text).toMatch(
      /<th>No\.<\/th><th>Nama<\/th><th>NIK<\/th><th>NIP<\/th><th>Jabatan\/Peran<\/th><th>E-mail<\/th><th>Status<\/th>/,
    );
    expect(res.text).toMatch(/<td>Sifat<\/td><td>:<\/td>/);
    expect(res.text).toMatch(/<td>Lampiran<\/td><td>:<\/td>/);
    expect(res.text).toContain(
      `<header class="kop-satker"><div class="kop-satker-petunjuk">Kop surat ${w.satker.name}</div></header>`,
    );
    expect(res.text).toContain('Yth. Kepala');
  });
});
