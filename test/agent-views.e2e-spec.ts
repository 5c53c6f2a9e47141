import type { TestApp } from './support/app';
import { ask, ids } from './support/workspace';
import { auth, fileRegistration, login, newUser, sendEvent, startSuite, type Suite } from './support/api';
import { createPerson, type World } from './support/world';

describe('agent views, counts and sorting', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  const get = (token: string, query: string) => t.http.get(`/api/v1/tickets?${query}`).set(auth(token));
  const counts = async (token: string) =>
    Object.fromEntries(
      (await t.http.get('/api/v1/tickets/views').set(auth(token))).body.views.map(
        (v: { view: string; count: number }) => [v.view, v.count],
      ),
    );

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it("counts each view over the office's open tickets only, never another office's", async () => {
    const [a, b, c, d] = [
      await ask(t, tok.satker, 'Satu'),
      await ask(t, tok.satker, 'Dua'),
      await ask(t, tok.satker, 'Tiga'),
      await ask(t, tok.satker, 'Empat'),
    ];
    await ask(t, tok.otherSatker, 'Kantor lain');
    await sendEvent(t, tok.cso, a.id, a.version, { type: 'CLAIM' });
    const bClaimed = await sendEvent(t, tok.cso, b.id, b.version, { type: 'CLAIM' });
    await sendEvent(t, tok.cso, b.id, bClaimed.body.version, {
      type: 'REQUEST_CORRECTION',
      message: 'Lengkapi uraian',
    });
    const cClaimed = await sendEvent(t, tok.cso2, c.id, c.version, { type: 'CLAIM' });
    await sendEvent(t, tok.cso2, c.id, cClaimed.body.version, { type: 'COMPLETE' });
    // One deadline passed, one in its warning band (the fixtures move the clocks; the sweeper would in time).
    await t.db.query(`UPDATE tickets SET due_at = now() - interval '1 hour' WHERE id = $1`, [a.id]);
    await t.db.query(`UPDATE tickets SET due_at = now() + interval '1 hour' WHERE id = $1`, [d.id]);
    await t.db.query(
      `UPDATE sla_clocks SET warn_at = now() - interval '1 minute', due_at = now() + interval '1 hour' WHERE ticket_id = $1 AND kind = 'RESOLUTION'`,
      [d.id],
    );

    expect(await counts(tok.cso)).toEqual({
      unassigned: 1,
      mine: 2,
      waiting: 1,
      escalated: 0,
      warning: 1,
      breached: 1,
      open: 3,
    });
    expect(await counts(tok.cso2)).toMatchObject({ mine: 0, open: 3 });
    expect(await counts(tok.otherCso)).toMatchObject({ unassigned: 1, open: 1 });
    expect(ids(await get(tok.cso, 'view=mine'))).toEqual([a.id, b.id]);
    expect(ids(await get(tok.cso, 'view=unassigned'))).toEqual([d.id]);
    expect(ids(await get(tok.cso, 'view=waiting'))).toEqual([b.id]);
    expect(ids(await get(tok.cso, 'view=breached'))).toEqual([a.id]);
    expect(ids(await get(tok.cso, 'view=warning'))).toEqual([d.id]);
    expect(ids(await get(tok.cso, `view=agent&agent=${w.cso.id}`))).toEqual([a.id, b.id]);
    expect(ids(await get(tok.otherCso, 'view=open'))).not.toContain(a.id);
  });

  it('gives supervisors the open tickets per agent, and agents none', async () => {
    const supervisor = await createPerson(t.db, 'Supervisor Uji');
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
      supervisor.id,
      w.kppnId,
    ]);
    const res = await t.http.get('/api/v1/tickets/views').set(auth(await login(t, supervisor)));
    expect(res.body.agents).toEqual(
      expect.arrayContaining([
        { id: w.cso.id, name: w.cso.name, count: 2 },
        { id: w.cso2.id, name: w.cso2.name, count: 0 },
      ]),
    );
    expect(res.body.agents.map((a: { id: string }) => a.id)).not.toContain(w.otherCso.id);
    expect((await t.http.get('/api/v1/tickets/views').set(auth(tok.cso))).body.agents).toBeNull();
  });

  it('titles carry the perihal the satker wrote; rows say whether the agent has opened them since they changed', async () => {
    const filed = await ask(t, tok.satker, 'Revisi DIPA belum muncul');
    const row = () =>
      get(tok.cso, 'view=unassigned').then((r) => r.body.items.find((i: { id: string }) => i.id === filed.id));
    expect(await row()).toMatchObject({ title: 'Revisi DIPA belum muncul', seen: 'UNSEEN' });
    await t.http.get(`/api/v1/tickets/${filed.id}`).set(auth(tok.cso));
    expect((await row()).seen).toBe('SEEN');
    await t.http
      .post(`/api/v1/tickets/${filed.id}/messages`)
      .set(auth(tok.satker))
      .send({ body: 'Sudah kami cek ulang.' });
    expect((await row()).seen).toBe('CHANGED');
  });

  it('pages through equal keys in one stable order (ties broken by id), for every sort', async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map((n) => ask(t, tok.satker, `Seri ${n}`)));
    const madeIds = made.map((m) => m.id);
    await t.db.query(
      `UPDATE tickets SET due_at = '2030-01-01T00:00:00Z', created_at = '2026-01-01T00:00:00Z', updated_at = '2026-01-02T00:00:00Z' WHERE id = ANY($1)`,
      [madeIds],
    );
    for (const [sort, direction] of [
      ['deadline', 1],
      ['filed', -1],
      ['updated', -1],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(tok.cso, `view=unassigned&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        cursor = res.body.nextCursor;
      } while (cursor);
      const ours = seen.filter((id) => madeIds.includes(id));
      expect(ours).toEqual([...madeIds].sort((x, y) => (x < y ? -direction : direction)));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('refuses unknown views and sorts, a cursor of another sort, and views for satker users', async () => {
    const first = await get(tok.cso, 'view=open&sort=filed&limit=1');
    const cases = await Promise.all([
      get(tok.cso, 'view=semua'),
      get(tok.cso, 'view=open&sort=acak'),
      get(tok.cso, 'view=agent'),
      get(tok.cso, `view=open&sort=deadline&cursor=${first.body.nextCursor}`),
      get(tok.satker, 'view=mine'),
    ]);
    expect(cases.map((r) => [r.status, r.body.error.code])).toEqual([
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'VALIDATION_FAILED'],
      [400, 'INVALID_CURSOR'],
      [400, 'VIEW_NOT_AVAILABLE'],
    ]);
  });

  it('keeps the plain queue as it was when no view is asked for', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Antrean Lama')]);
    const res = await get(tok.cso, 'limit=100');
    expect(res.body.items.map((i: { id: string }) => i.id)).toContain(filed.body.id);
  });
});
