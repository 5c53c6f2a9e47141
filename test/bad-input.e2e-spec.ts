import net from 'node:net';
import type { TestApp } from './support/app';
import {
  auth,
  claimedRegistration,
  fileRegistration,
  footprint,
  newUser,
  sendEvent,
  startSuite,
  type Suite,
} from './support/api';
import { makePdf, makePng, truncate } from './support/pdf';
import { type World } from './support/world';

// Every refusal answers with a stable code and a message in Bahasa Indonesia, and changes nothing:
// no ticket, event, message, membership, identity or stored file (and no temp upload left behind).
describe('bad input is refused and changes nothing', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  const user = newUser('Calon Pengguna');

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  async function expectRefused(send: () => PromiseLike<{ status: number; body: any }>, status: number, code: string) {
    const before = await footprint(t, w.satker.id, [user.nik]);
    const res = await send();
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.requestId).toBeTruthy();
    expect(await footprint(t, w.satker.id, [user.nik])).toEqual(before);
    return res.body.error;
  }

  it('accepts a PDF of exactly 5,242,880 bytes and refuses one byte more with 413', async () => {
    const exact = makePdf({ sizeBytes: 5 * 1024 * 1024 });
    expect(exact.length).toBe(5_242_880);
    const ok = await fileRegistration(t, tok.satker, [newUser('Batas Tepat')], { sk: exact });
    expect(ok.status).toBe(201);
    expect(ok.body.attachments.find((a: any) => a.kind === 'SK_PENUNJUKAN').sizeBytes).toBe(5_242_880);
    const error = await expectRefused(
      () => fileRegistration(t, tok.satker, [user], { sk: makePdf({ sizeBytes: 5_242_881 }) }),
      413,
      'FILE_TOO_LARGE',
    );
    expect(error.message).toContain('5 MB');
  });

  it('refuses a PNG renamed .pdf with 415, by content', async () => {
    const error = await expectRefused(() => fileRegistration(t, tok.satker, [user], { sk: makePng() }), 415, 'NOT_PDF');
    expect(error.details).toMatchObject({ field: 'SK_PENUNJUKAN', detected: 'png' });
  });

  it('refuses an empty and a truncated PDF with 422', async () => {
    await expectRefused(() => fileRegistration(t, tok.satker, [user], { sk: Buffer.alloc(0) }), 422, 'EMPTY_FILE');
    const whole = makePdf({ title: 'Terpotong' });
    await expectRefused(
      () => fileRegistration(t, tok.satker, [user], { formulir: truncate(whole, Math.floor(whole.length / 2)) }),
      422,
      'PDF_TRUNCATED',
    );
  });

  it.each([
    ['JavaScript', { extra: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }],
    ['a Launch action', { extra: '/OpenAction << /S /Launch /F (cmd.exe) >>' }],
    ['an embedded file', { extra: '/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>' }],
    ['JavaScript hidden in a compressed object stream', { compressedExtra: '<< /S /JavaScript /JS (app.alert(1)) >>' }],
  ])('refuses a PDF with %s', async (_name, opts) => {
    await expectRefused(
      () => fileRegistration(t, tok.satker, [user], { sk: makePdf(opts) }),
      422,
      'PDF_ACTIVE_CONTENT',
    );
  });

  it('refuses a filing without a required attachment kind with 422', async () => {
    const error = await expectRefused(
      () =>
        t.http
          .post('/api/v1/tickets')
          .set(auth(tok.satker))
          .field('service', 'MYINTRESS_DAFTAR_KPPN')
          .field('form', JSON.stringify({ pengguna: [user] }))
          .attach('SK_PENUNJUKAN', makePdf(), 'sk.pdf'),
      422,
      'MISSING_ATTACHMENT',
    );
    expect(error.details.missing).toEqual(['FORMULIR_PENDAFTARAN']);
  });

  it('refuses a second file in a single-file field', async () => {
    await expectRefused(
      () => fileRegistration(t, tok.satker, [user]).attach('SK_PENUNJUKAN', makePdf(), 'sk2.pdf'),
      422,
      'DUPLICATE_FILE_FIELD',
    );
  });

  it('refuses an attachment under a kind the service does not have', async () => {
    await expectRefused(
      () => fileRegistration(t, tok.satker, [user]).attach('KTP', makePdf(), 'ktp.pdf'),
      400,
      'UNKNOWN_ATTACHMENT_KIND',
    );
  });

  it('answers malformed multipart with 400 and stays up', async () => {
    const url = new URL(t.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        const body =
          '--XYZ\r\nContent-Disposition: form-data; name="service"\r\n\r\nMYINTRESS_DAFTAR_KPPN\r\n--XYZ\r\nContent-Disposition: form-da';
        socket.write(
          `POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tok.satker}\r\n` +
            `Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
      });
      let data = '';
      socket.on('data', (c) => (data += c));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"MALFORMED_MULTIPART"');
    await expectRefused(
      () =>
        t.http
          .post('/api/v1/tickets')
          .set(auth(tok.satker))
          .set('Content-Type', 'multipart/form-data; boundary=nope')
          .send('garbage without any boundary'),
      400,
      'MALFORMED_MULTIPART',
    );
    expect((await t.http.get('/api/v1/health')).status).toBe(200);
  });

  it('refuses malformed JSON with 400', async () => {
    await expectRefused(
      () =>
        t.http
          .post('/api/v1/tickets')
          .set(auth(tok.satker))
          .set('Content-Type', 'application/json')
          .send('{"service":'),
      400,
      'MALFORMED_JSON',
    );
  });

  it.each(['status', 'satker', 'assignee', 'version', 'filedBy'])('refuses a body that sets %s', async (field) => {
    const error = await expectRefused(
      () =>
        t.http
          .post('/api/v1/tickets')
          .set(auth(tok.satker))
          .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' }, [field]: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0].field).toBe(field);
  });

  it('refuses an unknown field inside the form', async () => {
    await expectRefused(
      () =>
        t.http
          .post('/api/v1/tickets')
          .set(auth(tok.satker))
          .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b', status: 'SELESAI' } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it.each([
    ['15 digits', '317501170845000', 'NIK_NOT_16_DIGITS'],
    ['a JSON number', 3175011708450001, 'NIK_NOT_STRING'],
    ['an impossible birth date', '3175013208450001', 'NIK_INVALID_BIRTH_DATE'],
  ])('refuses a NIK given as %s', async (_name, nik, problem) => {
    const error = await expectRefused(
      () => fileRegistration(t, tok.satker, [{ ...user, nik: nik as string }]),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details).toEqual([expect.objectContaining({ field: 'pengguna[0].nik', code: problem })]);
  });

  it('refuses a login NIK sent as a number', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({ nik: 7571014505880001, password: 'x' });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses event bodies that try to set state directly', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Status Paksa')]);
    await expectRefused(
      () => sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'COMPLETE', status: 'SELESAI' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'REQUEST_CORRECTION' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'REJECT', reason: '   ' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'CLOSE' }),
      400,
      'VALIDATION_FAILED',
    );
    await expectRefused(
      () => t.http.post(`/api/v1/tickets/${ticket.id}/events`).set(auth(tok.cso)).send({ type: 'COMPLETE' }),
      428,
      'PRECONDITION_REQUIRED',
    );
  });

  it('leaves no temp upload behind after any of the above', () => {
    expect(t.tempFiles()).toEqual([]);
  });
});
