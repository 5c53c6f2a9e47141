import { createHash } from 'node:crypto';
import type { TestApp } from './support/app';
import { auth, binaryParser, fileRegistration, newUser, sendEvent, startSuite, type Suite } from './support/api';
import { makePdf } from './support/pdf';
import { createPerson, type World } from './support/world';

// The first service end to end: filed by a satker, worked by a CSO with one correction round,
// completed with its outcome (memberships, DIGIT identity, activation) and followed to a login.
describe('MYINTRESS_DAFTAR_KPPN end to end', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it('runs from filing to an activated new user who can act for the satker', async () => {
    const existing = await createPerson(t.db, 'Budi Santoso');
    const fresh = newUser('Nur Aisyah Putri');
    const users = [fresh, { ...newUser('Budi Santoso', existing.nik), nip: '198503152010121002' }];
    const sk = makePdf({ title: 'SK Penunjukan' });

    const filed = await fileRegistration(t, tok.satker, users, { sk });
    expect(filed.status).toBe(201);
    expect(filed.headers.etag).toBe('"1"');
    expect(filed.body).toMatchObject({
      status: 'BARU',
      subject: `Pendaftaran User MyIntress Tipe Satker ${w.satker.name}`,
      satker: { code: w.satker.code },
      version: 1,
      allowedEvents: [{ type: 'CANCEL' }],
    });
    expect(filed.body.number).toMatch(/^LKT-T[0-9a-f]{8}-20\d\d-000001$/);
    const skFile = filed.body.attachments.find((a: { kind: string }) => a.kind === 'SK_PENUNJUKAN');
    expect(skFile.sha256).toBe(createHash('sha256').update(sk).digest('hex'));
    const id = filed.body.id;

    const queue = await t.http.get('/api/v1/tickets').set(auth(tok.cso));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(
      queue.body.items.find((i: { id: string }) => i.id === id).allowedEvents.map((e: { type: string }) => e.type),
    ).toEqual(['CLAIM']);

    const claimed = await sendEvent(t, tok.cso, id, 1, { type: 'CLAIM' });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'DIPROSES', version: 2, assignee: { name: 'CSO Pertama' } });
    expect(claimed.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual([
      'REQUEST_CORRECTION',
      'COMPLETE',
      'REJECT',
      'ESCALATE',
    ]);

    const note = await t.http
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth(tok.cso))
      .send({ body: 'Cek SK ke bagian umum', visibility: 'INTERNAL' });
    expect(note.status).toBe(201);
    const askFix = await sendEvent(t, tok.cso, id, 2, {
      type: 'REQUEST_CORRECTION',
      message: 'SK belum ditandatangani KPA, mohon unggah ulang.',
    });
    expect(askFix.status).toBe(200);
    expect(askFix.body).toMatchObject({ status: 'MENUNGGU_PERBAIKAN', correctionRounds: 1, version: 3 });

    const satkerView = await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.satker));
    expect(satkerView.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['SUBMIT_CORRECTION', 'CANCEL']);
    expect(satkerView.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'SK belum ditandatangani KPA, mohon unggah ulang.',
    ]);

    const newSk = makePdf({ title: 'SK Penunjukan (ditandatangani)' });
    const fixed = await t.http
      .post(`/api/v1/tickets/${id}/events`)
      .set(auth(tok.satker))
      .set('If-Match', '"3"')
      .field('type', 'SUBMIT_CORRECTION')
      .field('message', 'Sudah kami perbaiki.')
      .attach('SK_PENUNJUKAN', newSk, { filename: 'sk-ttd.pdf', contentType: 'application/pdf' });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: 'DIPROSES', correctionRounds: 1, version: 4 });
    const sks = fixed.body.attachments.filter((a: { kind: string }) => a.kind === 'SK_PENUNJUKAN');
    expect(sks.map((a: { originalName: string; current: boolean }) => [a.originalName, a.current])).toEqual([
      ['sk-penunjukan.pdf', false],
      ['sk-ttd.pdf', true],
    ]);

    const reply = await t.http
      .post(`/api/v1/tickets/${id}/messages`)
      .set(auth(tok.cso))
      .send({ body: 'Terima kasih, sedang kami input.' });
    expect(reply.status).toBe(201);

    const done = await sendEvent(t, tok.cso, id, 4, { type: 'COMPLETE' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'SELESAI', version: 5, allowedEvents: [] });
    expect(done.body.resolvedAt).not.toBeNull();

    const memberships = await t.db.query(
      `SELECT p.nik, m.status, p.password_hash IS NOT NULL AS has_password FROM myintress_memberships m
         JOIN persons p ON p.id = m.person_id WHERE m.satker_id = $1 AND m.source_ticket_id = $2 ORDER BY p.name`,
      [w.satker.id, id],
    );
    expect(memberships).toEqual([
      { nik: existing.nik, status: 2, has_password: true },
      { nik: fresh.nik, status: 2, has_password: false },
    ]);
    const all = await t.db.query(
      `SELECT topic, recipient, payload FROM outbox WHERE ticket_id = $1 ORDER BY created_at, topic`,
      [id],
    );
    // The satker's correction also told the CSO holding the ticket (agent.satker-acted).
    expect(all.map((n: { topic: string }) => n.topic).sort()).toEqual([
      'agent.satker-acted',
      'digit.activation',
      'ticket.answered',
      'ticket.completed',
      'ticket.correction-requested',
      'ticket.filed',
    ]);
    const notices = all.filter((n: { topic: string }) => n.topic === 'digit.activation');
    expect(notices[0]).toMatchObject({ topic: 'digit.activation', recipient: fresh.email });

    // The satker sees the public thread only; the history shows every step but the internal note.
    const final = await t.http.get(`/api/v1/tickets/${id}`).set(auth(tok.satker));
    expect(final.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'SK belum ditandatangani KPA, mohon unggah ulang.',
      'Sudah kami perbaiki.',
      'Terima kasih, sedang kami input.',
    ]);
    expect(final.body.history.map((e: { type: string }) => e.type)).toEqual([
      'FILED',
      'CLAIM',
      'REQUEST_CORRECTION',
      'SUBMIT_CORRECTION',
      'MESSAGE',
      'COMPLETE',
    ]);

    // The new person follows the activation link, sets a password and acts for the satker.
    const token = new URL(notices[0].payload.activationUrl as string).searchParams.get('token')!;
    expect(notices[0].payload).not.toHaveProperty('token');
    expect((await t.http.post('/api/v1/auth/activate').send({ token, password: 'pendek' })).body.error.code).toBe(
      'WEAK_PASSWORD',
    );
    expect((await t.http.post('/api/v1/auth/activate').send({ token, password: 'KataSandiBaru2026' })).status).toBe(
      204,
    );
    const reuse = await t.http.post('/api/v1/auth/activate').send({ token, password: 'KataSandiLain2026' });
    expect([reuse.status, reuse.body.error.code]).toEqual([410, 'ACTIVATION_TOKEN_USED']);
    const newLogin = await t.http.post('/api/v1/auth/login').send({ nik: fresh.nik, password: 'KataSandiBaru2026' });
    expect(newLogin.status).toBe(200);
    expect(newLogin.body.person.satkers).toEqual([{ code: w.satker.code, name: w.satker.name }]);
    const mine = await t.http.get('/api/v1/tickets').set(auth(newLogin.body.token));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('serves an attachment only as a download, byte for byte', async () => {
    const pdf = makePdf({ title: 'Unduh' });
    const filed = await fileRegistration(t, tok.satker, [newUser('Unduh Saja')], { formulir: pdf });
    const att = filed.body.attachments.find((a: { kind: string }) => a.kind === 'FORMULIR_PENDAFTARAN');
    const res = await t.http
      .get(att.downloadUrl)
      .set(auth(tok.cso))
      .buffer(true)
      .parse(binaryParser as never);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body, pdf)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="formulir.pdf"; filename*=UTF-8''formulir.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(t.storedFiles().every((f) => !f.endsWith('.pdf'))).toBe(true);
  });
});
