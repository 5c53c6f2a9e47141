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
    const res = await sendEvent(t, tok.cso2, ticket.id, ticket.version, {
      type: 'UNASSIGN',
      note: 'Saya cuti mulai besok',
    });
    expect(res.body).toMatchObject({ status: 'BARU', assignee: null });
    expect(res.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['CLAIM']);
  });

  it('refuses an assignee who is not a CSO of the office, a missing or foreign assignee, and an outsider: nothing changes', async () => {
    const ticket = await claimedRegistration(t, tok.satker, tok.cso, [newUser('Tidak Boleh Dialihkan')]);
    const before = await footprint(t, w.satker.id);
    const cases: Array<[Promise<{ status: number; body: { error: { code: string } } }>, number, string]> = [
      [
        sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.otherCso.id }),
        400,
        'ASSIGNEE_NOT_ELIGIBLE',
      ],
      [
        sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.satkerUser.id }),
        400,
        'ASSIGNEE_NOT_ELIGIBLE',
      ],
      [
        sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.kanwilCso.id }),
        400,
        'ASSIGNEE_NOT_ELIGIBLE',
      ],
      [sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN' }), 400, 'VALIDATION_FAILED'],
      [
        sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: 'bukan-id' }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        sendEvent(t, tok.cso, ticket.id, ticket.version, { type: 'UNASSIGN', assigneeId: w.cso2.id }),
        400,
        'VALIDATION_FAILED',
      ],
      [sendEvent(t, tok.satker, ticket.id, ticket.version, { type: 'UNASSIGN' }), 403, 'EVENT_NOT_PERMITTED'],
      [
        sendEvent(t, tok.otherCso, ticket.id, ticket.version, { type: 'ASSIGN', assigneeId: w.otherCso.id }),
        404,
        'TICKET_NOT_FOUND',
      ],
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
    const taken = await sendEvent(t, kanwil, ticket.id, up.body.version, {
      type: 'ASSIGN',
      assigneeId: w.kanwilCso.id,
    });
    expect(taken.body).toMatchObject({ status: 'DIESKALASI', assignee: { id: w.kanwilCso.id } });
  });

  describe('bulk actions', () => {
    const bulk = (token: string, body: Record<string, unknown>) =>
      t.http.post('/api/v1/tickets/bulk').set(auth(token)).send(body);

    it('claims selected tickets each in its own transaction and reports per ticket; refused ones change nothing', async () => {
      const [a, b, c] = await Promise.all(
        ['Massal A', 'Massal B', 'Massal C'].map((n) =>
          fileRegistration(t, tok.satker, [newUser(n)]).then((r) => r.body),
        ),
      );
      const foreign = (await fileRegistration(t, tok.otherSatker, [newUser('Kantor Lain')])).body;
      await sendEvent(t, tok.cso2, c.id, c.version, { type: 'CLAIM' }); // taken meanwhile: the version the agent saw is stale
      const before = await footprint(t, w.otherSatker.id);
      const res = await bulk(tok.cso, {
        action: 'CLAIM',
        tickets: [a, b, c, foreign].map(({ id, version }) => ({ id, version })),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ action: 'CLAIM', succeeded: 2, failed: 2 });
      expect(
        res.body.results.map((r: { id: string; ok: boolean; error: { code: string } | null }) => [
          r.id,
          r.ok,
          r.error?.code ?? null,
        ]),
      ).toEqual([
        [a.id, true, null],
        [b.id, true, null],
        [c.id, false, 'STALE_VERSION'],
        [foreign.id, false, 'TICKET_NOT_FOUND'],
      ]);
      expect(res.body.results[2]).toMatchObject({ number: c.number, status: 'DIPROSES' });
      expect(res.body.results[3]).toMatchObject({ number: null, status: null });
      const cNow = await t.http.get(`/api/v1/tickets/${c.id}`).set(auth(tok.cso));
      expect(cNow.body.assignee.id).toBe(w.cso2.id);
      expect(await footprint(t, w.otherSatker.id)).toEqual(before);
    });

    it('assigns and unassigns in bulk', async () => {
      const [a, b] = await Promise.all(
        ['Alih A', 'Alih B'].map((n) => fileRegistration(t, tok.satker, [newUser(n)]).then((r) => r.body)),
      );
      const assigned = await bulk(tok.cso, {
        action: 'ASSIGN',
        assigneeId: w.cso2.id,
        tickets: [a, b].map(({ id, version }) => ({ id, version })),
      });
      expect(assigned.body.results.map((r: { ok: boolean; status: string }) => [r.ok, r.status])).toEqual([
        [true, 'DIPROSES'],
        [true, 'DIPROSES'],
      ]);
      const released = await bulk(tok.cso2, {
        action: 'UNASSIGN',
        tickets: assigned.body.results.map(({ id, version }: { id: string; version: number }) => ({ id, version })),
      });
      expect(released.body.results.map((r: { status: string }) => r.status)).toEqual(['BARU', 'BARU']);
    });

    it('refuses a malformed bulk request as a whole, before touching any ticket', async () => {
      const a = (await fileRegistration(t, tok.satker, [newUser('Massal Tolak')])).body;
      const before = await footprint(t, w.satker.id);
      const ref = [{ id: a.id, version: a.version }];
      for (const body of [
        { action: 'ASSIGN', tickets: ref },
        { action: 'CLAIM', assigneeId: w.cso2.id, tickets: ref },
        { action: 'COMPLETE', tickets: ref },
        { action: 'CLAIM', tickets: [] },
        { action: 'CLAIM', tickets: [{ id: a.id }] },
        { action: 'CLAIM', tickets: ref, status: 'SELESAI' },
      ]) {
        const res = await bulk(tok.cso, body);
        expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect(await footprint(t, w.satker.id)).toEqual(before);
    });
  });
});
