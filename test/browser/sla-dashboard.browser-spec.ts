import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SlaReportSummary } from '@loket/sla';
import { monthLabel } from '../../apps/api/src/portal/reports/report-period';
import { auth, login, sendEvent } from '../support/api';
import { makeSupervisor, monthAgo, seedPastTickets } from '../support/sla-history';
import { createPerson } from '../support/world';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

const TABLE = 'Kepatuhan penyelesaian per layanan dan bulan';
const wibToday = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);

interface Cell {
  service: string;
  month: string;
  text: string;
  filed: number;
}

/** The figures of the per-service table as a person reads them, one per cell that has tickets. */
async function serviceFigures(page: Page): Promise<Cell[]> {
  const table = page.getByRole('table', { name: TABLE });
  const months = (await table.locator('thead th').allTextContents()).slice(1);
  const cells: Cell[] = [];
  const rows = table.locator('tbody tr');
  for (let r = 0; r < (await rows.count()); r += 1) {
    const service = (await rows.nth(r).locator('th').textContent())!.trim();
    const tds = rows.nth(r).locator('td');
    for (let c = 0; c < months.length; c += 1) {
      if ((await tds.nth(c).locator('a').count()) === 0) continue;
      const filed = Number(/(\d+) tiket/.exec((await tds.nth(c).locator('.hint').textContent())!)![1]);
      cells.push({ service, month: months[c], text: (await tds.nth(c).locator('a').textContent())!.trim(), filed });
    }
  }
  return cells;
}

