import { fileRegistration, login, newUser, sendEvent } from '../support/api';
import { randomNik } from '../support/world';
import { ask } from '../support/workspace';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

// Issue 14, the agent's side: a CSO finds a ticket by the satker's name and by a NIK, bulk-claims
// three tickets, works the "Tiket saya" view, and sees the queue change when a colleague acts.
describe('browser journey: the CSO workspace', () => {
  const ctx = useJourney('ruang-kerja-cso');

  it('searches, bulk-claims, works "Tiket saya" and updates live in Chromium', async () => {
    const { t, w, journey } = ctx;
    const [satkerToken, cso2Token] = await Promise.all([login(t, w.satkerUser), login(t, w.cso2)]);
    const nik = randomNik();
    const registration = (await fileRegistration(t, satkerToken, [newUser('Rudi Hartono Wijaya', nik)])).body;
    const questions = [];
    for (const perihal of ['Jadwal rekonsiliasi', 'Revisi DIPA', 'Retur SP2D'])
      questions.push(await ask(t, satkerToken, perihal));

    const page = await journey.person();
    await signIn(page, w.cso);
    await page.goto('/antrian');
    await journey.capture(page, 'antrian');

    // By the satker's name: the search form POSTs, and text without a NIK lands on a shareable link.
    await page.getByLabel('Cari', { exact: true }).fill(w.satker.name);
    await Promise.all([
      page.waitForURL(/\/antrian\?/),
      page.getByRole('button', { name: 'Cari', exact: true }).click(),
    ]);
    await page.getByRole('link', { name: registration.number }).waitFor();
    await journey.capture(page, 'cari-nama-satker');

    // By a NIK: answered in place, the NIK in no address.
    await page.getByLabel('Cari', { exact: true }).fill(nik);
    await Promise.all([
      page.waitForURL('**/antrian/cari'),
      page.getByRole('button', { name: 'Cari', exact: true }).click(),
    ]);
    expect(page.url()).not.toContain(nik);
    expect(await page.getByRole('link', { name: /^LKT-/ }).allTextContents()).toEqual([registration.number]);
    await journey.capture(page, 'cari-nik');

    // Bulk claim of the three questions from "Belum diambil".
    await page.goto('/antrian?tampilan=unassigned');
    for (const q of questions) await page.getByLabel(`Pilih tiket ${q.number}`).check();
    await page.getByLabel('Tindakan untuk tiket yang dicentang').selectOption('CLAIM');
    await Promise.all([page.waitForURL('**/antrian/massal'), page.getByRole('button', { name: 'Jalankan' }).click()]);
    await page.getByText('Ambil: 3 tiket berhasil, 0 tiket tidak diproses.').waitFor();
    await journey.capture(page, 'ambil-massal');

    // "Tiket saya": the three, each with what the satker wrote; opening one clears its mark.
    await page.getByRole('link', { name: 'Kembali ke antrian' }).click();
    await page.getByRole('link', { name: /^Tiket saya/ }).click();
    await page.getByText('Revisi DIPA', { exact: true }).waitFor();
    expect((await page.getByRole('link', { name: /^LKT-/ }).allTextContents()).sort()).toEqual(
      questions.map((q) => q.number).sort(),
    );
    await page.getByRole('link', { name: questions[0].number }).click();
    await page.waitForURL(`**/tiket/${questions[0].id}`);
    await page.goBack();
    await page.reload();
    await journey.capture(page, 'tiket-saya');

    // Live: a colleague claims the registration; the open "Belum diambil" page follows without a reload.
    const live = page.waitForResponse((r) => new URL(r.url()).pathname === '/langsung');
    await page.goto('/antrian?tampilan=unassigned');
    await live;
    await page.getByRole('link', { name: registration.number }).waitFor();
    await sendEvent(t, cso2Token, registration.id, registration.version, { type: 'CLAIM' });
    await page.getByRole('link', { name: registration.number }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /^Belum diambil 0$/ }).waitFor();
    await journey.capture(page, 'pembaruan-langsung');
  }, 120000);
});
