import type { TestApp } from '../support/app';
import { claimedRegistration, fileRegistration, footprint, newUser, startSuite, type Suite } from '../support/api';
import { csrfOf, portalLogin, type PortalAgent } from '../support/portal';
import { createPerson, createSupervisor, type Person, type World } from '../support/world';

const section = (html: string) => /<details class="fold" id="penugasan"[\s\S]*?<\/details>/.exec(html)?.[0];
const versionOf = (html: string) => Number(/name="versi" value="(\d+)"/.exec(html)![1]);

// Issue #14: the ticket page's assignment control (a list of the office's active agents and a button,
// and "Lepaskan penugasan"), plain forms that work without JavaScript, for agents and supervisors.
describe('portal: assigning a ticket from its page', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let supervisor: PortalAgent;
  let inactiveCso: Person;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    inactiveCso = await createPerson(t.db, 'CSO Belum Aktif', { password: false });
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'CSO')`, [
      inactiveCso.id,
      w.kppnId,
    ]);
    supervisor = await portalLogin(t, await createSupervisor(t.db, 'Supervisor Penugasan', w.kppnId));
  });
  afterAll(() => t.close());

  const assign = async (agent: PortalAgent, id: string, petugas: string) => {
    const page = await agent.get(`/tiket/${id}`);
    return agent
      .post(`/tiket/${id}/tugaskan`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), versi: versionOf(page.text), petugas });
  };

  it('lists only the active agents of the office and assigns to the one chosen, saying to whom', async () => {
    const filed = (await fileRegistration(t, tok.satker, [newUser('Lewat Halaman')])).body;
    const page = await supervisor.get(`/tiket/${filed.id}`);
    const part = section(page.text)!;
    expect(part).toContain(`<option value="${w.cso.id}">${w.cso.name}</option>`);
    expect(part).toContain(`<option value="${w.cso2.id}">${w.cso2.name}</option>`);
    expect(part).not.toContain(inactiveCso.id);
    expect(part).not.toContain(w.otherCso.id);
    // A supervisor assigns; the composer (working the ticket) is not theirs.
    expect(page.text).not.toContain('aria-label="Tanggapi tiket"');

    const res = await assign(supervisor, filed.id, w.cso2.id);
    expect([res.status, res.headers.location]).toEqual([303, `/tiket/${filed.id}?ok=ASSIGN`]);
    const after = await supervisor.get(res.headers.location);
    expect(after.text).toContain(`Tiket ditugaskan ke ${w.cso2.name}.`);
    // The one holding it is not offered again; the ticket can go back to the pool.
    expect(section(after.text)).not.toContain(`value="${w.cso2.id}"`);
    expect(section(after.text)).toContain('Lepaskan penugasan');
  });

  it('an agent returns a ticket to the pool through the same page', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Kembali Ke Antrean')]);
    const cso = await portalLogin(t, w.cso);
    const page = await cso.get(`/tiket/${ticket.id}`);
    const res = await cso
      .post(`/tiket/${ticket.id}/lepaskan`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), versi: ticket.version });
    expect(res.status).toBe(303);
    const after = await cso.get(res.headers.location);
    expect(after.text).toContain('Penugasan dilepas; tiket kembali ke antrean kantor tanpa petugas.');
    expect(after.text).toMatch(/<dt>Petugas<\/dt><dd>Belum ada/);
  });

  it('refuses no choice, an inactive agent and an agent of another office in words at the form: nothing changes', async () => {
    const filed = (await fileRegistration(t, tok.satker, [newUser('Tidak Berubah')])).body;
    const before = await footprint(t, w.satker.id);
    const cases: Array<[string, number, string]> = [
      ['', 400, 'Pilih petugas yang akan ditugaskan.'],
      [inactiveCso.id, 400, 'Petugas yang dipilih belum mengaktifkan akunnya'],
      [w.otherCso.id, 400, 'Petugas yang dipilih bukan CSO kantor yang menangani tiket ini.'],
    ];
    for (const [petugas, status, words] of cases) {
      const res = await assign(supervisor, filed.id, petugas);
      expect(res.status).toBe(status);
      expect(section(res.text)).toContain(words);
    }
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('shows no assignment control to the satker', async () => {
    const filed = (await fileRegistration(t, tok.satker, [newUser('Satker Saja')])).body;
    const satker = await portalLogin(t, w.satkerUser);
    expect(section((await satker.get(`/tiket/${filed.id}`)).text)).toBeUndefined();
  });
});