// Journey 3 of issue #7: a KPPN supervisor opens the SLA dashboard, changes the period, drills down
// from a figure and from a breach to the tickets, and downloads the CSV, whose rows match the page.
describe('browser journey: supervisor SLA dashboard, drill-down and CSV', () => {
  const ctx = useJourney('laporan-sla');

  it('runs in Chromium from the dashboard to a ticket and the CSV', async () => {
    const { t, w, journey } = ctx;
    const mine = { officeId: w.kppnId, satkerId: w.satker.id, agentId: w.cso.id };
    const [, breached] = await seedPastTickets(t.db, [
      { ...mine, service: 'PERTANYAAN', monthsAgo: 2, resolutionMet: true },
      { ...mine, service: 'PERTANYAAN', monthsAgo: 2, resolutionMet: false, breached: true },
      { ...mine, service: 'PERTANYAAN', monthsAgo: 2, resolutionMet: true },
      { ...mine, service: 'PENGADUAN', monthsAgo: 1, resolutionMet: true },
      { ...mine, service: 'MYINTRESS_DAFTAR_KPPN', monthsAgo: 3, resolutionMet: false },
      { ...mine, service: 'PERTANYAAN', monthsAgo: 0, resolutionMet: null, daysAgo: 10 },
      { ...mine, service: 'PENGADUAN', monthsAgo: 0, resolutionMet: null, daysAgo: 2 },
    ]);
    // And one ticket of today, lived through the API.
    const [satkerToken, csoToken] = await Promise.all([login(t, w.satkerUser), login(t, w.cso)]);
    const asked = await t.http
      .post('/api/v1/tickets')
      .set(auth(satkerToken))
      .send({ service: 'PERTANYAAN', form: { perihal: 'Jadwal rekonsiliasi', uraian: 'Mohon info.' } });
    const claimed = await sendEvent(t, csoToken, asked.body.id, asked.body.version, { type: 'CLAIM' });
    await sendEvent(t, csoToken, asked.body.id, claimed.body.version, {
      type: 'COMPLETE',
      message: 'Jadwal terlampir.',
    });
    const [{ number: breachedNumber }] = await t.db.query(`SELECT number FROM tickets WHERE id = $1`, [breached]);
    const boss = await createPerson(t.db, 'Kepala Seksi Bank');
    await makeSupervisor(t.db, boss.id, w.kppnId);
    await t.app.get(SlaReportSummary).refresh(); // whole months come from the summary the worker refreshes

    const page = await journey.person();
    await signIn(page, boss);
    await page.getByRole('link', { name: 'Laporan SLA' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan SLA' }).waitFor();
    const year = wibToday().slice(0, 4);
    expect(await page.getByLabel('Dari tanggal').inputValue()).toBe(`${year}-01-01`);
    expect(await page.getByRole('img', { name: 'Kepatuhan SLA penyelesaian per layanan' }).count()).toBe(1);
    await journey.capture(page, 'dasbor-tahun-ini');

    // A period of its own: the last three months and this one.
    await page.getByLabel('Dari tanggal').fill(`${monthAgo(3)}-01`);
    await page.getByLabel('Sampai tanggal').fill(wibToday());
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/dari=/);
    const figures = await serviceFigures(page);
    expect(figures).toContainEqual({
      service: 'Pertanyaan Umum',
      month: monthLabel(monthAgo(2)),
      text: '66,7%',
      filed: 3,
    });
    expect(figures).toContainEqual({
      service: 'Pendaftaran User MyIntress Tipe Satker',
      month: monthLabel(monthAgo(3)),
      text: '0%',
      filed: 1,
    });
    await page.getByRole('img', { name: 'Tiket terbuka menurut umur' }).waitFor();
    await journey.capture(page, 'dasbor-periode');
    const dashboard = page.url();

    // The CSV of the same period: a CSV file whose (month, service) rows are the figures on the page.
    const href = (await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href'))!;
    const head = await page.request.get(href);
    expect(head.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh CSV' }).click(),
    ]);
    const dari = await page.locator('#dari').inputValue();
    const sampai = await page.locator('#sampai').inputValue();
    expect(download.suggestedFilename()).toBe(`laporan-sla-${dari}_${sampai}.csv`);
    const [header, ...lines]: string[][] = parse(readFileSync((await download.path())!, 'utf8'), { bom: true });
    const col = (name: string) => header.indexOf(name);
    const fromCsv = lines
      .filter((l) => l[col('Tingkat')] === 'Layanan (semua kantor)')
      .map((l) => ({
        service: l[col('Layanan')],
        month: monthLabel(l[col('Bulan')]),
        filed: Number(l[col('Tiket diajukan')]),
        text:
          l[col('Penyelesaian dalam target (%)')] === ''
            ? '–'
            : `${Number(l[col('Penyelesaian dalam target (%)')]).toLocaleString('id-ID')}%`,
      }));
    expect(fromCsv.sort((a, b) => `${a.service}${a.month}`.localeCompare(`${b.service}${b.month}`))).toEqual(
      figures.sort((a, b) => `${a.service}${a.month}`.localeCompare(`${b.service}${b.month}`)),
    );

    // Drill-down from a figure to its tickets, and on to one ticket.
    await page
      .getByRole('link', {
        name: `Pertanyaan Umum, ${monthLabel(monthAgo(2))}: 66,7% penyelesaian dalam target, 3 tiket diajukan`,
      })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tiket di balik laporan SLA' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(4);
    await journey.capture(page, 'tiket-di-balik-angka');
    await page.getByRole('link', { name: breachedNumber }).click();
    await page.getByRole('heading', { level: 1, name: `Tiket ${breachedNumber}` }).waitFor();
    await journey.capture(page, 'tiket-dari-angka');

    // From the breach list straight to the ticket.
    await page.goto(dashboard);
    await page
      .getByRole('table', { name: /melewati tenggat/ })
      .getByRole('link', { name: breachedNumber })
      .click();
    await page.getByRole('heading', { level: 1, name: `Tiket ${breachedNumber}` }).waitFor();
    expect(await page.locator('form[action$="/aksi"]').count()).toBe(0); // a supervisor reads, never acts
    await journey.capture(page, 'tiket-dari-pelanggaran');

    for (const p of journey.weights) expect(p.bytes).toBeLessThan(40 * 1024);
  }, 120000);
});
