import { BACKLOG_AGES, ROLLUP, type BacklogAge, type SlaReports } from '@loket/sla';
import { monthLabel, monthsOf, type PeriodChoice } from './report-period';
import { lineChart, stackedBars, type Series } from './svg-charts';
import { CLOCKS } from '../tickets/ticket-labels';

type Report = Awaited<ReturnType<SlaReports['report']>>;
type Row = Record<string, unknown>;

export const AGE_LABELS: Record<BacklogAge, string> = {
  under1Day: '< 1 hari',
  days1To3: '1-3 hari',
  days3To7: '3-7 hari',
  over7Days: '≥ 7 hari',
};
const AGE_COLORS = ['#1e6b3a', '#8a4b00', '#c2410c', '#8a1c1c'];

/** The two SLA targets a supervisor may chart: each a column of the report. */
export const TARGETS = {
  penyelesaian: { field: 'resolutionWithinTargetPct', noun: 'penyelesaian', none: 'belum ada yang selesai' },
  respons: { field: 'responseWithinTargetPct', noun: 'respons pertama', none: 'belum ada yang direspons' },
} as const;
export type Target = keyof typeof TARGETS;

export interface DashboardNames {
  services: Map<string, string>;
  offices: Map<string, string>;
}

const pct = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const pctText = (v: number | null) =>
  v === null ? '–' : `${v.toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
const periodQuery = (p: PeriodChoice) => `dari=${p.dari}&sampai=${p.sampai}`;

/** Labels under a chart's axis: every month while they fit, fewer when the period is long. */
function axisLabels(months: string[]): string[] {
  const every = Math.ceil(months.length / 12);
  return months.map((m, i) => (i % every === 0 ? `${monthLabel(m).slice(0, 3)} ${m.slice(2, 4)}` : ''));
}

/**
 * Resolution within target per month for one kind of row (a service across the scope, or an
 * office): a chart, and the same figures as a table whose cells open the tickets behind them.
 */
function compliance(
  rows: Row[],
  level: number,
  key: 'service' | 'office',
  months: string[],
  names: Map<string, string>,
  period: PeriodChoice,
  target: Target,
  id: string,
) {
  const { field, noun, none } = TARGETS[target];
  const per = key === 'service' ? 'layanan' : 'kantor';
  const byKey = new Map<string, Map<string, Row>>();
  for (const r of rows.filter((x) => x.rollupLevel === level)) {
    const k = String(r[key]);
    if (!byKey.has(k)) byKey.set(k, new Map());
    byKey.get(k)!.set(r.month as string, r);
  }
  const table = [...byKey.keys()].sort().map((k) => {
    const name = names.get(k) ?? k;
    return {
      code: k,
      name,
      cells: months.map((m) => {
        const row = byKey.get(k)!.get(m);
        const value = row ? pct(row[field]) : null;
        const filed = row ? Number(row.filed) : 0;
        return {
          month: m,
          value,
          text: pctText(value),
          filed,
          describe: `${name}, ${monthLabel(m)}: ${value === null ? none : `${pctText(value)} ${noun} dalam target`}, ${filed} tiket diajukan`,
          href: row ? `/laporan-sla/tiket?${periodQuery(period)}&bulan=${m}&${per}=${encodeURIComponent(k)}` : null,
        };
      }),
    };
  });
  const lines = lowest(table.map((t) => ({ name: t.name, values: t.cells.map((c) => c.value) })));
  const svg = lineChart({
    id,
    title: `Kepatuhan SLA ${noun} per ${per}`,
    categories: axisLabels(months),
    series: lines,
    max: 100,
    unit: '%',
    description:
      `Persentase tiket dengan ${noun} dalam target per bulan pengajuan, ${monthLabel(months[0])} sampai ${monthLabel(months[months.length - 1])}, ` +
      `${lines.length < table.length ? `${lines.length} garis dengan rata-rata terendah dari ${table.length}` : `${table.length} garis`}. ` +
      'Angka lengkapnya ada pada tabel di bawah grafik.',
  });
  const note =
    lines.length < table.length
      ? `Grafik menampilkan ${lines.length} ${per} dengan kepatuhan rata-rata terendah; tabel memuat semua ${table.length}.`
      : null;
  return { rows: table, svg, note, caption: `Kepatuhan ${noun} per ${per} dan bulan` };
}

const MAX_LINES = 8;
const MAX_BARS = 15;
const SHOWN_BREACHES = 50;
const mean = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : Infinity;
};

/** A chart stays readable: beyond a handful of lines, those most in need of attention (lowest average). */
function lowest(series: Series[]): Series[] {
  if (series.length <= MAX_LINES) return series;
  return [...series].sort((a, b) => mean(a.values) - mean(b.values)).slice(0, MAX_LINES);
}

function backlogModel(report: Report, names: DashboardNames, period: PeriodChoice) {
  const ages = Object.keys(BACKLOG_AGES) as BacklogAge[];
  const offices = [...new Set(report.backlog.map((b) => String(b.office)))].sort();
  const rows = offices.map((office) => {
    const mine = report.backlog.filter((b) => b.office === office);
    const counts = ages.map((age) => mine.reduce((sum, b) => sum + Number(b[age] ?? 0), 0));
    return {
      code: office,
      name: names.offices.get(office) ?? office,
      total: counts.reduce((a, b) => a + b, 0),
      cells: ages.map((age, i) => ({
        age,
        count: counts[i],
        href: counts[i]
          ? `/laporan-sla/tiket?${periodQuery(period)}&umur=${age}&kantor=${encodeURIComponent(office)}`
          : null,
      })),
    };
  });
  const bars = rows.length <= MAX_BARS ? rows : [...rows].sort((a, b) => b.total - a.total).slice(0, MAX_BARS);
  const svg = stackedBars({
    id: 'grafik-tunggakan',
    title: 'Tiket terbuka menurut umur',
    description:
      `Jumlah tiket yang masih terbuka per kantor${bars.length < rows.length ? ` (${bars.length} kantor dengan tiket terbuka terbanyak dari ${rows.length})` : ''}, ` +
      `dikelompokkan menurut umur sejak diajukan (${ages.map((a) => AGE_LABELS[a]).join(', ')}). Angka lengkapnya ada pada tabel di bawah grafik.`,
    categories: bars.map((r) => r.name),
    colors: AGE_COLORS,
    segments: ages.map((age, i) => ({ name: AGE_LABELS[age], values: bars.map((r) => r.cells[i].count) })),
  });
  const note =
    bars.length < rows.length
      ? `Grafik menampilkan ${bars.length} kantor dengan tiket terbuka terbanyak; tabel memuat semua ${rows.length}.`
      : null;
  return { ages: ages.map((a) => AGE_LABELS[a]), rows, svg, note, total: rows.reduce((sum, r) => sum + r.total, 0) };
}

/** Everything the dashboard shows, from the report service's answer. */
export function dashboardModel(
  report: Report,
  names: DashboardNames,
  period: PeriodChoice,
  target: Target = 'penyelesaian',
) {
  const months = monthsOf(period);
  const totals = report.rows.filter((r) => r.rollupLevel === ROLLUP.MONTH);
  return {
    // Whole months come from the summary the worker refreshes: the page says as of when.
    asOf: report.asOf,
    totals: {
      filed: totals.reduce((sum, r) => sum + Number(r.filed), 0),
      resolved: totals.reduce((sum, r) => sum + Number(r.resolved), 0),
      // The report lists the latest 1000 breaches; beyond that the page says "lebih dari 1000".
      breaches: report.moreBreaches ? `lebih dari ${report.breaches.length}` : report.breaches.length,
    },
    months: months.map((m) => ({ code: m, label: monthLabel(m) })),
    target: TARGETS[target].noun,
    services: compliance(
      report.rows,
      ROLLUP.SERVICE,
      'service',
      months,
      names.services,
      period,
      target,
      'grafik-layanan',
    ),
    offices: compliance(report.rows, ROLLUP.OFFICE, 'office', months, names.offices, period, target, 'grafik-kantor'),
    backlog: backlogModel(report, names, period),
    breachesAll:
      report.moreBreaches || report.breaches.length > SHOWN_BREACHES
        ? `/laporan-sla/tiket?${periodQuery(period)}&terlambat=ya`
        : null,
    breaches: report.breaches.slice(0, SHOWN_BREACHES).map((b) => ({
      ticketId: String(b.ticketId),
      number: String(b.number),
      service: names.services.get(String(b.service)) ?? String(b.service),
      office: names.offices.get(String(b.office)) ?? String(b.office),
      clock: CLOCKS[String(b.clock)] ?? String(b.clock),
      dueAt: b.dueAt,
      timeZone: b.timeZone,
      breachedAt: b.breachedAt,
      agent: b.agent ?? null,
      stopped: b.stoppedAt !== null,
    })),
  };
}
