import type { TestApp } from './support/app';
import { auth, claimedRegistration, fileRegistration, footprint, login, newUser, sendEvent, startSuite, type Suite } from './support/api';
import { type World } from './support/world';

describe('assigning a ticket to a colleague and back to the pool', () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];
  let kanwil: string;

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    kanwil = await login(t, w.kanwilCso);
  });
  afterAll(() => t.close());

  it('hands a new ticket to a colleague, who then holds it in DIPROSES, with the step in the history', async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Ditugaskan Langsung')]);
    const view = await t.http.get(`/api/v1/tickets/${filed.body.id}`).set(auth(tok.cso));
    expect(view.body.assignmentEvents).toEqual(['ASSIGN']);
    const res = await sendEvent(t, tok.cso, filed.body.id, 1, { type: 'ASSIGN', assigneeId: w.cso2.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'DIPROSES', assignee: { id: w.cso2.id, name: w.cso2.name }, version: 2 });
    expect(res.body.history.at(-1)).toMatchObject({ type: 'ASSIGN', fromStatus: 'BARU', toStatus: 'DIPROSES' });
    const mine = await t.http.get(`/api/v1/tickets/${filed.body.id}`).set(auth(tok.cso2));
    expect(mine.body.allowedEvents.map((e: { type: string }) => e.type)).toContain('COMPLETE');
  });

  it('UNASSIGN returns a claimed ticket to BARU with nobody holding it', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Dilepas')]);
    const res = await sendEvent(t, tok.cso2, ticket.id, ticket.version, { type: 'UNASSIGN', note: 'Saya cuti mulai besok' });
    expect(res.body).toMatchObject({ status: 'BARU', assignee: null });
    expect(res.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['CLAIM']);
  });

  it('refuses an assignee who is not a CSO of the office, a missing or foreign assignee, and an outsider: nothing changes', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Tidak Boleh Dialihkan')]);
    const before = await footprint(t, w.satker.id);
    const cases: Array<[Promise<{ status: number; body: { error: { code: string } } }>, number, string]> = [
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.otherCso.id }), 400, 'ASSIGNEE_NOT_ELIGIBLE'],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.satkerUser.id }), 400, 'ASSIGNEE_NOT_ELIGIBLE'],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.kanwilCso.id }), 400, 'ASSIGNEE_NOT_ELIGIBLE'],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN' }), 400, 'VALIDATION_FAILED'],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: 'bukan-id' }), 400, 'VALIDATION_FAILED'],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'UNASSIGN', assigneeId: w.cso2.id }), 400, 'VALIDATION_FAILED'],
      [sendEvent(t, tok.satker, ticket.id, ticket.version, { type: 'UNASSIGN' }), 403, 'EVENT_NOT_PERMITTED'],
      [sendEvent(t, tok.otherCso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.otherCso.id }), 404, 'TICKET_NOT_FOUND'],
    ];
    for (const [req, status, code] of cases) {
      const res = await req;
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    expect(await footprint(t, w.satker.id)).toEqual(before);
  });

  it('at the Kanwil tier the ticket moves among Kanwil agents only', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Eskalasi Dialihkan')]);
    const up = await sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ESCALATE', note: 'perlu Kanwil' });
    const refused = await sendEvent(t, kanwil, ticket.id, up.body.version, { type: 'ASSIGN', assigneeId: w.cso2.id });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'ASSIGNEE_NOT_ELIGIBLE']);
    const taken = await sendEvent(t, kanwil, ticket.id, up.body.version, { type: 'ASSIGN', assigneeId: w.kanwilCso.id });
    expect(taken.body).toMatchObject({ status: 'DIESKALASI', assignee: { id: w.kanwilCso.id } });
  });
});
