import { LEVEL_LABELS, periodOf, previousPeriod, type Semester, type SkmReport, type SkmReportQuery } from '@loket/skm';
import { stackedBars } from '../reports/svg-charts';

export interface SkmPeriodChoice {
  tahun: string;
  /** '1', '2', or '' for the whole year. */
  semester: string;
}

/** The period a supervisor chose (tahun, semester); the last complete semester when none. */
export function chooseSkmPeriod(
  q: Record<string, unknown>,
  now: Date,
): { choice: SkmPeriodChoice; query: SkmReportQuery | null; errors: Record<string, string> } {
  const last = previousPeriod(periodOf(now));
  const given = typeof q.tahun === 'string' || typeof q.semester === 'string';
  const choice = given
    ? {
        tahun: typeof q.tahun === 'string' ? q.tahun.slice(0, 4) : '',
        semester: typeof q.semester === 'string' ? q.semester.slice(0, 1) : '',
      }
    : { tahun: String(last.year), semester: String(last.semester) };
  const errors: Record<string, string> = {};
  if (!/^\d{4}$/.test(choice.tahun) || Number(choice.tahun) < 2017 || Number(choice.tahun) > 2100)
    errors.tahun = 'Tahun diisi empat angka, 2017 sampai 2100.';
  if (!['', '1', '2'].includes(choice.semester)) errors.semester = 'Pilih semester 1, semester 2, atau setahun penuh.';
  const query = Object.keys(errors).length
    ? null
    : { year: Number(choice.tahun), semester: choice.semester ? (Number(choice.semester) as Semester) : null };
  return { choice, query, errors };
}

const decimal = (n: number, digits: number) => n.toFixed(digits).replace('.', ',');
// Chart labels short enough for the label column; the table beside the chart names each unsur in full.
const SHORT: Record<string, string> = {
  U1: 'Persyaratan',
  U2: 'Prosedur',
  U3: 'Waktu',
  U4: 'Biaya/tarif',
  U5: 'Produk layanan',
  U6: 'Kompetensi',
  U7: 'Perilaku',
  U8: 'Pengaduan',
  U9: 'Sarana prasarana',
};

/** The page's figures: the scope's IKM, NRR per unsur and IKM per office as charts, and every row as a table. */
export function skmReportModel(report: SkmReport) {
  const total = report.rows.find((r) => r.level === 'TOTAL') ?? null;
  const offices = report.rows.filter((r) => r.level === 'KANTOR');
  const label = report.period.label;
  return {
    period: label,
    total: total && {
      respondents: total.respondents,
      ikm: decimal(total.ikm, 2),
      mutu: total.mutu,
      kinerja: total.kinerja,
    },
    elements: total ? total.elements.map((e) => ({ ...e, nrr: decimal(e.nrr, 3) })) : [],
    elementsSvg: stackedBars({
      id: 'grafik-nrr',
      title: `Nilai rata-rata per unsur, ${label}`,
      description:
        'Nilai rata-rata (skala 1-4) tiap unsur pelayanan di seluruh cakupan; angkanya ada di tabel di bawah grafik.',
      categories: total ? total.elements.map((e) => `${e.code} ${SHORT[e.code]}`) : [],
      segments: [{ name: 'Nilai rata-rata (1-4)', values: total ? total.elements.map((e) => e.nrr) : [] }],
      max: 4,
      format: (v) => decimal(v, 3),
    }),
    officesSvg: stackedBars({
      id: 'grafik-ikm',
      title: `IKM per kantor, ${label}`,
      description: 'Indeks Kepuasan Masyarakat (25-100) tiap kantor; angkanya ada di tabel rincian.',
      categories: offices.map((r) => r.officeName ?? r.office ?? ''),
      segments: [{ name: 'IKM (25-100)', values: offices.map((r) => r.ikm) }],
      max: 100,
      format: (v) => decimal(v, 2),
    }),
    rows: report.rows.map((r) => ({
      level: LEVEL_LABELS[r.level],
      office: r.officeName ?? 'Semua kantor',
      service: r.serviceTitle ?? 'Semua layanan',
      respondents: r.respondents,
      nrr: r.elements.map((e) => decimal(e.nrr, 3)),
      ikm: decimal(r.ikm, 2),
      mutu: r.mutu,
      kinerja: r.kinerja,
    })),
  };
}
