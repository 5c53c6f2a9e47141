import { ikmFromAnswers, periodOf, previousPeriod } from '@loket/skm';
import type { TestApp } from './support/app';
import { auth, login, startSuite, type Suite } from './support/api';
import { answersBody, closedTicket, randomAnswers, seedResponses } from './support/skm';
import { createPerson, type World } from './support/world';

describe('SKM survey and IKM report (PermenPANRB 14/2017)', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  const offer = (token: string, id: string) => t.http.get(`/api/v1/skm/tiket/${id}`).set(auth(token));
  const submit = (token: string, id: string, body: object) =>
    t.http.post(`/api/v1/skm/tiket/${id}/jawaban`).set(auth(token)).send(body);
  const responses = async (satkerId: string) =>
    (await t.db.query(
      `SELECT ticket_id, u1, u9, umur, saran FROM skm_responses WHERE satker_id = $1 ORDER BY submitted_at`,
      [satkerId],
    )) as Array<Record<string, unknown>>;
  const supervisor = async (officeId: string, name: string) => {
    const p = await createPerson(t.db, name);
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      p.id,
      officeId,
    ]);
    return login(t, p);
  };

  it('gives the questionnaire: nine unsur on 1-4 with the regulation answer labels, and the respondent profile', async () => {
    const res = await t.http.get('/api/v1/skm/kuesioner').set(auth(tok.satker));
    expect(res.status).toBe(200);
    expect(res.body.elements.map((e: { name: string }) => e.name)).toEqual([
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Waktu penyelesaian',
      'Biaya/tarif',
      'Produk spesifikasi jenis pelayanan',
      'Kompetensi pelaksana',
      'Perilaku pelaksana',
      'Penanganan pengaduan, saran dan masukan',
      'Sarana dan prasarana',
    ]);
    expect(res.body.elements[3].options).toEqual([
      { value: 1, label: 'Sangat mahal' },
      { value: 2, label: 'Cukup mahal' },
      { value: 3, label: 'Murah' },
      { value: 4, label: 'Gratis' },
    ]);
    expect(Object.keys(res.body.respondent)).toEqual(['jenisKelamin', 'pendidikan', 'pekerjaan', 'umur']);
    const doc = await t.http.get('/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/skm/kuesioner',
        '/api/v1/skm/tawaran',
        '/api/v1/skm/tiket/{id}',
        '/api/v1/skm/tiket/{id}/jawaban',
        '/api/v1/skm/tiket/{id}/lewati',
        '/api/v1/skm/laporan',
      ]),
    );
    expect(Object.keys(doc.body.components.schemas.SkmAnswersDto.properties)).toEqual([
      'u1',
      'u2',
      'u3',
      'u4',
      'u5',
      'u6',
      'u7',
      'u8',
      'u9',
      'jenisKelamin',
      'pendidikan',
      'pekerjaan',
      'pekerjaanLainnya',
      'umur',
      'saran',
    ]);
  });

  it('offers the survey once per closed ticket, never on an open one, and never to another satker', async () => {
    const open = await t.http
      .post('/api/v1/tickets')
      .set(auth(tok.satker))
      .send({ service: 'PERTANYAAN', form: { perihal: 'a', uraian: 'b' } });
    expect((await offer(tok.satker, open.body.id)).body.state).toBe('NOT_CLOSED');
    const early = await submit(tok.satker, open.body.id, answersBody([4, 4, 4, 4, 4, 4, 4, 4, 4]));
    expect([early.status, early.body.error.code]).toEqual([409, 'SKM_NOT_OPEN']);

    const done = await closedTicket(t, tok.satker, tok.cso, { service: 'PENGADUAN', reject: true });
    expect((await offer(tok.satker, done.id)).body).toMatchObject({ ticketId: done.id, state: 'OFFERED' });
    const pending = await t.http.get('/api/v1/skm/tawaran').set(auth(tok.satker));
    expect(pending.body.map((p: { ticketId: string }) => p.ticketId)).toContain(done.id);
    expect(pending.body.map((p: { ticketId: string }) => p.ticketId)).not.toContain(open.body.id);
    // Another satker's ticket does not exist for them; the KPPN's own CSO may see it but not answer for the satker.
    for (const res of [
      await offer(tok.otherSatker, done.id),
      await submit(tok.otherSatker, done.id, answersBody([1, 1, 1, 1, 1, 1, 1, 1, 1])),
      await t.http.post(`/api/v1/skm/tiket/${done.id}/lewati`).set(auth(tok.otherSatker)),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    }
    const cso = await submit(tok.cso, done.id, answersBody([4, 4, 4, 4, 4, 4, 4, 4, 4]));
    expect([cso.status, cso.body.error.code]).toEqual([403, 'SKM_NOT_PERMITTED']);
    expect(await responses(w.satker.id)).toEqual([]);
  });

  it('takes one answer per ticket and per satker, service and semester; a second one is refused and changes nothing', async () => {
    const first = await closedTicket(t, tok.satker, tok.cso);
    const saved = await submit(
      tok.satker,
      first.id,
      answersBody([4, 3, 3, 4, 2, 4, 4, 2, 3], { saran: 'Respons cepat, terima kasih.' }),
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ ticketId: first.id, period: periodOf(new Date()) });
    const before = await responses(w.satker.id);
    expect(before).toEqual([{ ticket_id: first.id, u1: 4, u9: 3, umur: 34, saran: 'Respons cepat, terima kasih.' }]);

    const again = await submit(tok.satker, first.id, answersBody([1, 1, 1, 1, 1, 1, 1, 1, 1], { umur: 60 }));
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([
      409,
      'SKM_ALREADY_ANSWERED',
      'Survei kepuasan untuk tiket ini sudah diisi. Terima kasih.',
    ]);
    expect((await offer(tok.satker, first.id)).body.state).toBe('ANSWERED');

    // Another PERTANYAAN ticket closed in the same semester: not offered, and refused if sent anyway.
    const second = await closedTicket(t, tok.satker, tok.cso);
    expect((await offer(tok.satker, second.id)).body.state).toBe('PERIOD_ANSWERED');
    const pending = await t.http.get('/api/v1/skm/tawaran').set(auth(tok.satker));
    expect(pending.body.map((p: { ticketId: string }) => p.ticketId)).not.toContain(second.id);
    const sameService = await submit(tok.satker, second.id, answersBody([2, 2, 2, 2, 2, 2, 2, 2, 2]));
    expect([sameService.status, sameService.body.error.code]).toEqual([409, 'SKM_PERIOD_ANSWERED']);
    expect(await responses(w.satker.id)).toEqual(before);
  });

  it('refuses incomplete or unknown input with Indonesian messages and stores nothing', async () => {
    const other = await closedTicket(t, tok.otherSatker, tok.otherCso);
    const before = await responses(w.otherSatker.id);
    for (const body of [
      answersBody([4, 4, 4, 4, 5, 4, 4, 4, 4]),
      answersBody([4, 4, 4, 4, 4, 4, 4, 4]),
      answersBody([4, 4, 4, 4, 4, 4, 4, 4, 4], { umur: 12 }),
      answersBody([4, 4, 4, 4, 4, 4, 4, 4, 4], { pendidikan: 'SMK' }),
      answersBody([4, 4, 4, 4, 4, 4, 4, 4, 4], { satkerId: w.satker.id }),
    ]) {
      const res = await submit(tok.otherSatker, other.id, body);
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await responses(w.otherSatker.id)).toEqual(before);
    expect((await offer(tok.otherSatker, other.id)).body.state).toBe('OFFERED');
  });

  it('remembers a skip: the survey is no longer offered, and may still be answered later', async () => {
    const ticket = await closedTicket(t, tok.otherSatker, tok.otherCso, { service: 'PENGADUAN' });
    const skipped = await t.http.post(`/api/v1/skm/tiket/${ticket.id}/lewati`).set(auth(tok.otherSatker));
    expect([skipped.status, skipped.body.state]).toEqual([200, 'SKIPPED']);
    expect((await offer(tok.otherSatker, ticket.id)).body.state).toBe('SKIPPED');
    const pending = await t.http.get('/api/v1/skm/tawaran').set(auth(tok.otherSatker));
    expect(pending.body.map((p: { ticketId: string }) => p.ticketId)).not.toContain(ticket.id);
    expect((await submit(tok.otherSatker, ticket.id, answersBody([3, 3, 3, 3, 3, 3, 3, 3, 3]))).status).toBe(201);
    const late = await t.http.post(`/api/v1/skm/tiket/${ticket.id}/lewati`).set(auth(tok.otherSatker));
    expect([late.status, late.body.error.code]).toEqual([409, 'SKM_ALREADY_ANSWERED']);
  });

  it('reports NRR, IKM and mutu per office and service computed in SQL exactly as the arithmetic does, within scope', async () => {
    const last = previousPeriod(periodOf(new Date()));
    const kppnA = randomAnswers(7, 2);
    const kppnB = randomAnswers(5);
    const other = randomAnswers(4, 3);
    await seedResponses(t.db, w.kppnId, 'PERTANYAAN', last, kppnA);
    await seedResponses(t.db, w.kppnId, 'PENGADUAN', last, kppnB);
    await seedResponses(t.db, w.otherKppnId, 'PERTANYAAN', last, other);
    const query = { tahun: String(last.year), semester: String(last.semester) };
    const asFigures = (answers: number[][]) => {
      const f = ikmFromAnswers(answers)!;
      return {
        respondents: f.respondents,
        ikm: f.ikm,
        mutu: f.mutu,
        kinerja: f.kinerja,
        elements: f.elements.map(({ code, name, nrr, mutu, kinerja }) => ({ code, name, nrr, mutu, kinerja })),
      };
    };
    const pick = (r: Record<string, unknown>) => ({
      respondents: r.respondents,
      ikm: r.ikm,
      mutu: r.mutu,
      kinerja: r.kinerja,
      elements: r.elements,
    });

    const kppn = await t.http
      .get('/api/v1/skm/laporan')
      .query(query)
      .set(auth(await supervisor(w.kppnId, 'Supervisor KPPN')));
    expect(kppn.status).toBe(200);
    type Row = { level: string; office: string | null; service: string | null } & Record<string, unknown>;
    const rows = kppn.body.rows as Row[];
    expect(new Set(rows.map((r) => r.office).filter(Boolean)).size).toBe(1);
    expect(pick(rows.find((r) => r.level === 'KANTOR_LAYANAN' && r.service === 'PERTANYAAN')!)).toEqual(
      asFigures(kppnA),
    );
    expect(pick(rows.find((r) => r.level === 'KANTOR_LAYANAN' && r.service === 'PENGADUAN')!)).toEqual(
      asFigures(kppnB),
    );
    expect(pick(rows.find((r) => r.level === 'TOTAL')!)).toEqual(asFigures([...kppnA, ...kppnB]));
    expect(rows.find((r) => r.level === 'KANTOR_LAYANAN' && r.service === 'PERTANYAAN')!.serviceTitle).toBe(
      'Pertanyaan Umum',
    );

    // The Kanwil sees its KPPN, not the KPPN outside it; that KPPN's supervisor sees only its own.
    const kanwil = await t.http
      .get('/api/v1/skm/laporan')
      .query(query)
      .set(auth(await supervisor(w.kanwilId, 'Supervisor Kanwil')));
    expect(pick((kanwil.body.rows as Row[]).find((r) => r.level === 'TOTAL')!)).toEqual(
      asFigures([...kppnA, ...kppnB]),
    );
    const elsewhere = await t.http
      .get('/api/v1/skm/laporan')
      .query(query)
      .set(auth(await supervisor(w.otherKppnId, 'Supervisor KPPN Lain')));
    expect((elsewhere.body.rows as Row[]).map((r) => [r.level, r.service])).toEqual([
      ['KANTOR_LAYANAN', 'PERTANYAAN'],
      ['KANTOR', null],
      ['LAYANAN', 'PERTANYAAN'],
      ['TOTAL', null],
    ]);
    expect(pick((elsewhere.body.rows as Row[])[0])).toEqual(asFigures(other));

    // The whole year adds both semesters; the semester before counts none of these.
    const year = await t.http
      .get('/api/v1/skm/laporan')
      .query({ tahun: String(last.year) })
      .set(auth(await supervisor(w.otherKppnId, 'Supervisor Tahunan')));
    expect(year.body.period.label).toBe(`Tahun ${last.year}`);
    expect((year.body.rows as Row[]).find((r) => r.level === 'TOTAL')!.respondents).toBeGreaterThanOrEqual(
      other.length,
    );

    const refused = await t.http.get('/api/v1/skm/laporan').query(query).set(auth(tok.cso));
    expect([refused.status, refused.body.error.code]).toEqual([403, 'NOT_A_SUPERVISOR']);
    const badPeriod = await t.http
      .get('/api/v1/skm/laporan')
      .query({ tahun: String(last.year), semester: '3' })
      .set(auth(tok.cso));
    expect([badPeriod.status, badPeriod.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('downloads the report as CSV for a spreadsheet: UTF-8 with BOM, Indonesian headers, decimal commas', async () => {
    const last = previousPeriod(periodOf(new Date()));
    await seedResponses(t.db, w.otherKppnId, 'PENGADUAN', last, randomAnswers(3));
    const token = await supervisor(w.otherKppnId, 'Supervisor CSV');
    const res = await t.http
      .get('/api/v1/skm/laporan')
      .query({ tahun: String(last.year), semester: String(last.semester), format: 'csv' })
      .set(auth(token));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header, first] = res.text.slice(1).split('\r\n');
    expect(header).toBe(
      'Periode,Tingkat,Kode Kantor,Kantor,Kode Layanan,Layanan,Jumlah Responden,NRR U1 Persyaratan,"NRR U2 Sistem, mekanisme, dan prosedur",' +
        'NRR U3 Waktu penyelesaian,NRR U4 Biaya/tarif,NRR U5 Produk spesifikasi jenis pelayanan,NRR U6 Kompetensi pelaksana,NRR U7 Perilaku pelaksana,' +
        '"NRR U8 Penanganan pengaduan, saran dan masukan",NRR U9 Sarana dan prasarana,IKM,Mutu,Kinerja',
    );
    expect(first).toMatch(/^Semester \d \((Januari-Juni|Juli-Desember)\) \d{4},Layanan di kantor,/);
    expect(first).toMatch(/,"\d{2,3},\d{2}",[ABCD],(Sangat Baik|Baik|Kurang Baik|Tidak Baik)$/);
    // A period without answers still downloads the headers.
    const empty = await t.http.get('/api/v1/skm/laporan').query({ tahun: '2018', format: 'csv' }).set(auth(token));
    expect(empty.text).toBe(`\uFEFF${header}\r\n`);
    const none = await t.http.get('/api/v1/skm/laporan').query({ tahun: '2018' }).set(auth(token));
    expect([none.status, none.body.rows]).toEqual([200, []]);
  });
});
