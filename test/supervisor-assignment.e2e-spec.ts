import type { TestApp } from './support/app';
import {
  auth,
  claimedRegistration,
  fileRegistration,
  footprint,
  login,
  newUser,
  sendEvent,
  startSuite,
  type Suite,
} from './support/api';
import { createPerson, createSupervisor, type Person, type World } from './support/world';

type Answer = { status: number; body: { error: { code: string } } };

// Issue #14: supervisors hand tickets of the offices in their scope to an agent, or back to the pool,
// through the same transition path as agents; they do not work the tickets themselves.
describe('a supervisor assigning tickets of the offices in scope', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let supervisor: string;
  let kanwilSupervisor: string;
  let otherSupervisor: string;
  let nationalSupervisor: string;
  let inactiveCso: Person;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    // A CSO of the office whose DIGIT identity was never activated: cannot sign in to open a ticket.
    inactiveCso = await createPerson(t.db, 'CSO Belum Aktif', { password: false });
    await t.db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'CSO')`, [
      inactiveCso.id,
      w.kppnId,
    ]);
    [supervisor, kanwilSupervisor, otherSupervisor, nationalSupervisor] = await Promise.all(
      [
        createSupervisor(t.db, 'Supervisor KPPN', w.kppnId),
        createSupervisor(t.db, 'Supervisor Kanwil', w.kanwilId),
        createSupervisor(t.db, 'Supervisor KPPN Lain', w.otherKppnId),
        createSupervisor(t.db, 'Supervisor Pusat'),
      ].map(async (p) => login(t, await p)),
    );
  });
  afterAll(() => t.close());

  it('hands a new ticket to an agent, who finds it in "Tiket saya", and takes a claimed one back to the pool', async () => {
    const filed = (await fileRegistration(t, tok.satker, [newUser('Ditugaskan Supervisor')])).body;
    const seen = await t.http.get(`/api/v1/tickets/${filed.id}`).set(auth(supervisor));
    expect([seen.body.assignmentEvents, seen.body.allowedEvents, seen.body.viewerRoles]).toEqual([
      ['ASSIGN'],
      [],
      ['SUPERVISOR'],
    ]);
    const res = await sendEvent(t, supervisor, filed.id, filed.version, { type: 'ASSIGN', assigneeId: w.cso2.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DIPROSES', assignee: { id: w.cso2.id }, version: filed.version + 1 });
    expect(res.body.history.at(-1)).toMatchObject({ type: 'ASSIGN', fromStatus: 'BARU', toStatus: 'DIPROSES' });
    const mine = await t.http.get('/api/v1/tickets?view=mine').set(auth(tok.cso2));
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(filed.id);

    const released = await sendEvent(t, supervisor, filed.id, res.body.version, { type: 'UNASSIGN' });
    expect(released.body).toMatchObject({ status: 'BARU', assignee: null });
  });

  it('a Kanwil supervisor assigns at its KPPNs and, once escalated, among the Kanwil agents', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Kanwil Menugaskan')]);
    const moved = await sendEvent(t, kanwilSupervisor, ticket.id, ticket.version, {
      type: 'ASSIGN',
      assigneeId: w.cso2.id,
    });
    expect(moved.body).toMatchObject({ status: 'DIPROSES', assignee: { id: w.cso2.id } });
    const up = await sendEvent(t, tok.cso2, ticket.id, moved.body.version, { type: 'ESCALATE', note: 'perlu Kanwil' });
    const toKanwil = await sendEvent(t, kanwilSupervisor, ticket.id, up.body.version, {
      type: 'ASSIGN',
      assigneeId: w.kanwilCso.id,
    });
    expect(toKanwil.body).toMatchObject({ status: 'DIESKALASI', assignee: { id: w.kanwilCso.id } });
  });

  it('refuses an agent of another office, an inactive agent, work events and supervisors out of scope: nothing changes', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Tetap Pada CSO Pertama')]);
    const before = await footprint(t, w.satker.id);
    const send = (token: string, body: Record<string, unknown>) => sendEvent(t, token, ticket.id, ticket.version, body);
    const cases: Array<[Promise<Answer>, number, string]> = [
      [send(supervisor, { type: 'ASSIGN', assigneeId: w.otherCso.id }), 400, 'ASSIGNEE_NOT_ELIGIBLE'],
      [send(supervisor, { type: 'ASSIGN', assigneeId: inactiveCso.id }), 400, 'ASSIGNEE_INACTIVE'],
      [send(tok.cso, { type: 'ASSIGN', assigneeId: inactiveCso.id }), 400, 'ASSIGNEE_INACTIVE'],
      [send(supervisor, { type: 'COMPLETE' }), 403, 'EVENT_NOT_PERMITTED'],
      [send(supervisor, { type: 'REJECT', reason: 'tidak lengkap' }), 403, 'EVENT_NOT_PERMITTED'],
      [send(nationalSupervisor, { type: 'ASSIGN', assigneeId: w.cso2.id }), 403, 'EVENT_NOT_PERMITTED'],
      [send(otherSupervisor, { type: 'ASSIGN', assigneeId: w.cso2.id }), 404, 'TICKET_NOT_FOUND'],
    ];
    for (const [req, status, code] of cases) {
      const res = await req;
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(await footprint(t, w.satker.id)).toEqual(before);
    const now = await t.http.get(`/api/v1/tickets/${ticket.id}`).set(auth(tok.cso));
    expect([now.body.status, now.body.assignee.id, now.body.version]).toEqual(['DIPROSES', w.cso.id, ticket.version]);
  });

  it('a supervisor cannot claim: claiming is working the ticket', async () => {
    const filed = (await fileRegistration(t, tok.satker, [newUser('Bukan Untuk Supervisor')])).body;
    const res = await sendEvent(t, supervisor, filed.id, filed.version, { type: 'CLAIM' });
    expect([res.status, res.body.error.code]).toEqual([403, 'EVENT_NOT_PERMITTED']);
  });
});
