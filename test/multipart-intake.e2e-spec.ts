import { auth, footprint, newUser, startSuite, type Suite } from './support/api';
import type { TestApp } from './support/app';
import { makePdf } from './support/pdf';
import { multipartBody, rawRequest } from './support/raw-http';
import type { World } from './support/world';

// Multipart exactly as browsers and broken clients write it on the wire: a cut-off body, UTF-8
// filenames, invisible characters in a name, and part headers busboy cannot read.
describe('multipart intake', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  const user = newUser('Pengguna Multipart');
  const B = 'loketBoundary7MA4YWxk';

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const field = (name: string, value: string) => ({
    headers: [`Content-Disposition: form-data; name="${name}"`],
    content: value,
  });
  const pdfPart = (name: string, disposition: string, content: Buffer = makePdf({ title: name })) => ({
    headers: [`Content-Disposition: form-data; name="${name}"; ${disposition}`, 'Content-Type: application/pdf'],
    content,
  });
  // Refused filings name `user`; accepted ones a new person each, so no filing overlaps another.
  const registration = (sk: ReturnType<typeof pdfPart>, who = user) => [
    field('service', 'MYINTRESS_DAFTAR_KPPN'),
    field('form', JSON.stringify({ pengguna: [who] })),
    sk,
    pdfPart('FORMULIR_PENDAFTARAN', 'filename="formulir.pdf"'),
  ];
  const post = (body: Buffer, contentLength?: number) =>
    rawRequest(t.url, 'POST /api/v1/tickets HTTP/1.1', body, {
      contentLength,
      headers: { ...auth(tok.satker), 'Content-Type': `multipart/form-data; boundary=${B}` },
    });

  async function expectRefused(send: () => Promise<{ status: number; json: any }>, status: number, code: string) {
    const before = await footprint(t, w.satker.id, [user.nik]);
    const res = await send();
    expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code });
    expect(await footprint(t, w.satker.id, [user.nik])).toEqual(before);
    expect(t.tempFiles()).toEqual([]);
    return res.json.error;
  }

  it('answers a body cut off inside a file part with 400 MALFORMED_MULTIPART, and keeps no temp file', async () => {
    const whole = multipartBody(
      B,
      registration(pdfPart('SK_PENUNJUKAN', 'filename="sk.pdf"', makePdf({ sizeBytes: 200_000 }))),
    );
    // The form ends inside the file, without its closing delimiter (a proxy that cut the upload short).
    const cut = whole.subarray(0, whole.indexOf('%%EOF') - 50_000);
    await expectRefused(() => post(cut), 400, 'MALFORMED_MULTIPART');
    expect((await t.http.get('/api/v1/health')).status).toBe(200);
  });

  it('stores and shows a UTF-8 filename exactly as the browser sent it', async () => {
    const res = await post(
      multipartBody(B, registration(pdfPart('SK_PENUNJUKAN', 'filename="Café – SK.pdf"'), newUser('Pengguna Kafe'))),
    );
    expect(res.status).toBe(201);
    const sk = res.json.attachments.find((a: any) => a.kind === 'SK_PENUNJUKAN');
    expect(sk.originalName).toBe('Café – SK.pdf');
    const download = await t.http.get(sk.downloadUrl).set(auth(tok.satker));
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Café – SK.pdf')}`,
    );
    const page = await t.http.get(`/api/v1/tickets/${res.json.id}`).set(auth(tok.cso));
    expect(page.body.attachments.map((a: any) => a.originalName)).toContain('Café – SK.pdf');
  });

  it('removes bidi overrides and control characters from filenames', async () => {
    const res = await post(
      multipartBody(
        B,
        registration(
          pdfPart('SK_PENUNJUKAN', 'filename="SK\u202Egnp.\u202C\u200B\tPenunjukan.pdf"'),
          newUser('Pengguna Bidi'),
        ),
      ),
    );
    expect(res.status).toBe(201);
    expect(res.json.attachments.find((a: any) => a.kind === 'SK_PENUNJUKAN').originalName).toBe('SKgnp.Penunjukan.pdf');
  });

  it.each([
    ['an unterminated filename', 'filename="sk.pdf'],
    ['a filename parameter without a value', 'filename'],
    ['an extended filename with a broken charset', "filename*=UTF-8%%''sk.pdf"],
  ])('refuses a file part with %s instead of dropping it', async (_name, disposition) => {
    const error = await expectRefused(
      () => post(multipartBody(B, registration(pdfPart('SK_PENUNJUKAN', disposition)))),
      400,
      'MALFORMED_MULTIPART',
    );
    expect(error.details).toEqual({ reason: 'UNREADABLE_PART' });
  });

  it('refuses a file part with content but an empty filename', async () => {
    const nameless = {
      headers: [
        'Content-Disposition: form-data; name="SK_PENUNJUKAN"; filename=""',
        'Content-Type: application/octet-stream',
      ],
      content: makePdf(),
    };
    await expectRefused(() => post(multipartBody(B, registration(nameless))), 400, 'MALFORMED_MULTIPART');
    // Without a filename and with a declared type, busboy makes it a text field: binary is not text.
    await expectRefused(
      () => post(multipartBody(B, registration(pdfPart('SK_PENUNJUKAN', 'filename=""')))),
      400,
      'INVALID_TEXT',
    );
  });

  it('refuses a filename that is not valid UTF-8', async () => {
    const broken = Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="SK_PENUNJUKAN"; filename="sk`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
      makePdf(),
      Buffer.from('\r\n'),
    ]);
    const rest = multipartBody(B, [
      field('service', 'MYINTRESS_DAFTAR_KPPN'),
      field('form', JSON.stringify({ pengguna: [user] })),
      pdfPart('FORMULIR_PENDAFTARAN', 'filename="formulir.pdf"'),
    ]);
    await expectRefused(() => post(Buffer.concat([broken, rest])), 400, 'INVALID_TEXT');
  });

  it('still accepts an optional file input left empty, as browsers send it', async () => {
    const empty = {
      headers: [
        'Content-Disposition: form-data; name="LAMPIRAN"; filename=""',
        'Content-Type: application/octet-stream',
      ],
      content: '',
    };
    const res = await post(
      multipartBody(B, [
        ...registration(pdfPart('SK_PENUNJUKAN', 'filename="sk.pdf"'), newUser('Pengguna Kosong')),
        empty,
      ]),
    );
    expect(res.status).toBe(201);
  });
});
