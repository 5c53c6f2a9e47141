import { ikmFromAnswers, periodOf, previousPeriod } from '@loket/skm';
import { auth } from '../support/api';
import { csrfOf, portalLogin, startPortalSuite, type PortalAgent } from '../support/portal';
import { closedTicket, randomAnswers, seedResponses } from '../support/skm';
import { createPerson } from '../support/world';

type Suite = Awaited<ReturnType<typeof startPortalSuite>>;

describe('SKM in the portal', () => {
  let s: Suite;
  beforeAll(async () => {
    s = await startPortalSuite();
  });
  afterAll(() => s.t.close());

  const form = (html: string, scores: number[], extra: Record<string, string> = {}) => ({
    _csrf: csrfOf(html),
    ...Object.fromEntries(scores.map((v, i) => [`u${i + 1}`, String(v)])),
    jenisKelamin: 'L',
    pendidikan: 'S2',
    pekerjaan: 'PNS',
    umur: '41',
    saran: 'Pertahankan.',
    ...extra,
  });

  it('offers the survey on a closed ticket and on the home page, takes it once, and thanks the satker', async () => {
    const ticket = await closedTicket(s.t, s.tok.satker, s.tok.cso);
    const home = await s.satker.get('/');
    expect(home.text).toContain(`href="/survei-skm/${ticket.id}"`);
    const page = await s.satker.get(`/tiket/${ticket.id}`);
    expect(page.text).toContain('Survei Kepuasan Masyarakat');
    // The agent's view of the same ticket carries no survey.
    expect((await s.cso.get(`/tiket/${ticket.id}`)).text).not.toContain('/survei-skm/');

    const survey = await s.satker.get(`/survei-skm/${ticket.id}`);
    expect(survey.status).toBe(200);
    expect(survey.text).toContain('Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?');
    expect(survey.text).toContain('Dikelola dengan baik');
    const incomplete = await s.satker
      .post(`/survei-skm/${ticket.id}`)
      .type('form')
      .send({ ...form(survey.text, [4, 4, 4]), umur: '9' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain('Pilih salah satu jawaban untuk pertanyaan 4.');
    expect(incomplete.text).toContain('Umur diisi angka 17 sampai 100 tahun.');
    expect(incomplete.text).toMatch(/id="u1-4" name="u1" value="4" checked/);

    const sent = await s.satker
      .post(`/survei-skm/${ticket.id}`)
      .type('form')
      .send(form(survey.text, [4, 4, 3, 4, 3, 4, 4, 3, 3]));
    expect([sent.status, sent.headers.location]).toEqual([303, `/survei-skm/${ticket.id}`]);
    const thanks = await s.satker.get(`/survei-skm/${ticket.id}`);
    expect(thanks.text).toContain('Terima kasih. Survei Anda sudah kami terima.');
    expect(thanks.text).not.toContain('Kirim survei');
    const again = await s.satker
      .post(`/survei-skm/${ticket.id}`)
      .type('form')
      .send(form(survey.text, [1, 1, 1, 1, 1, 1, 1, 1, 1]));
    expect(again.status).toBe(409);
    expect(again.text).toContain('Survei kepuasan untuk tiket ini sudah diisi.');
    const [row] = await s.t.db.query(`SELECT u1, umur FROM skm_responses WHERE ticket_id = $1`, [ticket.id]);
    expect(row).toEqual({ u1: 4, umur: 41 });
    expect((await s.satker.get(`/tiket/${ticket.id}`)).text).not.toContain(`/survei-skm/${ticket.id}`);
  });

  it('remembers "Lewati" and keeps another satker out', async () => {
    const ticket = await closedTicket(s.t, s.tok.satker, s.tok.cso, { service: 'PENGADUAN', reject: true });
    const page = await s.satker.get(`/tiket/${ticket.id}`);
    const skipped = await s.satker
      .post(`/survei-skm/${ticket.id}/lewati`)
      .type('form')
      .send({ _csrf: csrfOf(page.text) });
    expect([skipped.status, skipped.headers.location]).toEqual([303, `/tiket/${ticket.id}`]);
    expect((await s.satker.get(`/tiket/${ticket.id}`)).text).not.toContain(`/survei-skm/${ticket.id}`);
    expect((await s.satker.get('/')).text).not.toContain(`/survei-skm/${ticket.id}`);
    const other: PortalAgent = await portalLogin(s.t, s.w.otherSatkerUser);
    expect((await other.get(`/survei-skm/${ticket.id}`)).status).toBe(404);
    expect((await s.cso.get(`/survei-skm/${ticket.id}`)).status).toBe(403);
  });

  it('shows a supervisor the IKM of the last semester with its chart, table and CSV', async () => {
    const last = previousPeriod(periodOf(new Date()));
    const answers = randomAnswers(6, 2);
    await seedResponses(s.t.db, s.w.otherKppnId, 'PERTANYAAN', last, answers);
    const boss = await createPerson(s.t.db, 'Supervisor SKM');
    await s.t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      boss.id,
      s.w.otherKppnId,
    ]);
    const agent = await portalLogin(s.t, boss);
    const page = await agent.get('/laporan-skm');
    expect(page.status).toBe(200);
    const f = ikmFromAnswers(answers)!;
    expect(page.text).toContain(`Semester ${last.semester}`);
    expect(page.text).toContain(`<strong>${f.ikm.toFixed(2).replace('.', ',')}</strong>`);
    expect(page.text).toContain(`<dd>${f.kinerja}</dd>`);
    expect(page.text).toContain('<svg');
    expect(page.text).toContain('href="/laporan-skm"');
    const csv = await agent.get(`/laporan-skm/unduh?tahun=${last.year}&semester=${last.semester}`);
    expect(csv.status).toBe(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const bad = await agent.get('/laporan-skm?tahun=20x6&semester=1');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tahun diisi empat angka');
    expect((await s.satker.get('/laporan-skm')).status).toBe(403);
    expect(
      (
        await s.t.http
          .get('/api/v1/skm/laporan')
          .query({ tahun: String(last.year) })
          .set(auth(s.tok.satker))
      ).status,
    ).toBe(403);
  });
});
