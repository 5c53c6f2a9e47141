import { fileRegistration, login, newUser } from '../support/api';
import { createSupervisor } from '../support/world';
import { signIn } from './support/journey';
import { useJourney } from './support/use-journey';

// Issue #14, assignment: a KPPN supervisor, on a phone, opens a ticket from the queue and hands it to
// an agent of the office; the agent finds it under "Tiket saya".
describe('browser journey: a supervisor assigns a ticket to an agent', () => {
  const ctx = useJourney('penugasan-supervisor');

  it('assigns from the ticket page on a 390 px phone, and the agent sees it in "Tiket saya"', async () => {
    const { t, w, journey } = ctx;
    const supervisorPerson = await createSupervisor(t.db, 'Supervisor Penugasan', w.kppnId);
    const filed = (await fileRegistration(t, await login(t, w.satkerUser), [newUser('Siti Penugasan')])).body as {
      id: string;
      number: string;
    };

    const supervisor = await journey.person({ phone: true });
    await signIn(supervisor, supervisorPerson);
    await supervisor.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Antrian' }).click();
    await supervisor.getByRole('link', { name: /^Belum diambil/ }).click();
    await supervisor.getByRole('link', { name: filed.number }).click();
    await supervisor.waitForURL(`**/tiket/${filed.id}`);
    // Open for a supervisor: assigning is what they came for.
    const part = supervisor.locator('#penugasan');
    expect(await part.getAttribute('open')).toBe('');
    // By name: CSO Kedua, CSO Pertama.
    expect(await part.getByRole('option').allTextContents()).toEqual(['Pilih petugas', w.cso2.name, w.cso.name]);
    await journey.capture(supervisor, 'tiket-penugasan');

    // Without a choice the form says so in words, beside the list.
    await part.getByRole('button', { name: 'Tugaskan' }).click();
    await part.getByText('Pilih petugas yang akan ditugaskan.').first().waitFor();
    await journey.capture(supervisor, 'penugasan-belum-dipilih');

    await part.getByLabel('Tugaskan ke petugas').selectOption({ label: w.cso2.name });
    await part.getByRole('button', { name: 'Tugaskan' }).click();
    await supervisor.getByRole('status').getByText(`Tiket ditugaskan ke ${w.cso2.name}.`).waitFor();
    expect(await supervisor.locator('dd.status').textContent()).toBe('Diproses');
    await journey.capture(supervisor, 'penugasan-berhasil');

    // The agent: the ticket waits under "Tiket saya", marked as not yet opened until they open it.
    const agent = await journey.person();
    await signIn(agent, w.cso2);
    await agent.getByRole('link', { name: /^Tiket saya/ }).click();
    expect(await agent.getByRole('link', { name: /^LKT-/ }).allTextContents()).toEqual([filed.number]);
    const row = agent.getByRole('row').filter({ hasText: filed.number });
    await row.getByText('Belum Anda buka').waitFor();
    await journey.capture(agent, 'agen-tiket-saya');
    await row.getByRole('link', { name: filed.number }).click();
    await agent.getByRole('heading', { level: 1, name: `Tiket ${filed.number}` }).waitFor();
    await agent.goBack();
    await agent.reload();
    await row.getByRole('link', { name: filed.number }).waitFor();
    expect(await row.getByText('Belum Anda buka').count()).toBe(0);
  }, 120000);
});
