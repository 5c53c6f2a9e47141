import { auth, sendEvent } from '../support/api';
import { csrfOf, startPortalSuite } from '../support/portal';

/** The satker's "Buka kembali" form on a resolved question, without JavaScript. */
describe('portal: reopening a ticket', () => {
  let s: Awaited<ReturnType<typeof startPortalSuite>>;

  beforeAll(async () => {
    s = await startPortalSuite();
  });
  afterAll(() => s.t.close());

  it('shows the form with its closing date, asks for a reason, and sends the ticket back to its agent', async () => {
    const filed = await s.t.http
      .post('/api/v1/tickets')
      .set(auth(s.tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Pagu', uraian: 'Mohon info.' } });
    const claimed = await sendEvent(s.t, s.tok.cso, filed.body.id, 1, { type: 'CLAIM' });
    const done = await sendEvent(s.t, s.tok.cso, filed.body.id, claimed.body.version, {
      type: 'COMPLETE',
      message: 'Sudah dijawab.',
    });

    const page = await s.satker.get(`/tiket/${filed.body.id}`);
    expect(page.text).toContain('<h2 id="aksi-REOPEN">Buka kembali tiket</h2>');
    expect(page.text).toMatch(/sampai \w+, \d{1,2} \w+ \d{4} pukul/);
    expect(page.text.match(/name="type" value="REOPEN"/g)).toHaveLength(1);
    expect((await s.cso.get(`/tiket/${filed.body.id}`)).text).not.toContain('value="REOPEN"');

    const blank = await s.satker
      .post(`/tiket/${filed.body.id}/aksi`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), type: 'REOPEN', versi: String(done.body.version), reason: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.text).toMatch(/id="REOPEN-reason"[^>]*aria-invalid="true"/);
    expect((await s.t.http.get(`/api/v1/tickets/${filed.body.id}`).set(auth(s.tok.satker))).body.status).toBe(
      'SELESAI',
    );

    const sent = await s.satker
      .post(`/tiket/${filed.body.id}/aksi`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        type: 'REOPEN',
        versi: String(done.body.version),
        reason: 'Belum menjawab soal revisi pagu.',
      });
    expect([sent.status, sent.headers.location]).toEqual([303, `/tiket/${filed.body.id}?ok=REOPEN`]);
    const after = await s.satker.get(sent.headers.location);
    expect(after.text).toContain('Tiket dibuka kembali');
    expect(after.text).toContain('Satker membuka kembali tiket');
    expect(after.text).toContain('Penyelesaian (dibuka kembali ke-1)');
    expect(after.text).not.toContain('value="REOPEN"');
  });
});
