import { dashboardModel } from './dashboard-model';
import { choosePeriod, monthsOf, thisYear } from './report-period';

const period = { dari: '2026-01-01', sampai: '2026-02-28', from: '2026-01-01', to: '2026-03-01' };
const row = (month: string, level: number, extra: Record<string, unknown>) => ({
  month,
  rollupLevel: level,
  office: null,
  service: null,
  agent: null,
  filed: 2,
  resolved: 2,
  resolutionWithinTargetPct: 50,
  responseWithinTargetPct: 87.5,
  ...extra,
});
const offices = Array.from({ length: 10 }, (_, i) => `K${String(i).padStart(2, '0')}`);

function report() {
  return {
    period: { from: period.from, to: period.to },
    offices: [{ code: 'K00', name: 'KPPN Nol' }],
    moreBreaches: false,
    asOf: null,
    agentRows: false,
    rows: [
      row('2026-01', 7, { filed: 5, resolved: 4 }),
      row('2026-02', 7, { filed: 3, resolved: 1 }),
      row('2026-01', 5, { service: 'PERTANYAAN', filed: 3, resolutionWithinTargetPct: 66.7 }),
      row('2026-02', 5, { service: 'PERTANYAAN', filed: 1, resolutionWithinTargetPct: null }),
      ...offices.flatMap((o, i) =>
        ['2026-01', '2026-02'].map((m) => row(m, 3, { office: o, resolutionWithinTargetPct: 10 * i })),
      ),
    ],
    backlog: Array.from({ length: 20 }, (_, i) => ({
      office: `B${i}`,
      service: 'PERTANYAAN',
      under1Day: i,
      days1To3: 0,
      days3To7: 0,
      over7Days: 1,
    })),
    breaches: Array.from({ length: 60 }, (_, i) => ({
      ticketId: `id-${i}`,
      number: `N-${i}`,
      service: 'PERTANYAAN',
      office: 'K00',
      timeZone: 'Asia/Makassar',
      clock: 'RESOLUTION' as const,
      dueAt: new Date(),
      stoppedAt: null,
      breachedAt: new Date(),
      agent: null,
    })),
  };
}

const names = { services: new Map([['PERTANYAAN', 'Pertanyaan Umum']]), offices: new Map([['K00', 'KPPN Nol']]) };

describe('dashboardModel', () => {
  const model = dashboardModel(report(), names, period);

  it('adds up the months and keeps every month of the period, with or without tickets', () => {
    expect(model.totals).toEqual({ filed: 8, resolved: 5, breaches: 60 });
    expect(model.months.map((m) => m.label)).toEqual(['Jan 2026', 'Feb 2026']);
  });

  it('gives each cell its figure in Indonesian notation and the link to its tickets', () => {
    const [service] = model.services.rows;
    expect(service.name).toBe('Pertanyaan Umum');
    expect(service.cells.map((c) => [c.text, c.filed])).toEqual([
      ['66,7%', 3],
      ['–', 1],
    ]);
    expect(service.cells[0].href).toBe(
      '/laporan-sla/tiket?dari=2026-01-01&sampai=2026-02-28&bulan=2026-01&layanan=PERTANYAAN',
    );
    expect(service.cells[1].describe).toBe('Pertanyaan Umum, Feb 2026: belum ada yang selesai, 1 tiket diajukan');
  });

  it('charts the first-response target when asked, in the same shape', () => {
    const respons = dashboardModel(report(), names, period, 'respons');
    expect(respons.services.caption).toBe('Kepatuhan respons pertama per layanan dan bulan');
    expect(respons.services.rows[0].cells.map((c) => c.text)).toEqual(['87,5%', '87,5%']);
    expect(respons.services.svg).toContain(
      '<title id="grafik-layanan-judul">Kepatuhan SLA respons pertama per layanan</title>',
    );
  });

  it('draws at most eight offices, those with the lowest compliance, and says so; the table keeps all', () => {
    expect(model.offices.rows).toHaveLength(10);
    const drawn = model.offices.svg.match(/<polyline class="seri"/g);
    expect(drawn).toHaveLength(8);
    expect(model.offices.svg).not.toContain('>K09<');
    expect(model.offices.svg).toContain('>KPPN Nol<');
    expect(model.offices.note).toBe(
      'Grafik menampilkan 8 kantor dengan kepatuhan rata-rata terendah; tabel memuat semua 10.',
    );
    expect(model.services.note).toBeNull();
  });

  it('bars the fifteen offices with most open tickets, and lists fifty breaches with a link to all', () => {
    expect(model.backlog.rows).toHaveLength(20);
    expect(model.backlog.svg.match(/<rect class="segmen"/g)!.length).toBe(15 * 2);
    expect(model.backlog.svg).toContain('>B19<');
    expect(model.backlog.svg).not.toContain('>B4<');
    expect(model.backlog.note).toContain('15 kantor dengan tiket terbuka terbanyak');
    expect(model.backlog.total).toBe(190 + 20);
    expect(model.breaches).toHaveLength(50);
    expect(model.breachesAll).toBe('/laporan-sla/tiket?dari=2026-01-01&sampai=2026-02-28&terlambat=ya');
  });
});

describe('choosePeriod', () => {
  it('defaults to this year on the WIB calendar', () => {
    expect(thisYear(new Date('2026-12-31T17:30:00Z'))).toMatchObject({ dari: '2027-01-01', to: '2028-01-01' });
    expect(choosePeriod({}, new Date('2026-06-01T00:00:00Z'))).toEqual({
      period: { dari: '2026-01-01', sampai: '2026-12-31', from: '2026-01-01', to: '2027-01-01' },
      errors: null,
    });
  });

  it('turns the inclusive last day into the report end, and refuses what is not a period', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(choosePeriod({ dari: '2026-02-01', sampai: '2026-02-28' }, now).period).toMatchObject({
      from: '2026-02-01',
      to: '2026-03-01',
    });
    expect(choosePeriod({ dari: '2026-02-30', sampai: '2026-03-01' }, now).errors).toEqual({
      dari: 'Tanggal awal harus tanggal yang nyata (HH/BB/TTTT).',
    });
    expect(choosePeriod({ dari: '2026-03-01', sampai: '2026-02-01' }, now).errors).toEqual({
      sampai: 'Tanggal akhir tidak boleh sebelum tanggal awal.',
    });
    expect(choosePeriod({ dari: '2020-01-01', sampai: '2026-01-01' }, now).errors).toEqual({
      sampai: 'Periode paling lama 5 tahun.',
    });
  });

  it('lists the months a period touches', () => {
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
