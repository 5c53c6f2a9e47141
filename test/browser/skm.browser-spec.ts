import type { Page } from 'playwright-core';
import { ikmFromAnswers, periodOf, previousPeriod, SEMESTER_LABELS, SKM_ELEMENTS } from '@loket/skm';
import { login } from '../support/api';
import { closedTicket, randomAnswers, seedResponses } from '../support/skm';
import { createPerson } from '../support/world';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

const fitsWidth = (page: Page) =>
  page.evaluate(() => {
    const doc = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document;
    return doc.documentElement.scrollWidth <= doc.documentElement.clientWidth;
  });

// Issue #17 (SKM): a satker fills the survey after its ticket is completed; a supervisor reads the
// IKM of the last semester, from responses dated in that semester.
describe('browser journey: SKM survey after a completed ticket, and the supervisor IKM', () => {
  const ctx = useJourney('skm');

  it('runs in Chromium from the home prompt to the survey, then the supervisor report', async () => {
    const { t, w, journey } = ctx;
    const [satkerToken, csoToken] = await Promise.all([login(t, w.satkerUser), login(t, w.cso)]);
    const ticket = await closedTicket(t, satkerToken, csoToken);

    const page = await journey.person();
    await signIn(page, w.satkerUser);
    await page.getByRole('link', { name: `Isi survei untuk tiket ${ticket.number}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Survei Kepuasan Masyarakat' }).waitFor();
    // On a phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await journey.capture(page, 'survei');
    // The top answer to every question, as the regulation words it for each unsur.
    for (const [i, e] of SKM_ELEMENTS.entries()) {
      await page
        .getByRole('group', { name: `${i + 1}. ${e.name}` })
        .getByLabel(e.answers[3], { exact: true })
        .check();
    }
    await page.getByRole('group', { name: 'Jenis kelamin' }).getByLabel('Perempuan').check();
    await page.getByLabel('Umur (tahun)').fill('38');
    await page.getByLabel('Pendidikan terakhir').selectOption('S1');
    await page.getByLabel('Pekerjaan', { exact: true }).selectOption('PNS');
    await page.getByLabel('Saran dan masukan (opsional)').fill('Pelayanan cepat dan ramah.');
    await page.getByRole('button', { name: 'Kirim survei' }).click();
    await page.getByText('Terima kasih. Survei Anda sudah kami terima.').waitFor();
    await journey.capture(page, 'survei-terkirim');
    const [row] = await t.db.query(
      `SELECT u1, u9, jenis_kelamin, umur, saran FROM skm_responses WHERE ticket_id = $1`,
      [ticket.id],
    );
    expect(row).toEqual({ u1: 4, u9: 4, jenis_kelamin: 'P', umur: 38, saran: 'Pelayanan cepat dan ramah.' });
    await page.getByRole('link', { name: `Kembali ke tiket ${ticket.number}` }).click();
    await page.getByRole('heading', { level: 1, name: `Tiket ${ticket.number}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Isi survei' }).count()).toBe(0);

    // Last semester's questionnaires at this KPPN; the supervisor page opens on that semester.
    const last = previousPeriod(periodOf(new Date()));
    const pertanyaan = randomAnswers(8, 2);
    const pengaduan = randomAnswers(5, 1);
    await seedResponses(t.db, w.kppnId, 'PERTANYAAN', last, pertanyaan);
    await seedResponses(t.db, w.kppnId, 'PENGADUAN', last, pengaduan);
    const boss = await createPerson(t.db, 'Kepala KPPN');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      boss.id,
      w.kppnId,
    ]);
    const reader = await journey.person();
    await signIn(reader, boss);
    await reader.getByRole('link', { name: 'Laporan SKM' }).click();
    await reader.getByRole('heading', { level: 1, name: 'Laporan Survei Kepuasan Masyarakat' }).waitFor();
    expect(await reader.getByLabel('Periode', { exact: true }).inputValue()).toBe(String(last.semester));
    expect(
      await reader
        .getByText(
          `Semester ${last.semester} (${SEMESTER_LABELS[last.semester]}) ${last.year}, menurut tanggal pengisian survei`,
        )
        .count(),
    ).toBe(1);
    const all = ikmFromAnswers([...pertanyaan, ...pengaduan])!;
    const facts = reader.locator('dl.facts');
    expect((await facts.locator('dd').allTextContents()).map((s) => s.trim())).toEqual([
      String(all.respondents),
      all.ikm.toFixed(2).replace('.', ','),
      all.mutu,
      all.kinerja,
    ]);
    expect(await reader.getByRole('img', { name: /Nilai rata-rata per unsur/ }).count()).toBe(1);
    const nrr = reader.getByRole('table', { name: 'Nilai rata-rata (NRR) per unsur di seluruh cakupan' });
    expect(await nrr.locator('tbody td:first-of-type').allTextContents()).toEqual(
      all.elements.map((e) => e.nrr.toFixed(3).replace('.', ',')),
    );
    await journey.capture(reader, 'laporan-skm');
    await reader.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(reader)).toBe(true);
    await journey.capture(reader, 'laporan-skm-ponsel');
  }, 120000);
});
