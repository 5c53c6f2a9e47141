import { ROLLUP, toCsv } from './report-rows';

/** What each rollup level of a report row adds up, as a reader of the spreadsheet would say it. */
export const ROLLUP_LABELS: Record<number, string> = {
  [ROLLUP.AGENT]: 'Petugas',
  [ROLLUP.OFFICE_SERVICE]: 'Layanan per kantor',
  [ROLLUP.OFFICE]: 'Kantor',
  [ROLLUP.SERVICE]: 'Layanan (semua kantor)',
  [ROLLUP.MONTH]: 'Total bulan',
};

/** The report's figures and their column headers, in the order the page shows them. */
const FIGURES: Array<[string, string]> = [
  ['filed', 'Tiket diajukan'],
  ['resolved', 'Tiket selesai'],
  ['responseWithinTargetPct', 'Respons dalam target (%)'],
  ['resolutionWithinTargetPct', 'Penyelesaian dalam target (%)'],
  ['responseMedianMinutes', 'Median respons (menit kerja)'],
  ['responseP90Minutes', 'P90 respons (menit kerja)'],
  ['resolutionMedianMinutes', 'Median penyelesaian (menit kerja)'],
  ['resolutionP90Minutes', 'P90 penyelesaian (menit kerja)'],
  ['correctionRoundsPerTicket', 'Putaran perbaikan per tiket'],
  ['ratingPositif', 'Penilaian positif'],
  ['ratingNetral', 'Penilaian netral'],
  ['ratingNegatif', 'Penilaian negatif'],
  ['reopened', 'Tiket dibuka kembali'],
  ['reopenResolutionWithinTargetPct', 'Penyelesaian siklus ulang dalam target (%)'],
];
const DESCRIBED = new Set(['month', 'rollupLevel', 'office', 'service', 'agent', ...FIGURES.map(([key]) => key)]);

export interface ReportForCsv {
  offices: Array<{ code: string; name: string }>;
  rows: Array<Record<string, unknown>>;
}

/**
 * The SLA report as a spreadsheet: Indonesian headers, office and service named as well as coded,
 * the level in words, and a UTF-8 byte order mark so Excel reads the names right. A figure the
 * report gains later still comes out, under its own name, rather than being dropped.
 */
export function slaReportCsv(report: ReportForCsv, serviceTitles: Map<string, string>): string {
  const offices = new Map(report.offices.map((o) => [o.code, o.name]));
  const extra = [...new Set(report.rows.flatMap((r) => Object.keys(r)))].filter((k) => !DESCRIBED.has(k));
  const line = (r: Record<string, unknown>) => ({
    Bulan: r.month,
    Tingkat: ROLLUP_LABELS[r.rollupLevel as number] ?? String(r.rollupLevel),
    'Kode kantor': r.office ?? '',
    Kantor: offices.get(r.office as string) ?? '',
    'Kode layanan': r.service ?? '',
    Layanan: serviceTitles.get(r.service as string) ?? r.service ?? '',
    Petugas: r.agent ?? '',
    ...Object.fromEntries(FIGURES.map(([key, header]) => [header, r[key]])),
    ...Object.fromEntries(extra.map((key) => [key, r[key]])),
  });
  const rows = report.rows.length ? report.rows.map(line) : [];
  const body = rows.length ? toCsv(rows) : `${toCsv([line({})]).split('\r\n')[0]}\r\n`;
  return `\uFEFF${body}`;
}

/** laporan-sla-<first day>_<last day>.csv: the period as the page shows it (both days inclusive). */
export function slaReportFileName(from: string, toExclusive: string): string {
  const last = new Date(Date.parse(`${toExclusive}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);
  return `laporan-sla-${from}_${last}.csv`;
}
