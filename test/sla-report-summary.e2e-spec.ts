import { randomUUID } from 'node:crypto';
import { formatDateTime } from '@loket/common';
import { SlaReports, SlaReportSummary, SlaReportTickets, type ReportPeriod } from '@loket/sla';
import { startTestApp, type TestApp } from './support/app';
import { createPerson } from './support/world';

// A year of history in 2019, which no other suite files in: the national scope then holds only these
// tickets, so the summary (as of its refresh) and the tickets themselves must agree exactly.
const YEAR = { from: '2019-01-01', to: '2020-01-01' };

/** The report's rows straight from the tickets, by SQL alone: months on each office's own clock. */
const DIRECT = `
  WITH t AS (
    SELECT date_trunc('month', t.created_at AT TIME ZONE o.time_zone)::date AS m, t.*
      FROM tickets t JOIN offices o ON o.id = t.office_id
     WHERE t.office_id = ANY($1::uuid[])
       AND t.created_at >= ($2::date::timestamp AT TIME ZONE o.time_zone) AND t.created_at < ($3::date::timestamp AT TIME ZONE o.time_zone))
  SELECT to_char(t.m, 'YYYY-MM') AS month, (SELECT code FROM offices WHERE id = t.office_id) AS office, t.service_code AS service,
         (SELECT name FROM persons WHERE id = t.assignee_id) AS agent,
         GROUPING(t.office_id, t.service_code, t.assignee_id)::int AS "rollupLevel", count(*)::int AS filed, count(t.resolved_at)::int AS resolved,
         round(100.0 * count(*) FILTER (WHERE t.response_met) / NULLIF(count(t.response_met), 0), 1)::float AS "responseWithinTargetPct",
         round(100.0 * count(*) FILTER (WHERE t.resolution_met) / NULLIF(count(t.resolution_met), 0), 1)::float AS "resolutionWithinTargetPct",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY t.response_minutes) AS "responseMedianMinutes",
         percentile_disc(0.9) WITHIN GROUP (ORDER BY t.response_minutes) AS "responseP90Minutes",
         percentile_disc(0.5) WITHIN GROUP (ORDER BY t.resolution_minutes) AS "resolutionMedianMinutes",
         percentile_disc(0.9) WITHIN GROUP (ORDER BY t.resolution_minutes) AS "resolutionP90Minutes",
         round(avg(t.correction_rounds), 2)::float AS "correctionRoundsPerTicket",
         count(*) FILTER (WHERE t.rating = 'POSITIF')::int AS "ratingPositif", count(*) FILTER (WHERE t.rating = 'NETRAL')::int AS "ratingNetral",
         count(*) FILTER (WHERE t.rating = 'NEGATIF')::int AS "ratingNegatif", count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened,
         round(100.0 * sum(t.reopen_cycles_met) / NULLIF(sum(t.reopen_cycles_measured), 0), 1)::float AS "reopenResolutionWithinTargetPct"
    FROM t
   GROUP BY GROUPING SETS ((t.m, t.office_id, t.service_code, t.assignee_id), (t.m, t.office_id, t.service_code),
                           (t.m, t.office_id), (t.m, t.service_code), (t.m))`;

type Row = Record<string, unknown>;
const key = (r: Row) => [r.month, r.rollupLevel, r.office, r.service, r.agent].join('|');
// Medians across the offices of a service (level 5) are not in the report: they would need every ticket.
const comparable = (r: Row) =>
  r.rollupLevel === 5
    ? {
        ...r,
        responseMedianMinutes: null,
        responseP90Minutes: null,
        resolutionMedianMinutes: null,
        resolutionP90Minutes: null,
      }
    : r;
