import { formatDateTime } from '@loket/common';
import { auth, fileRegistration, login, newUser, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { createSupervisor, type World } from './support/world';

describe('canned replies (templat balasan) over /api/v1/reply-templates', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let kppnSupervisor: string;
  let nationalSupervisor: string;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    kppnSupervisor = await login(t, await createSupervisor(t.db, 'Supervisor KPPN', w.kppnId));
    nationalSupervisor = await login(t, await createSupervisor(t.db, 'Supervisor Pusat'));
  });
  afterAll(() => t.close());

  const templates = async () =>
    (await t.db.query(`SELECT id, title, body FROM reply_templates ORDER BY id`)) as Array<{
      id: string;
      title: string;
      body: string;
    }>;
  const create = (token: string, body: Record<string, unknown>) =>
    t.http.post('/api/v1/reply-templates').set(auth(token)).send(body);

  it("keeps an office's template in that office: its CSOs use it, other offices do not see it, only its supervisor edits it", async () => {
    const made = await create(kppnSupervisor, {
      judul: 'SK belum ditandatangani',
      isi: 'Yth. {{nama_satker}}, mohon SK untuk tiket {{nomor_tiket}} ditandatangani.',
      cakupan: 'KANTOR',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ title: 'SK belum ditandatangani', national: false, editable: true });
    const id = made.body.id;

    const seen = await t.http.get('/api/v1/reply-templates').set(auth(tok.cso));
    expect(seen.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ editable: false });
    const elsewhere = await t.http.get(`/api/v1/reply-templates/${id}`).set(auth(tok.otherCso));
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([404, 'TEMPLATE_NOT_FOUND']);
    expect(
      (await t.http.get('/api/v1/reply-templates').set(auth(tok.otherCso))).body.items.some(
        (i: { id: string }) => i.id === id,
      ),
    ).toBe(false);

    const before = await templates();
    const otherOffice = await t.http
      .put(`/api/v1/reply-templates/${id}`)
      .set(auth(tok.otherCso))
      .send({ judul: 'Diubah', isi: 'Diubah orang lain' });
    expect([otherOffice.status, otherOffice.body.error.code]).toEqual([404, 'TEMPLATE_NOT_FOUND']);
    const agent = await t.http
      .put(`/api/v1/reply-templates/${id}`)
      .set(auth(tok.cso))
      .send({ judul: 'Diubah', isi: 'Diubah petugas' });
    expect([agent.status, agent.body.error.code]).toEqual([403, 'TEMPLATE_NOT_PERMITTED']);
    expect((await t.http.delete(`/api/v1/reply-templates/${id}`).set(auth(tok.cso))).status).toBe(403);
    expect(await templates()).toEqual(before);

    const edited = await t.http
      .put(`/api/v1/reply-templates/${id}`)
      .set(auth(kppnSupervisor))
      .send({ judul: 'SK perlu tanda tangan', isi: 'Mohon {{nama_satker}} menandatangani SK.' });
    expect([edited.status, edited.body.title]).toEqual([200, 'SK perlu tanda tangan']);
    expect((await t.http.delete(`/api/v1/reply-templates/${id}`).set(auth(kppnSupervisor))).status).toBe(204);
    expect((await t.http.get(`/api/v1/reply-templates/${id}`).set(auth(kppnSupervisor))).status).toBe(404);
  });

  it('refuses unknown placeholders, unknown fields and national templates from a KPPN, creating nothing', async () => {
    const before = await templates();
    const typo = await create(kppnSupervisor, { judul: 'Salah ketik', isi: 'Yth. {{nama_satkr}}', cakupan: 'KANTOR' });
    expect([typo.status, typo.body.error.code]).toEqual([400, 'UNKNOWN_PLACEHOLDER']);
    expect(typo.body.error.message).toContain('{{nama_satkr}}');
    const smuggled = await create(kppnSupervisor, {
      judul: 'Kantor lain',
      isi: 'Teks',
      cakupan: 'KANTOR',
      officeId: w.otherKppnId,
    });
    expect([smuggled.status, smuggled.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const national = await create(kppnSupervisor, { judul: 'Nasional', isi: 'Teks nasional', cakupan: 'NASIONAL' });
    expect([national.status, national.body.error.code]).toEqual([403, 'TEMPLATE_NOT_PERMITTED']);
    const byAgent = await create(tok.cso, { judul: 'Petugas', isi: 'Teks petugas', cakupan: 'KANTOR' });
    expect([byAgent.status, byAgent.body.error.code]).toEqual([403, 'TEMPLATE_NOT_PERMITTED']);
    const bySatker = await t.http.get('/api/v1/reply-templates').set(auth(tok.satker));
    expect([bySatker.status, bySatker.body.error.code]).toEqual([403, 'NOT_STAFF']);
    expect(await templates()).toEqual(before);
  });

  it("fills a national template's placeholders for a ticket: satker, number, agent, deadline as a date", async () => {
    const made = await create(nationalSupervisor, {
      judul: 'Diterima',
      isi: 'Yth. {{nama_satker}} ({{kode_satker}}), tiket {{nomor_tiket}} kami selesaikan paling lambat {{tenggat}}. Salam, {{nama_petugas}}.',
      cakupan: 'NASIONAL',
    });
    expect([made.status, made.body.national]).toEqual([201, true]);
    const filed = await fileRegistration(t, tok.satker, [newUser('Pengguna Templat')]);
    const filled = await t.http
      .get(`/api/v1/reply-templates/${made.body.id}/filled`)
      .query({ ticketId: filed.body.id })
      .set(auth(tok.cso));
    expect(filled.status).toBe(200);
    const [{ due_at: dueAt }] = await t.db.query(`SELECT due_at FROM tickets WHERE id = $1`, [filed.body.id]);
    expect(filled.body.text).toBe(
      `Yth. ${w.satker.name} (${w.satker.code}), tiket ${filed.body.number} kami selesaikan paling lambat ${formatDateTime(dueAt, 'Asia/Makassar')}. Salam, CSO Pertama.`,
    );
    // Another office's agent cannot fill it for this ticket: the ticket does not exist for them.
    const outside = await t.http
      .get(`/api/v1/reply-templates/${made.body.id}/filled`)
      .query({ ticketId: filed.body.id })
      .set(auth(tok.otherCso));
    expect([outside.status, outside.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    expect((await t.http.delete(`/api/v1/reply-templates/${made.body.id}`).set(auth(kppnSupervisor))).status).toBe(403);
    expect((await t.http.delete(`/api/v1/reply-templates/${made.body.id}`).set(auth(nationalSupervisor))).status).toBe(
      204,
    );
  });
});
