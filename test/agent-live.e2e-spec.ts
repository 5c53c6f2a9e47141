import http from 'node:http';
import { startTestApp, type TestApp } from './support/app';
import { auth, login, sendEvent, startSuite, type Suite } from './support/api';
import { csrfOf, portalLogin } from './support/portal';
import type { World } from './support/world';
import { ask } from './support/workspace';

/** The portal session cookie of a person, as a browser would hold it after signing in. */
async function sessionCookie(t: TestApp, person: World['cso']): Promise<string> {
  const agent = await portalLogin(t, person);
  const cookies = agent.jar.getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false });
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

interface Stream {
  /** The next `ticket` event, in arrival order. */
  next(): Promise<{ ticketId: string; type: string; status: string }>;
  close(): void;
}

/** Opens /langsung with the cookie and resolves once the server says it is listening. */
function openStream(url: string, cookie: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const queued: Array<{ ticketId: string; type: string; status: string }> = [];
    const waiting: Array<(e: { ticketId: string; type: string; status: string }) => void> = [];
    const req = http.get(`${url}/langsung`, { headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (\w+)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'siap')
            resolve({
              next: () =>
                new Promise((r) => {
                  const e = queued.shift();
                  if (e) r(e);
                  else waiting.push(r);
                }),
              close: () => req.destroy(),
            });
          if (event === 'ticket' && data) {
            const e = JSON.parse(data);
            const w = waiting.shift();
            if (w) w(e);
            else queued.push(e);
          }
        }
      });
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}

describe('notices to agents and live updates across api processes', () => {
  let t: TestApp;
  let second: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => {
    ({ t, w, tok } = await startSuite());
    second = await startTestApp();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it("streams a change made through another api process, only for tickets in the viewer's scope", async () => {
    const ours = await ask(t, tok.satker, 'Pantau langsung');
    const foreign = await ask(t, tok.otherSatker, 'Kantor lain');
    const stream = await openStream(t.url, await sessionCookie(t, w.cso));
    try {
      // Through the second process: first the other office's ticket (must not arrive), then ours.
      const otherCso = await login(second, w.otherCso);
      await sendEvent(second, otherCso, foreign.id, foreign.version, { type: 'CLAIM' });
      const cso2 = await login(second, w.cso2);
      await sendEvent(second, cso2, ours.id, ours.version, { type: 'CLAIM' });
      expect(await stream.next()).toEqual({ ticketId: ours.id, type: 'CLAIM', status: 'DIPROSES', version: 2 });
    } finally {
      stream.close();
    }
  });

  it('refuses the stream without a portal session', async () => {
    const res = await t.http.get('/langsung').set('Authorization', `Bearer ${tok.cso}`);
    expect(res.status).not.toBe(200);
  });

  it('tells the assignee in the portal and by e-mail when the satker answers a correction, replies or rates', async () => {
    const cso = await portalLogin(t, w.cso);
    const q = await ask(t, tok.satker, 'Perlu dilengkapi');
    const claimed = await sendEvent(t, tok.cso, q.id, q.version, { type: 'CLAIM' });
    const waiting = await sendEvent(t, tok.cso, q.id, claimed.body.version, {
      type: 'REQUEST_CORRECTION',
      message: 'Lengkapi uraian.',
    });
    await sendEvent(t, tok.satker, q.id, waiting.body.version, {
      type: 'SUBMIT_CORRECTION',
      message: 'Sudah kami lengkapi.',
    });
    await t.http
      .post(`/api/v1/tickets/${q.id}/messages`)
      .set(auth(tok.satker))
      .send({ body: 'Ada tambahan informasi.' });
    const view = await t.http.get(`/api/v1/tickets/${q.id}`).set(auth(tok.cso));
    await sendEvent(t, tok.cso, q.id, view.body.version, { type: 'COMPLETE' });
    expect(
      (await t.http.post(`/api/v1/tickets/${q.id}/rating`).set(auth(tok.satker)).send({ nilai: 'POSITIF' })).status,
    ).toBe(201);
    // A reply on a ticket nobody holds tells nobody.
    const unheld = await ask(t, tok.satker, 'Belum ada petugas');
    await t.http.post(`/api/v1/tickets/${unheld.id}/messages`).set(auth(tok.satker)).send({ body: 'Halo?' });

    const home = await cso.get('/antrian');
    expect(home.text).toMatch(/Pemberitahuan <span class="count" aria-label="3 belum dibaca">3<\/span>/);
    const list = await cso.get('/pemberitahuan');
    for (const text of ['Satker mengirim perbaikan', 'Satker membalas', 'Satker memberi penilaian layanan'])
      expect(list.text).toContain(text);
    const mails = await t.db.query(
      `SELECT topic, recipient, payload->>'what' AS what FROM outbox WHERE ticket_id = ANY($1) AND topic = 'agent.satker-acted' ORDER BY created_at`,
      [[q.id, unheld.id]],
    );
    expect(mails.map((m: { recipient: string; what: string }) => [m.recipient, m.what])).toEqual([
      [`${w.cso.nik}@contoh.go.id`, 'Satker mengirim perbaikan'],
      [`${w.cso.nik}@contoh.go.id`, 'Satker membalas'],
      [`${w.cso.nik}@contoh.go.id`, 'Satker memberi penilaian layanan'],
    ]);
    await cso
      .post('/pemberitahuan/dibaca')
      .type('form')
      .send({ _csrf: csrfOf(list.text) });
    expect((await cso.get('/antrian')).text).not.toContain('belum dibaca');
  });
});
