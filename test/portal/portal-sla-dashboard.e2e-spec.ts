import { parse } from 'csv-parse/sync';
import { SlaReportSummary } from '@loket/sla';
import { monthLabel } from '../../apps/api/src/portal/reports/report-period';
import type { TestApp } from '../support/app';
import { auth, login } from '../support/api';
import { portalLogin, type PortalAgent } from '../support/portal';
import { makeSupervisor, monthAgo, seedPastTickets } from '../support/sla-history';
import { startTestApp } from '../support/app';
import { createPerson, createWorld, type Person, type World } from '../support/world';

const wibToday = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);

describe('portal: supervisor SLA dashboard over HTTP', () => {
  let t: TestApp;
  let w: World;
  let kppnSupervisor: PortalAgent;
  let supervisorPerson: Person;
  let period: { dari: string; sampai: string };
  let breachedId: string;
  let elsewhereId: string;
  let openId: string;
  let otherOffice: { code: string; name: string };
  let myOffice: { code: string; name: string };
  const [m1, m2] = [monthAgo(1), monthAgo(2)];

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
    const mine = { officeId: w.kppnId, satkerId: w.satker.id, agentId: w.cso.id };
    const ids = await seedPastTickets(t.db, [
      { ...mine, service: 'PERTANYAAN', monthsAgo: 2, resolutionMet: true },
      { ...mine, service: 'PERTANYAAN', monthsAgo: 2, resolutionMet: false, breached: true },
      { ...mine, service: 'PENGADUAN', monthsAgo: 1, resolutionMet: true },
      { ...mine, service: 'PERTANYAAN', monthsAgo: 0, resolutionMet: null, daysAgo: 10 },
      {
        officeId: w.otherKppnId,
        satkerId: w.otherSatker.id,
        agentId: w.otherCso.id,
        service: 'PERTANYAAN',
        monthsAgo: 2,
        resolutionMet: true,
        breached: true,
      },
    ]);
    breachedId = ids[1];
    elsewhereId = ids[4];
    openId = ids[3];
    [myOffice, otherOffice] = await Promise.all(
      [w.kppnId, w.otherKppnId].map(
        async (id) => (await t.db.query(`SELECT code, name FROM offices WHERE id = $1`, [id]))[0],
      ),
    );
    const person = await createPerson(t.db, 'Kepala Seksi Uji');
    await makeSupervisor(t.db, person.id, w.kppnId);
    supervisorPerson = person;
    kppnSupervisor = await portalLogin(t, person);
    period = { dari: `${monthAgo(3)}-01`, sampai: wibToday() };
    await t.app.get(SlaReportSummary).refresh(); // whole months come from the summary the worker refreshes
  });
  afterAll(() => t.close());

  it('shows compliance per service and office as charts with tables, the backlog by age and the breaches, in scope only', async () => {
    const page = await kppnSupervisor.get('/laporan-sla').query(period);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Laporan SLA</h1>');
    // Whole months come from the worker's summary: the page says as of when, on the clock it names.
    expect(page.text).toMatch(/Angka bulan penuh dihitung per \w+, \d+ \w+ \d{4} pukul \d\d\.\d\d WIB/);
    expect(page.text.match(/<svg [^>]*role="img"/g)).toHaveLength(3);
    expect(page.text).toContain(
      `aria-label="Pertanyaan Umum, ${monthLabel(m2)}: 50% penyelesaian dalam target, 2 tiket diajukan"`,
    );
    expect(page.text).toContain(
      `aria-label="Pengaduan, ${monthLabel(m1)}: 100% penyelesaian dalam target, 1 tiket diajukan"`,
    );
    expect(page.text).toContain(
      `aria-label="${myOffice.name}, ${monthLabel(m2)}: 50% penyelesaian dalam target, 2 tiket diajukan"`,
    );
    expect(page.text).toContain(`href="/tiket/${breachedId}"`);
    expect(page.text).toMatch(
      /<th scope="row">[^<]+<\/th><td>0<\/td><td>0<\/td><td>0<\/td><td><a href="[^"]*umur&#x3D;over7Days[^"]*">1<\/a><\/td><td>1<\/td>/,
    );
    expect(page.text).not.toContain(otherOffice.name);
    expect(page.text).toContain('href="/laporan-sla" aria-current="page"');
  });

  it('charts the first-response target on request', async () => {
    const page = await kppnSupervisor.get('/laporan-sla').query({ ...period, target: 'respons' });
    expect(page.text).toContain('<option value="respons" selected>Respons pertama</option>');
    expect(page.text).toContain(
      `aria-label="Pertanyaan Umum, ${monthLabel(m2)}: 100% respons pertama dalam target, 2 tiket diajukan"`,
    );
    expect(page.text).toContain('<caption>Kepatuhan respons pertama per kantor dan bulan</caption>');
  });

  it('defaults to this year and refuses an impossible period next to its field', async () => {
    const year = wibToday().slice(0, 4);
    const page = await kppnSupervisor.get('/laporan-sla');
    expect(page.text).toContain(`id="dari" name="dari" type="date" value="${year}-01-01"`);
    expect(page.text).toContain(`id="sampai" name="sampai" type="date" value="${year}-12-31"`);
    const reversed = await kppnSupervisor.get('/laporan-sla').query({ dari: '2026-05-01', sampai: '2026-04-01' });
    expect(reversed.status).toBe(400);
    expect(reversed.text).toMatch(
      /id="sampai"[^>]*aria-invalid="true"[\s\S]*id="sampai-galat">Tanggal akhir tidak boleh sebelum tanggal awal\./,
    );
    const unreal = await kppnSupervisor.get('/laporan-sla').query({ dari: '2026-02-30', sampai: '2026-04-01' });
    expect(unreal.status).toBe(400);
    expect(unreal.text).toContain('id="dari-galat">Tanggal awal harus tanggal yang nyata');
    expect(unreal.text).not.toContain('<svg');
  });

  it('drills down from a cell and a backlog bucket to the tickets behind them, never outside the scope', async () => {
    const cell = await kppnSupervisor.get('/laporan-sla/tiket').query({ ...period, bulan: m2, layanan: 'PERTANYAAN' });
    expect(cell.status).toBe(200);
    expect(cell.text.match(/<a href="\/tiket\/[0-9a-f-]+">/g)).toHaveLength(2);
    expect(cell.text).toContain(`href="/tiket/${breachedId}"`);
    expect(cell.text).toContain('Terlambat');
    const late = await kppnSupervisor.get('/laporan-sla/tiket').query({ ...period, terlambat: 'ya' });
    expect(late.text.match(/<a href="\/tiket\/[0-9a-f-]+">/g)).toEqual([`<a href="/tiket/${breachedId}">`]);
    const old = await kppnSupervisor.get('/laporan-sla/tiket').query({ ...period, umur: 'over7Days' });
    expect(old.text.match(/<a href="\/tiket\/[0-9a-f-]+">/g)).toHaveLength(1);
    // A backlog bucket is open tickets now: a month in the link does not narrow it to nothing.
    const oldWithMonth = await kppnSupervisor
      .get('/laporan-sla/tiket')
      .query({ ...period, umur: 'over7Days', bulan: m2 });
    expect(oldWithMonth.text.match(/<a href="\/tiket\/[0-9a-f-]+">/g)).toHaveLength(1);
    const elsewhere = await kppnSupervisor
      .get('/laporan-sla/tiket')
      .query({ ...period, bulan: m2, kantor: otherOffice.code });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).toContain('Tidak ada tiket untuk angka ini.');
    const ticket = await kppnSupervisor.get(`/tiket/${breachedId}`);
    expect(ticket.status).toBe(200);
    expect(ticket.text).not.toContain('name="type" value="CLAIM"');
    expect((await kppnSupervisor.get(`/tiket/${elsewhereId}`)).status).toBe(404);
  });

  it('pages through the tickets behind a large figure, each ticket once', async () => {
    const mine = { officeId: w.kppnId, satkerId: w.satker.id, agentId: w.cso.id };
    const seeded = await seedPastTickets(
      t.db,
      Array.from({ length: 51 }, () => ({ ...mine, service: 'DIGIPAY_ASISTENSI', monthsAgo: 3, resolutionMet: true })),
    );
    const links = (html: string) => [...html.matchAll(/<a href="\/tiket\/([0-9a-f-]+)">/g)].map((m) => m[1]);
    const first = await kppnSupervisor
      .get('/laporan-sla/tiket')
      .query({ ...period, bulan: monthAgo(3), layanan: 'DIGIPAY_ASISTENSI' });
    expect(links(first.text)).toHaveLength(50);
    const [, next] = /<a href="([^"]+)">Halaman berikutnya/.exec(first.text)!;
    const second = await kppnSupervisor.get(next.replace(/&amp;/g, '&').replace(/&#x3D;/g, '='));
    expect(links(second.text)).toHaveLength(1);
    expect(second.text).not.toContain('Halaman berikutnya');
    expect(new Set([...links(first.text), ...links(second.text)])).toEqual(new Set(seeded));
  });

  it('downloads the same CSV as the API for the period on the page', async () => {
    const csv = await kppnSupervisor.get('/laporan-sla/unduh').query(period);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(
      `attachment; filename="laporan-sla-${period.dari}_${period.sampai}.csv"`,
    );
    // This run's supervisor: an earlier run on the same database left people of the same name.
    const token = await login(t, supervisorPerson);
    const to = new Date(Date.parse(`${period.sampai}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
    const api = await t.http
      .get('/api/v1/reports/sla')
      .query({ from: period.dari, to, format: 'csv' })
      .set(auth(token));
    expect(csv.text).toBe(api.text);
    expect(api.headers['content-disposition']).toBe(csv.headers['content-disposition']);
    // A byte order mark, so Excel reads the file as UTF-8.
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines: string[][] = parse(csv.text, { bom: true });
    expect(lines[0].slice(0, 9)).toEqual([
      'Bulan',
      'Tingkat',
      'Kode kantor',
      'Kantor',
      'Kode layanan',
      'Layanan',
      'Petugas',
      'Tiket diajukan',
      'Tiket selesai',
    ]);
    const col = (name: string) => lines[0].indexOf(name);
    const row = lines.find(
      (l) =>
        l[col('Bulan')] === m2 &&
        l[col('Kode layanan')] === 'PERTANYAAN' &&
        l[col('Tingkat')] === 'Layanan (semua kantor)',
    )!;
    expect([row[col('Layanan')], row[col('Tiket diajukan')], row[col('Penyelesaian dalam target (%)')]]).toEqual([
      'Pertanyaan Umum',
      '2',
      '50',
    ]);
    const office = lines.find((l) => l[col('Bulan')] === m2 && l[col('Tingkat')] === 'Kantor')!;
    expect([office[col('Kode kantor')], office[col('Kantor')]]).toEqual([myOffice.code, myOffice.name]);
    const agent = lines.find((l) => l[col('Tingkat')] === 'Petugas')!;
    expect(agent[col('Petugas')]).toBe(w.cso.name);
    expect(new Set(lines.slice(1).map((l) => l[col('Tingkat')]))).toEqual(
      new Set(['Petugas', 'Layanan per kantor', 'Kantor', 'Layanan (semua kantor)', 'Total bulan']),
    );
  });

  it('refuses CSO and satker users with a clear 403 page, on every dashboard route', async () => {
    const [cso, satker] = await Promise.all([portalLogin(t, w.cso), portalLogin(t, w.satkerUser)]);
    for (const agent of [cso, satker]) {
      for (const path of ['/laporan-sla', '/laporan-sla/unduh', '/laporan-sla/tiket']) {
        const res = await agent.get(path).query(period);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.text).toContain('<h1>Akses ditolak</h1>');
        expect(res.text).toContain('Laporan SLA hanya dapat dibuka oleh supervisor');
        expect(res.text).toContain('Kode galat: NOT_A_SUPERVISOR');
      }
    }
    expect((await cso.get('/antrian')).text).not.toContain('href="/laporan-sla"');
  });

  it('shows a Kanwil supervisor its KPPNs and nothing of a KPPN elsewhere', async () => {
    const person = await createPerson(t.db, 'Kepala Bidang Kanwil');
    await makeSupervisor(t.db, person.id, w.kanwilId);
    const kanwil = await portalLogin(t, person);
    const page = await kanwil.get('/laporan-sla').query(period);
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      `aria-label="${myOffice.name}, ${monthLabel(m2)}: 50% penyelesaian dalam target, 2 tiket diajukan"`,
    );
    expect(page.text).not.toContain(otherOffice.name);
  });

  it('lets a Kantor Pusat supervisor read the figures and tickets of any KPPN, without acting on them', async () => {
    const [{ id: pusat }] = await t.db.query(
      `INSERT INTO offices (code, kind, name, time_zone) VALUES ($1, 'PUSAT', 'Kantor Pusat Uji', 'Asia/Jakarta') RETURNING id`,
      [`P${Date.now()}`],
    );
    const [boss, cso] = await Promise.all([createPerson(t.db, 'Direktur Uji'), createPerson(t.db, 'CSO Pusat Uji')]);
    await makeSupervisor(t.db, boss.id, pusat);
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'CSO')`, [cso.id, pusat]);
    const national = await portalLogin(t, boss);
    const list = await national.get('/laporan-sla/tiket').query({ ...period, bulan: m2, kantor: otherOffice.code });
    expect(list.text).toContain(`href="/tiket/${elsewhereId}"`);
    const ticket = await national.get(`/tiket/${elsewhereId}`);
    expect(ticket.status).toBe(200);
    expect(ticket.text).not.toContain('/aksi"');
    expect((await (await portalLogin(t, cso)).get(`/tiket/${elsewhereId}`)).status).toBe(404);
  });

  it('shows a supervisor an open ticket of the office read-only: no reply, no internal note, NIKs masked', async () => {
    const page = await kppnSupervisor.get(`/tiket/${openId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="/tiket/${openId}/pesan"`);
    expect(page.text).not.toContain(`action="/tiket/${openId}/aksi"`);
    const csoPage = await (await portalLogin(t, w.cso)).get(`/tiket/${openId}`);
    expect(csoPage.text).toContain(`action="/tiket/${openId}/tindak"`);
  });
});
