import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fail } from '@loket/common';
import { many } from '@loket/db';
import { reportOffices, toCsv, type ReportScope } from '@loket/sla';
import { Catalogue } from '@loket/workflow';
import { bandOfConverted, bandOfRatio } from './arithmetic';
import { periodLabel } from './period';
import { SKM_ELEMENTS, type Semester } from './regulation';

/** What a row adds up: a service at an office, an office, a service across the scope, everything in scope. */
export type SkmRowLevel = 'KANTOR_LAYANAN' | 'KANTOR' | 'LAYANAN' | 'TOTAL';
const LEVELS: Record<number, SkmRowLevel> = { 0: 'KANTOR_LAYANAN', 1: 'KANTOR', 2: 'LAYANAN', 3: 'TOTAL' };
export const LEVEL_LABELS: Record<SkmRowLevel, string> = {
  KANTOR_LAYANAN: 'Layanan di kantor',
  KANTOR: 'Kantor',
  LAYANAN: 'Layanan (semua kantor)',
  TOTAL: 'Seluruh cakupan',
};

export interface SkmReportQuery {
  year: number;
  /** null: the whole year. */
  semester: Semester | null;
}

export interface SkmReportRow {
  level: SkmRowLevel;
  office: string | null;
  officeName: string | null;
  service: string | null;
  serviceTitle: string | null;
  respondents: number;
  elements: Array<{ code: string; name: string; nrr: number; mutu: string; kinerja: string }>;
  ikm: number;
  mutu: string;
  kinerja: string;
}

const N = SKM_ELEMENTS.map((_, i) => i + 1);
// Everything is computed here, in one grouped pass over the report index: NRR per unsur (avg),
// IKM = total score x 25 / (9 x respondents), both rounded once by numeric round().
const REPORT_SQL = `
  WITH g AS (
    SELECT r.office_id, r.service_code, GROUPING(r.office_id, r.service_code)::int AS grp, count(*)::int AS respondents,
           ${N.map((i) => `sum(r.u${i})::int AS s${i}, round(avg(r.u${i}), 3)::float AS nrr${i}`).join(', ')},
           round(sum(${N.map((i) => `r.u${i}`).join(' + ')}) * 25.0 / (${N.length} * count(*)), 2)::float AS ikm
      FROM skm_responses r
     WHERE r.office_id = ANY($1::uuid[]) AND r.period_year = $2 AND ($3::int IS NULL OR r.period_half = $3::int)
     GROUP BY GROUPING SETS ((r.office_id, r.service_code), (r.office_id), (r.service_code), ()))
  SELECT g.*, o.code AS office, o.name AS "officeName" FROM g LEFT JOIN offices o ON o.id = g.office_id
   WHERE g.respondents > 0 -- the grand total () comes back even for a period without answers
   ORDER BY g.grp, o.code NULLS LAST, g.service_code NULLS LAST`;

type SqlRow = Record<string, number | string | null> & {
  grp: number;
  respondents: number;
  ikm: number;
  office: string | null;
  officeName: string | null;
  service_code: string | null;
};

/** IKM per office, service and period for a supervisor's scope (their KPPN; a Kanwil and its KPPNs; all from Kantor Pusat). */
@Injectable()
export class SkmReports {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
  ) {}

  async report(scope: ReportScope, q: SkmReportQuery) {
    if (scope.supervisorOfficeIds.length === 0) throw fail('NOT_A_SUPERVISOR', { what: 'Laporan SKM' });
    if (
      !Number.isInteger(q.year) ||
      q.year < 2017 ||
      q.year > 2100 ||
      (q.semester !== null && q.semester !== 1 && q.semester !== 2)
    ) {
      throw fail('INVALID_PERIOD', { reason: 'SEMESTER' });
    }
    const offices = await reportOffices(this.db, scope, { from: `${q.year}-01-01`, to: `${q.year + 1}-01-01` });
    const rows = await many<SqlRow>(this.db, REPORT_SQL, [offices.map((o) => o.id), q.year, q.semester]);
    const titles = new Map(this.catalogue.list().map((s) => [s.code, s.title]));
    return {
      period: { year: q.year, semester: q.semester, label: periodLabel(q.year, q.semester) },
      offices: offices.map(({ code, name }) => ({ code, name })),
      rows: rows.map((r): SkmReportRow => {
        const band = bandOfConverted(r.ikm);
        return {
          level: LEVELS[r.grp],
          office: r.office,
          officeName: r.officeName,
          service: r.service_code,
          serviceTitle: r.service_code ? (titles.get(r.service_code) ?? r.service_code) : null,
          respondents: r.respondents,
          elements: SKM_ELEMENTS.map((e, i) => {
            const b = bandOfRatio(Number(r[`s${i + 1}`]), r.respondents);
            return { code: e.code, name: e.name, nrr: Number(r[`nrr${i + 1}`]), mutu: b.mutu, kinerja: b.kinerja };
          }),
          ikm: r.ikm,
          mutu: band.mutu,
          kinerja: band.kinerja,
        };
      }),
    };
  }
}

export type SkmReport = Awaited<ReturnType<SkmReports['report']>>;

/** One CSV line of a row, under Indonesian headers (also the header of an empty report). */
const csvLine = (label: string, r: SkmReportRow | null) => ({
  Periode: label,
  Tingkat: r ? LEVEL_LABELS[r.level] : '',
  'Kode Kantor': r?.office ?? '',
  Kantor: r?.officeName ?? '',
  'Kode Layanan': r?.service ?? '',
  Layanan: r?.serviceTitle ?? '',
  'Jumlah Responden': r?.respondents ?? '',
  ...Object.fromEntries(
    SKM_ELEMENTS.map((e, i) => [`NRR ${e.code} ${e.name}`, r ? r.elements[i].nrr.toFixed(3).replace('.', ',') : '']),
  ),
  IKM: r ? r.ikm.toFixed(2).replace('.', ',') : '',
  Mutu: r?.mutu ?? '',
  Kinerja: r?.kinerja ?? '',
});

/** The report as a spreadsheet opens it: UTF-8 with BOM, Indonesian headers, one line per row (only the headers when empty). */
export function skmCsv(report: SkmReport): string {
  if (report.rows.length === 0) return `\uFEFF${toCsv([csvLine(report.period.label, null)]).split('\r\n')[0]}\r\n`;
  return `\uFEFF${toCsv(report.rows.map((r) => csvLine(report.period.label, r)))}`;
}
