import { fileRegistration, login, newUser } from '../support/api';
import { createSupervisor } from '../support/world';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

/** Today's ticket page for a CSO was 3,271 px tall; the composer page must stay well below. */
const MAX_CSO_PAGE_HEIGHT = 2300;

// Issue #14, the ticket page: a supervisor's canned reply used by a CSO, an inline PDF preview, a
// reply letter previewed and issued from the page, the satker reading the correction request first,
// and a satker refused when switching herself off.
describe('browser journey: the CSO ticket page and the satker side', () => {
  const ctx = useJourney('tiket-cso');

  it('runs from a canned reply to the satker answering, with preview and letter', async () => {
    const { t, w, journey } = ctx;
    const supervisorPerson = await createSupervisor(t.db, 'Supervisor Layanan', w.kppnId);
    const filed = (await fileRegistration(t, await login(t, w.satkerUser), [newUser('Rahmat Hidayat')])).body as {
      id: string;
      number: string;
    };

    // The supervisor keeps a canned reply for the office.
    const supervisor = await journey.person();
    await signIn(supervisor, supervisorPerson);
    await supervisor.getByRole('heading', { level: 1, name: 'Beranda supervisor' }).waitFor();
    await journey.capture(supervisor, 'supervisor-beranda');
    await supervisor.getByRole('link', { name: 'Templat balasan' }).click();
    await supervisor.getByLabel('Judul').fill('SK belum ditandatangani');
    await supervisor
      .getByLabel('Isi balasan')
      .fill(
        'Yth. {{nama_satker}}, SK pada tiket {{nomor_tiket}} belum ditandatangani KPA. Mohon unggah ulang. Salam, {{nama_petugas}}',
      );
    await supervisor.getByRole('button', { name: 'Simpan templat' }).click();
    await supervisor.getByRole('status').getByText('Templat balasan disimpan.').waitFor();
    await journey.capture(supervisor, 'supervisor-templat');

    // The CSO opens the ticket: request data and files first, one composer.
    const cso = await journey.person();
    await signIn(cso, w.cso);
    await cso.goto(`/tiket/${filed.id}`);
    await cso.getByRole('button', { name: 'Ambil tiket' }).click();
    await cso.getByRole('status').getByText('Tiket sudah Anda ambil').waitFor();
    const height = await cso.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement
          .scrollHeight,
    );
    expect(height).toBeLessThan(MAX_CSO_PAGE_HEIGHT);
    await journey.capture(cso, 'cso-tiket');

    // Pratinjau: the PDF opens in the browser (inline, sandboxed), the download link stays a download.
    const preview = cso.getByRole('link', { name: 'Pratinjau sk-penunjukan.pdf' });
    expect(await preview.getAttribute('target')).toBe('_blank');
    const shown = await cso.context().request.get((await preview.getAttribute('href'))!);
    expect([
      shown.status(),
      shown.headers()['content-type'],
      shown.headers()['content-disposition']?.startsWith('inline;'),
      shown.headers()['content-security-policy'],
    ]).toEqual([200, 'application/pdf', true, "sandbox; default-src 'none'"]);

    // The canned reply fills the text box; the CSO asks for a correction with it.
    const composer = cso.getByRole('form', { name: 'Tanggapi tiket' });
    await composer.getByRole('radio', { name: 'Minta perbaikan' }).check();
    await composer.getByLabel('Templat balasan').selectOption({ label: 'SK belum ditandatangani' });
    await composer.getByRole('button', { name: 'Pakai' }).click();
    const text = `Yth. ${w.satker.name}, SK pada tiket ${filed.number} belum ditandatangani KPA. Mohon unggah ulang. Salam, CSO Pertama`;
    expect(await composer.getByLabel('Teks', { exact: true }).inputValue()).toBe(text);
    expect(await composer.getByRole('radio', { name: 'Minta perbaikan' }).isChecked()).toBe(true);
    // With JavaScript only the chosen action's own fields show.
    expect(await composer.locator('fieldset[data-aksi="COMPLETE"]').isVisible()).toBe(false);
    await journey.capture(cso, 'cso-templat-dipakai');
    await composer.getByRole('button', { name: 'Kirim', exact: true }).click();
    await cso.getByRole('status').getByText('Permintaan perbaikan terkirim ke satker.').waitFor();

    // The reply letter: previewed unnumbered in a new tab, then issued with a number.
    await cso.getByText('Terbitkan surat tanggapan').click();
    const letter = cso.getByRole('form', { name: 'Surat tanggapan' });
    await letter
      .getByLabel('Isi surat')
      .fill('Dengan hormat,\n\nSK penunjukan perlu ditandatangani KPA sebelum pengguna didaftarkan.');
    await letter.getByLabel('NIP penandatangan').fill('198001012005012001');
    const [tab] = await Promise.all([
      cso.waitForEvent('popup'),
      letter.getByRole('button', { name: 'Pratinjau' }).click(),
    ]);
    await tab.getByText('SK penunjukan perlu ditandatangani KPA').waitFor();
    await tab.close();
    await letter.getByRole('button', { name: 'Terbitkan surat' }).click();
    await cso.getByRole('status').getByText('Surat tanggapan diterbitkan').waitFor();
    await cso.getByRole('heading', { name: 'Surat' }).waitFor();
    await journey.capture(cso, 'cso-surat-terbit');

    // The satker: what waits first, the KPPN's request at the top with its date, one reply form.
    const satker = await journey.person();
    await signIn(satker, w.satkerUser);
    await satker.getByRole('heading', { level: 2, name: 'Menunggu perbaikan dari Anda (1)' }).waitFor();
    await journey.capture(satker, 'satker-beranda-menunggu');
    await satker.getByRole('link', { name: filed.number }).click();
    const request = satker.getByRole('region', { name: 'KPPN meminta perbaikan' });
    await request.getByText(text).waitFor();
    await request.getByText(/Kirim perbaikan paling lambat \w+, \d{1,2} \w+ \d{4} pukul \d\d\.\d\d WITA/).waitFor();
    expect(await satker.getByRole('heading', { level: 2 }).first().textContent()).toBe('KPPN meminta perbaikan');
    expect(await satker.getByRole('form', { name: 'Kirim pesan ke KPPN' }).count()).toBe(0);
    await journey.capture(satker, 'satker-perbaikan');

    // The satker cannot switch herself off: no link, and the page says why.
    const [{ id: own }] = await t.db.query(
      `SELECT id FROM myintress_memberships WHERE person_id = $1 AND satker_id = $2`,
      [w.satkerUser.id, w.satker.id],
    );
    await satker.goto('/pengguna');
    expect(await satker.getByRole('link', { name: `Nonaktifkan ${w.satkerUser.name}` }).count()).toBe(0);
    await satker.goto(`/pengguna/${own}/nonaktifkan`);
    await satker.getByText('Anda tidak dapat menonaktifkan akun Anda sendiri.').waitFor();
    expect(await satker.getByRole('button', { name: 'Nonaktifkan pengguna' }).count()).toBe(0);
    await journey.capture(satker, 'satker-nonaktifkan-diri');
  }, 120000);
});
