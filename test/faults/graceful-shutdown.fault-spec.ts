import { randomUUID } from 'node:crypto';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { newUser } from '../support/api';
import { makePdf } from '../support/pdf';
import { loggedInWorld } from './support/fixtures';
import path from 'node:path';
import { faultScope, filesUnder, flag, spawnApp, summary, waitFor } from './support/harness';

const FILINGS = flag('FAULT_SHUTDOWN_FILINGS', 20);

interface Answer {
  status: number;
  body: string;
}

/** A multipart filing, split in two halves so the test decides when the server has the whole body. */
function filingBody(boundary: string): [Buffer, Buffer] {
  const form = JSON.stringify({ pengguna: [newUser('Pengguna Saat Berhenti')] });
  const part = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const file = (name: string, pdf: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from('\r\n'),
    ]);
  const whole = Buffer.concat([
    Buffer.from(part('service', 'MYINTRESS_DAFTAR_KPPN') + part('form', form)),
    file('SK_PENUNJUKAN', makePdf({ title: 'SK', sizeBytes: 512 * 1024 })),
    file('FORMULIR_PENDAFTARAN', makePdf({ title: 'Formulir' })),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const half = Math.floor(whole.length / 2);
  return [whole.subarray(0, half), whole.subarray(half)];
}

// SIGTERM while 20 filings are in flight (their bodies half received by the server): the server stops accepting new
// connections, lets every in-flight filing finish, closes and exits 0. Every 2xx has its ticket.
describe('graceful shutdown', () => {
  const scope = faultScope();

  it(`finishes ${FILINGS} in-flight filings after SIGTERM and exits 0`, async () => {
    const dataDir = scope.dir('term');
    const api = await spawnApp({ kind: 'api', name: 'api-term', db: scope.db, dataDir, env: { RUN_WORKER: 'true' } });
    const { w, tok } = await loggedInWorld(scope.db, api);
    const port = Number(new URL(api.url).port);
    const keys = Array.from({ length: FILINGS }, () => `term-${randomUUID()}`);
    const started: Array<{ req: ClientRequest; rest: Buffer; answer: Promise<Answer> }> = [];
    for (const key of keys) {
      const boundary = `loket${randomUUID().replace(/-/g, '')}`;
      const [first, rest] = filingBody(boundary);
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/tickets',
        headers: {
          authorization: `Bearer ${tok.satker}`,
          'idempotency-key': key,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': first.length + rest.length,
        },
      });
      const answer = new Promise<Answer>((resolve, reject) => {
        req.once('response', (res: IncomingMessage) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.once('error', reject);
      });
      // Resolves once the first half is handed to the socket: the request is in flight at the server.
      await new Promise<void>((resolve, reject) => req.write(first, (err) => (err ? reject(err) : resolve())));
      started.push({ req, rest, answer });
    }

    // In flight at the server, not only sent: each filing's first half reaches into its SK file part,
    // so the server has accepted the connection and is streaming that file to a temp upload.
    await waitFor(
      'every filing to be streaming its upload',
      async () => filesUnder(path.join(dataDir, 'uploads-tmp')).length >= FILINGS,
      60_000,
      20,
    );
    process.kill(api.pid, 'SIGTERM');
    // New connections are refused once the server stopped listening (polled: the signal is asynchronous).
    let refused = false;
    for (let i = 0; i < 200 && !refused; i++) {
      refused = await new Promise<boolean>((resolve) => {
        const probe = request({ host: '127.0.0.1', port, path: '/api/v1/health', agent: false }, (res) => {
          res.resume();
          resolve(false);
        });
        probe.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
        probe.end();
      });
    }
    expect(refused).toBe(true);

    started.forEach((s) => s.req.end(s.rest));
    const answers = await Promise.all(started.map((s) => s.answer));
    const code = await api.exited;

    const statuses: Record<number, number> = {};
    answers.forEach((a) => (statuses[a.status] = (statuses[a.status] ?? 0) + 1));
    const ok = answers.filter((a) => a.status >= 200 && a.status < 300);
    expect(ok).toHaveLength(FILINGS);
    expect(code).toBe(0);
    const stored = await scope.db.ds.query(
      `SELECT k.key, t.id FROM idempotency_keys k JOIN tickets t ON t.id = k.ticket_id WHERE t.satker_id = $1`,
      [w.satker.id],
    );
    expect(stored.map((r: { key: string }) => r.key).sort()).toEqual([...keys].sort());
    expect(new Set(ok.map((a) => JSON.parse(a.body).id))).toEqual(new Set(stored.map((r: { id: string }) => r.id)));
    expect(api.logs()).toContain('berhenti menerima koneksi');
    summary(
      '9 SIGTERM during filings',
      `${FILINGS} filings half-sent at SIGTERM: answers ${JSON.stringify(statuses)}, ` +
        `${stored.length} tickets for ${FILINGS} keys, new connections refused, exit code ${code}`,
    );
  });
});
