import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { OutboxRelay } from '@loket/notify';
import { startTestApp, type TestApp } from './support/app';
import { auth, binaryParser, claimedRegistration, login, newUser, sendEvent } from './support/api';
import { TestSmtp } from './support/smtp';
import { addMembership, createNationalAdmin, createPerson, createWorld, type World } from './support/world';

const binary = binaryParser as never;

describe('letters, notices and delivery through real SMTP', () => {
  const smtp = new TestSmtp();
  let t: TestApp;
  let w: World;
  let satker: string;
  let cso: string;
  let relay: OutboxRelay;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, OUTBOX_RETRY_SECONDS: '1' } });
    w = await createWorld(t.db);
    [satker, cso] = await Promise.all([login(t, w.satkerUser), login(t, w.cso)]);
    relay = t.app.get(OutboxRelay);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** Delivers everything due, as the worker does. */
  const deliver = async () => {
    while ((await relay.run()).sent > 0);
  };
  const mailsFor = (ticketNumber: string) => smtp.received.filter((m) => m.text.includes(ticketNumber));

  it('sends exactly one completion e-mail per SELESAI, to the filer, with the ticket in it', async () => {
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Penerima Surel')]);
    const done = await sendEvent(t, cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect(done.status).toBe(200);
    await deliver();
    await deliver();
    const completed = mailsFor(ticket.number).filter((m) => m.subject === `Tiket ${ticket.number} selesai`);
    expect(completed).toHaveLength(1);
    expect(completed[0].to).toEqual([`${w.satkerUser.nik}@contoh.go.id`]);
    expect(completed[0].text).toContain(`Tiket ${ticket.number}`);
    const [row] = await t.db.query(`SELECT id FROM outbox WHERE ticket_id = $1 AND topic = 'ticket.completed'`, [
      ticket.id,
    ]);
    expect(completed[0].messageId).toBe(OutboxRelay.messageId(row.id));
    expect(mailsFor(ticket.number).map((m) => m.subject)).toEqual(
      expect.arrayContaining([`Tiket ${ticket.number} telah diterima`]),
    );
  });

  it('sends nothing for a transition that rolled back', async () => {
    const active = await createPerson(t.db, 'Sudah Ada Surel');
    await addMembership(t.db, active.id, w.satker.id, 2);
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Sudah Ada Surel', active.nik)]);
    const failed = await sendEvent(t, cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect(failed.body.error.code).toBe('OUTCOME_FAILED');
    await deliver();
    const rows = await t.db.query(`SELECT topic FROM outbox WHERE ticket_id = $1 ORDER BY topic`, [ticket.id]);
    expect(rows.map((r: { topic: string }) => r.topic)).toEqual(['ticket.filed']);
    expect(mailsFor(ticket.number).some((m) => /selesai/.test(m.subject ?? ''))).toBe(false);
  });

  it('keeps working with the SMTP server down and delivers once it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Surel Tertunda')]);
    const done = await sendEvent(t, cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    expect(done.status).toBe(200);
    const attempt = await relay.run();
    expect(attempt.sent).toBe(0);
    expect(attempt.retried).toBeGreaterThan(0);
    const [pending] = await t.db.query(
      `SELECT status, attempts, last_error FROM outbox WHERE ticket_id = $1 AND topic = 'ticket.completed'`,
      [ticket.id],
    );
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
    await smtp.start(port);
    await t.db.query(`UPDATE outbox SET next_attempt_at = now() WHERE ticket_id = $1`, [ticket.id]);
    await deliver();
    expect(mailsFor(ticket.number).filter((m) => m.subject === `Tiket ${ticket.number} selesai`)).toHaveLength(1);
  });

  it('follows the activation e-mail link to set a password and log in', async () => {
    const person = newUser('Aktivasi Lewat Surel');
    const ticket = await claimedRegistration(t, satker, cso, [person]);
    await sendEvent(t, cso, ticket.id, ticket.version, { type: 'COMPLETE' });
    await deliver();
    const mail = smtp.received.find((m) => m.to.includes(person.email) && m.subject === 'Aktivasi akun DIGIT Anda');
    expect(mail).toBeDefined();
    const token = /aktivasi\?token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1];
    expect((await t.http.post('/api/v1/auth/activate').send({ token, password: 'SandiDariSurel2026' })).status).toBe(
      204,
    );
    const res = await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password: 'SandiDariSurel2026' });
    expect(res.body.person.satkers).toEqual([{ code: w.satker.code, name: w.satker.name }]);
  });

  it('numbers 200 letters issued at once without gaps or duplicates', async () => {
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Banyak Surat')]);
    const body = {
      hal: 'Tanggapan atas permohonan',
      sifat: 'Biasa',
      lampiran: '-',
      yth: 'Kuasa Pengguna Anggaran',
      isi: 'Paragraf satu.\n\nParagraf dua.',
      tembusan: [],
      penandatangan: { nama: 'Kepala KPPN', nip: '197001011990031001', jabatan: 'Kepala Kantor' },
    };
    // As many requests in flight as the test app has pool connections (DB_POOL_SIZE 6 in
    // test/support/app.ts), so every request contends for the same counter row while none waits
    // behind ~200 serialized transactions for a connection (beyond the pool's 10 s connect timeout
    // on a loaded machine, which answers 500, not what this test is about).
    const issue = () => t.http.post(`/api/v1/tickets/${ticket.id}/letters`).set(auth(cso)).send(body);
    const results: Awaited<ReturnType<typeof issue>>[] = [];
    let started = 0;
    const lane = async () => {
      while (started++ < 200) results.push(await issue());
    };
    await Promise.all(Array.from({ length: 6 }, lane));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const [{ code, kanwil }] = await t.db.query(
      `SELECT o.code, p.code AS kanwil FROM offices o JOIN offices p ON p.id = o.parent_id WHERE o.id = $1`,
      [w.kppnId],
    );
    const year = new Date().getFullYear();
    const seqs = results
      .map((r) => {
        const m = new RegExp(`^S-(\\d+)/${kanwil}/${code}/(\\d{4})$`).exec(r.body.number);
        expect(m).not.toBeNull();
        expect(Math.abs(Number(m![2]) - year)).toBeLessThanOrEqual(1);
        return Number(m![1]);
      })
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('freezes an issued letter: the same PDF and HTML bytes every time, only for those who see the ticket', async () => {
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Surat Beku')]);
    const issued = await t.http
      .post(`/api/v1/tickets/${ticket.id}/letters`)
      .set(auth(cso))
      .send({
        hal: 'Tanggapan',
        sifat: 'Biasa',
        lampiran: '-',
        yth: 'KPA',
        isi: 'Nama <script>alert(1)</script> tertulis apa adanya.',
        tembusan: ['Kepala Kanwil'],
        penandatangan: { nama: 'Kepala KPPN', nip: '197001011990031001', jabatan: 'Kepala Kantor' },
      });
    expect(issued.status).toBe(201);
    const url = `/api/v1/tickets/${ticket.id}/letters/${issued.body.id}`;
    const first = await t.http.get(url).set(auth(satker)).buffer(true).parse(binary);
    const second = await t.http.get(url).set(auth(cso)).buffer(true).parse(binary);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(first.body, second.body)).toBe(0);
    const [stored] = await t.db.query(`SELECT pdf_sha256, html_sha256 FROM letters WHERE id = $1`, [issued.body.id]);
    expect(stored.pdf_sha256).toBe(createHash('sha256').update(first.body).digest('hex'));
    const html = await t.http.get(url).query({ format: 'html' }).set(auth(satker));
    expect(createHash('sha256').update(html.text).digest('hex')).toBe(stored.html_sha256);
    expect(html.text).toContain('&lt;script&gt;');
    expect(html.text).toContain(issued.body.number);
    const other = await t.http.get(url).set(auth(await login(t, w.otherSatkerUser)));
    expect([other.status, other.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    const bySatker = await t.http
      .post(`/api/v1/tickets/${ticket.id}/letters`)
      .set(auth(satker))
      .send({
        hal: 'Tanggapan',
        sifat: 'Biasa',
        lampiran: '-',
        yth: 'KPA',
        isi: 'Isi surat.',
        tembusan: [],
        penandatangan: { nama: 'Satker', nip: '1', jabatan: 'KPA' },
      });
    expect([bySatker.status, bySatker.body.error.code]).toEqual([403, 'LETTER_NOT_PERMITTED']);
  });

  it('keeps a notice that cannot be delivered as FAILED, visible to admins only', async () => {
    const ticket = await claimedRegistration(t, satker, cso, [newUser('Notifikasi Rusak')]);
    const [broken] = await t.db.query(
      `INSERT INTO outbox (topic, recipient, payload, ticket_id) VALUES ('ticket.rejected', 'x@contoh.go.id', '{"name":"X"}', $1) RETURNING id`,
      [ticket.id],
    );
    await deliver();
    const [row] = await t.db.query(`SELECT status, attempts, last_error FROM outbox WHERE id = $1`, [broken.id]);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toMatch(/not defined/);
    const admin = await createNationalAdmin(t.db, 'Admin Notifikasi');
    const list = await t.http
      .get('/api/v1/admin/outbox')
      .query({ status: 'FAILED' })
      .set(auth(await login(t, admin)));
    expect(list.body.map((r: { id: string }) => r.id)).toContain(broken.id);
    const refused = await t.http.get('/api/v1/admin/outbox').set(auth(cso));
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
  });

  it('pre-fills the SK penunjukan for the satker to sign', async () => {
    const person = newUser('Calon Operator');
    const html = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/dokumen/sk-penunjukan`)
      .query({ format: 'html' })
      .set(auth(satker))
      .send({ pengguna: [person] });
    expect(html.status).toBe(201);
    expect(html.text).toContain('Calon Operator');
    expect(html.text).toContain(w.satker.name);
    const pdf = await t.http
      .post(`/api/v1/satkers/${w.satker.code}/dokumen/sk-penunjukan`)
      .set(auth(satker))
      .send({ pengguna: [person] })
      .buffer(true)
      .parse(binary);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('delivery without SMTP_URL', () => {
  it('writes each message as an .eml file under the mail folder', async () => {
    const t = await startTestApp();
    try {
      const w = await createWorld(t.db);
      const satker = await login(t, w.satkerUser);
      await t.http
        .post('/api/v1/tickets')
        .set(auth(satker))
        .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } })
        .expect(201);
      const relay = t.app.get(OutboxRelay);
      expect((await relay.run()).sent).toBeGreaterThanOrEqual(1);
      expect(readdirSync(t.config.mailDir).some((f) => f.endsWith('.eml'))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
