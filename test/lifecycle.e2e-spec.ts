import type { TestApp } from './support/app';
import {
  auth,
  claimedRegistration,
  fileRegistration,
  login,
  newUser,
  sendEvent,
  startSuite,
  type Suite,
} from './support/api';
import type { World } from './support/world';

describe('the rest of the lifecycle over HTTP', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it('rejects with a reason the satker sees, and applies no outcome', async () => {
    const person = newUser('Ditolak Saja');
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [person]);
    const rejected = await sendEvent(t, tok.cso, ticket.id, ticket.version, {
      type: 'REJECT',
      reason: 'Formulir bukan versi terbaru.',
    });
    expect(rejected.status).toBe(200);
    const seen = await t.http.get(`/api/v1/tickets/${ticket.id}`).set(auth(tok.satker));
    expect(seen.body).toMatchObject({
      status: 'DITOLAK',
      statusLabel: 'Ditolak',
      allowedEvents: [expect.objectContaining({ type: 'REOPEN' })],
    });
    expect(seen.body.messages.at(-1)).toMatchObject({ body: 'Formulir bukan versi terbaru.', eventType: 'REJECT' });
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM persons WHERE nik = $1`, [person.nik]);
    expect(row.n).toBe(0);
  });

  it('lets the satker cancel before completion but not after', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Batal Dulu')]);
    const cancelled = await sendEvent(t, tok.satker, filed.body.id, 1, { type: 'CANCEL', reason: 'Salah satker' });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'DIBATALKAN']);
    const late = await sendEvent(t, tok.satker, filed.body.id, 2, { type: 'CANCEL' });
    expect([late.status, late.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const message = await t.http
      .post(`/api/v1/tickets/${filed.body.id}/messages`)
      .set(auth(tok.satker))
      .send({ body: 'halo?' });
    expect([message.status, message.body.error.code]).toEqual([409, 'TICKET_CLOSED']);
  });

  it('escalates to the Kanwil tier, whose agent can hand it back', async () => {
    const kanwil = await login(t, w.kanwilCso);
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Naik Tingkat')]);
    const escalated = await sendEvent(t, tok.cso, ticket.id, ticket.version, {
      type: 'ESCALATE',
      note: 'Perlu keputusan Kanwil.',
    });
    expect([escalated.status, escalated.body.status, escalated.body.allowedEvents]).toEqual([200, 'DIESKALASI', []]);
    const atKanwil = await t.http.get(`/api/v1/tickets/${ticket.id}`).set(auth(kanwil));
    expect(atKanwil.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual([
      'COMPLETE',
      'REJECT',
      'RETURN_TO_KPPN',
    ]);
    expect(atKanwil.body.messages.map((m: { visibility: string }) => m.visibility)).toEqual(['INTERNAL']);
    const satkerView = await t.http.get(`/api/v1/tickets/${ticket.id}`).set(auth(tok.satker));
    expect(satkerView.body.messages).toEqual([]);
    const back = await sendEvent(t, kanwil, ticket.id, atKanwil.body.version, {
      type: 'RETURN_TO_KPPN',
      note: 'Silakan diproses KPPN.',
    });
    expect(back.body.status).toBe('DIPROSES');
    // The Kanwil tier sees only the KPPNs under it.
    const elsewhere = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.otherSatker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect((await t.http.get(`/api/v1/tickets/${elsewhere.body.id}`).set(auth(kanwil))).status).toBe(404);
    const queue = await t.http.get('/api/v1/tickets').query({ limit: 100 }).set(auth(kanwil));
    expect(queue.body.items.map((i: { id: string }) => i.id)).not.toContain(elsewhere.body.id);
  });

  it('files a Digipay assistance request with its choices and a 3 working day target', async () => {
    const form = {
      topik: 'INPUT_UNDANG_VENDOR',
      cara: 'TATAP_MUKA',
      perluBank: 'YA',
      uraian: 'Mohon bantu undang vendor ATK.',
    };
    const bad = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'DIGIPAY_ASISTENSI', form: { ...form, cara: 'TELEPON' } });
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'cara', code: 'INVALID_CHOICE' })]);
    const res = await t.http.post('/api/v1/tickets').set(auth(tok.satker)).send({ service: 'DIGIPAY_ASISTENSI', form });
    expect([res.status, res.body.subject]).toEqual([201, `Permintaan Asistensi Digipay ${w.satker.name}`]);
    const sla = await t.http.get(`/api/v1/tickets/${res.body.id}/sla`).set(auth(tok.cso));
    expect(sla.body.clocks.map((c: { clock: string; targetMinutes: number }) => [c.clock, c.targetMinutes])).toEqual([
      ['RESPONSE', 240],
      ['RESOLUTION', 1350],
    ]);
  });

  it('files a service without attachments as plain JSON', async () => {
    const res = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PENGADUAN', form: { perihal: 'Antrian', uraian: 'Layanan lambat.' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: `Pengaduan dari ${w.satker.name}`, status: 'BARU', attachments: [] });
    expect(res.headers.location).toBe(`/api/v1/tickets/${res.body.id}`);
  });
});