const sorted = (rows: Row[]) => [...rows].map(comparable).sort((a, b) => (key(a) < key(b) ? -1 : 1));
/** The order the report promises: month, office, service, agent (a missing one first), then level. */
const inReportOrder = (rows: Row[]) =>
  [...rows].sort((a, b) => {
    for (const k of ['month', 'office', 'service', 'agent']) {
      const [x, y] = [a[k], b[k]] as Array<string | null>;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return (a.rollupLevel as number) - (b.rollupLevel as number);
  });

describe('SLA report summary and office zones', () => {
  let t: TestApp;
  const offices: Record<'pusat' | 'kanwil' | 'wita' | 'wib' | 'wit', { id: string; code: string }> = {} as never;

  beforeAll(async () => {
    t = await startTestApp();
    const office = async (kind: string, tz: string, parentId: string | null) => {
      const code = `R${randomUUID().slice(0, 8)}`;
      const [{ id }] = await t.db.query(
        `INSERT INTO offices (code, kind, name, time_zone, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [code, kind, `${kind} Laporan ${code}`, tz, parentId],
      );
      return { id: id as string, code };
    };
    offices.pusat = await office('PUSAT', 'Asia/Jakarta', null);
    offices.kanwil = await office('KANWIL', 'Asia/Jakarta', offices.pusat.id);
    offices.wita = await office('KPPN', 'Asia/Makassar', offices.kanwil.id);
    offices.wib = await office('KPPN', 'Asia/Jakarta', offices.kanwil.id);
    offices.wit = await office('KPPN', 'Asia/Jayapura', null);
    const agents = await Promise.all(
      // One name with what JSON must escape, and beyond ASCII: the report's JSON text comes from SQL.
      ['Petugas Laporan Satu', 'Petugas Laporan Dua', 'Petugas "Laporan" \\ Tiga\tÉ'].map((n) => createPerson(t.db, n)),
    );
    const kppns = [offices.wita, offices.wib, offices.wit];
    const [{ id: satkerId }] = await t.db.query(
      `INSERT INTO satkers (code, name, kppn_id) VALUES ($1, 'Satker Laporan', $2) RETURNING id`,
      [String(100000 + Math.floor(Math.random() * 899999)), offices.wita.id],
    );
    // 600 tickets over 2019 with every kind of figure: unanswered, open, reopened, rated, unassigned.
    await t.db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form,
                            assignee_id, filed_by, correction_rounds, created_at, updated_at, resolved_at, response_minutes, response_met,
                            resolution_minutes, resolution_met, rating, reopen_count, reopen_cycles_measured, reopen_cycles_met)
       SELECT 'R-' || n, ($1::uuid[])[1 + n % 3], $2, (ARRAY['PERTANYAAN', 'PENGADUAN'])[1 + n % 2], 'lifecycle', 1, 'DITUTUP',
              '{"value": "DITUTUP", "context": {}}', 'Laporan ' || n, '{}',
              CASE WHEN n % 7 = 0 THEN NULL ELSE ($3::uuid[])[1 + n % 3] END, ($3::uuid[])[1], n % 4,
              c.at, c.at, CASE WHEN n % 5 <> 0 THEN c.at + interval '1 day' END,
              CASE WHEN n % 11 <> 0 THEN (n * 37) % 480 END, CASE WHEN n % 11 <> 0 THEN (n * 37) % 480 <= 240 END,
              CASE WHEN n % 5 <> 0 THEN (n * 53) % 1800 END, CASE WHEN n % 5 <> 0 THEN (n * 53) % 1800 <= 900 END,
              (ARRAY['POSITIF', 'NETRAL', 'NEGATIF', NULL])[1 + n % 4], CASE WHEN n % 13 = 0 THEN 1 ELSE 0 END,
              CASE WHEN n % 13 = 0 THEN 1 ELSE 0 END, CASE WHEN n % 26 = 0 THEN 1 ELSE 0 END
         FROM generate_series(1, 600) n
        CROSS JOIN LATERAL (SELECT timestamptz '2019-01-01 00:00+07' + (n * 0.6) * interval '1 day' + (n % 24) * interval '1 hour' AS at) c`,
      [kppns.map((o) => o.id), satkerId, agents.map((a) => a.id)],
    );
    // Near midnight at the end of February: in March on a WITA office's clock, in February on a WIB one's.
    await t.db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by, created_at, updated_at)
       VALUES ('R-WITA', $1, $3, 'PERTANYAAN', 'lifecycle', 1, 'BARU', '{"value": "BARU", "context": {}}', 'Tengah malam', '{}', $4, $5, $5),
              ('R-WIB', $2, $3, 'PERTANYAAN', 'lifecycle', 1, 'BARU', '{"value": "BARU", "context": {}}', 'Tengah malam', '{}', $4, $5, $5)`,
      [offices.wita.id, offices.wib.id, satkerId, agents[0].id, new Date('2019-03-01T00:30:00+08:00')],
    );
    await t.app.get(SlaReportSummary).refresh();
  });
  afterAll(() => t.close());

  const scopes = () => ({
    national: [offices.pusat.id],
    kanwil: [offices.kanwil.id],
    kppn: [offices.wita.id],
    twoOffices: [offices.wita.id, offices.wit.id],
  });

  it('gives the same figures from the summary as from the tickets, for every scope and period', async () => {
    const reports = t.app.get(SlaReports);
    const periods: ReportPeriod[] = [
      YEAR,
      { from: '2019-02-15', to: '2019-05-10' },
      { from: '2019-03-01', to: '2019-03-02' },
    ];
    for (const [name, supervisorOfficeIds] of Object.entries(scopes())) {
      for (const period of periods) {
        const report = await reports.report({ supervisorOfficeIds }, period, { agentRows: true });
        const ids = (
          await t.db.query(`SELECT id FROM offices WHERE code = ANY($1::text[])`, [report.offices.map((o) => o.code)])
        ).map((o: { id: string }) => o.id);
        const direct: Row[] = await t.db.query(DIRECT, [ids, period.from, period.to]);
        expect(direct.length).toBeGreaterThan(0);
        expect({ name, period, rows: sorted(report.rows) }).toEqual({ name, period, rows: sorted(direct) });
        expect(report.rows).toEqual(inReportOrder(report.rows));
        // The API splices this text in unparsed: it must be what JSON.stringify writes, byte for byte.
        const { rowsJson } = await reports.reportJson({ supervisorOfficeIds }, period, { agentRows: true });
        expect(rowsJson.join('')).toBe(JSON.stringify(report.rows));
      }
    }
  });

  it("leaves each agent's rows out of a scope wider than one office unless asked, keeping every sum", async () => {
    const reports = t.app.get(SlaReports);
    const agentLines = (r: { rows: Array<Record<string, unknown>> }) => r.rows.filter((x) => x.rollupLevel === 0);
    for (const period of [YEAR, { from: '2019-02-15', to: '2019-05-10' }]) {
      const national = await reports.report({ supervisorOfficeIds: scopes().national }, period);
      const full = await reports.report({ supervisorOfficeIds: scopes().national }, period, { agentRows: true });
      expect([national.agentRows, agentLines(national)]).toEqual([false, []]);
      expect(full.agentRows).toBe(true);
      expect(agentLines(full).length).toBeGreaterThan(0);
      expect(national.rows).toEqual(full.rows.filter((x) => x.rollupLevel !== 0));
      const kppn = await reports.report({ supervisorOfficeIds: scopes().kppn }, period);
      expect(kppn.agentRows).toBe(true);
      expect(agentLines(kppn).length).toBeGreaterThan(0);
    }
  });

  it('keeps the summary in step with the tickets once refreshed, and says as of when', async () => {
    const summary = t.app.get(SlaReportSummary);
    await t.db.query(`UPDATE tickets SET rating = 'NEGATIF' WHERE number = 'R-5' AND office_id = $1`, [offices.wit.id]);
    const before = await t.app.get(SlaReports).report({ supervisorOfficeIds: scopes().national }, YEAR);
    expect(await summary.refresh()).toBeGreaterThanOrEqual(1);
    const after = await t.app.get(SlaReports).report({ supervisorOfficeIds: scopes().national }, YEAR);
    expect(after.asOf!.getTime()).toBeGreaterThan(before.asOf!.getTime());
    const negatif = (r: typeof before) =>
      r.rows.filter((x) => x.rollupLevel === 7).reduce((sum, x) => sum + Number(x.ratingNegatif), 0);
    expect(negatif(after)).toBe(negatif(before) + 1);
  });

  it("counts a ticket filed near midnight in its own office's month, in the report and its drill-down", async () => {
    const march = { from: '2019-03-01', to: '2019-04-01' };
    const february = { from: '2019-02-01', to: '2019-03-01' };
    const reports = t.app.get(SlaReports);
    const tickets = t.app.get(SlaReportTickets);
    const filedIn = async (officeId: string, period: ReportPeriod, month: string) =>
      (await tickets.list({ supervisorOfficeIds: [officeId] }, period, { month, limit: 500 })).items;
    // 00:30 WITA on 1 March is 23:30 WIB on 28 February: March for the WITA office, February for the WIB one.
    const witaMarch = await filedIn(offices.wita.id, march, '2019-03');
    const wita = witaMarch.find((i) => i.number === 'R-WITA')!;
    expect(wita.timeZone).toBe('Asia/Makassar');
    expect(formatDateTime(wita.createdAt, wita.timeZone)).toContain('1 Maret 2019 pukul 00.30 WITA');
    expect((await filedIn(offices.wita.id, february, '2019-02')).some((i) => i.number === 'R-WITA')).toBe(false);
    expect((await filedIn(offices.wib.id, february, '2019-02')).some((i) => i.number === 'R-WIB')).toBe(true);
    expect((await filedIn(offices.wib.id, march, '2019-03')).some((i) => i.number === 'R-WIB')).toBe(false);
    // The report counts what the drill-down lists; the Kanwil's month is the sum of its offices' months.
    const filed = async (ids: string[], level: number, office?: string) =>
      (await reports.report({ supervisorOfficeIds: ids }, march)).rows.find(
        (r) => r.month === '2019-03' && r.rollupLevel === level && (office === undefined || r.office === office),
      )?.filed;
    expect(await filed([offices.wita.id], 3, offices.wita.code)).toBe(witaMarch.length);
    const kanwilMonth = await filed([offices.kanwil.id], 7);
    const parts = await Promise.all([offices.wita, offices.wib].map((o) => filed([offices.kanwil.id], 3, o.code)));
    expect(kanwilMonth).toBe(parts.reduce((a, b) => Number(a ?? 0) + Number(b ?? 0), 0));
  });

  it('puts open tickets in age buckets by the hours since filing, in the report and its drill-down', async () => {
    const [{ id: satkerId }] = await t.db.query(`SELECT id FROM satkers WHERE kppn_id = $1`, [offices.wita.id]);
    const [{ id: filedBy }] = await t.db.query(`SELECT id FROM persons LIMIT 1`);
    // An hour either side of each bound: 1 day, 3 days and 7 days.
    await t.db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form, filed_by, created_at, updated_at)
       SELECT 'R-UMUR-' || h, $1, $2, 'PENGADUAN', 'lifecycle', 1, 'DIPROSES', '{"value": "DIPROSES", "context": {}}', 'Umur ' || h, '{}', $3,
              now() - h * interval '1 hour', now()
         FROM unnest(ARRAY[23, 25, 71, 73, 167, 169]) h`,
      [offices.wita.id, satkerId, filedBy],
    );
    const scope = { supervisorOfficeIds: [offices.wita.id] };
    const report = await t.app.get(SlaReports).report(scope, YEAR);
    expect(report.backlog.find((b) => b.service === 'PENGADUAN')).toEqual({
      office: offices.wita.code,
      service: 'PENGADUAN',
      under1Day: 1,
      days1To3: 2,
      days3To7: 2,
      over7Days: 1,
    });
    const listed = async (age: 'under1Day' | 'days1To3' | 'days3To7' | 'over7Days') =>
      (await t.app.get(SlaReportTickets).list(scope, YEAR, { age, serviceCode: 'PENGADUAN', limit: 50 })).items
        .map((i) => i.number)
        .sort();
    expect(await listed('under1Day')).toEqual(['R-UMUR-23']);
    expect(await listed('days1To3')).toEqual(['R-UMUR-25', 'R-UMUR-71']);
    expect(await listed('days3To7')).toEqual(['R-UMUR-167', 'R-UMUR-73']);
    expect(await listed('over7Days')).toEqual(['R-UMUR-169']);
  });
});
