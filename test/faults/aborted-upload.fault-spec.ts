import { randomInt, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import { newUser } from '../support/api';
import { makePdf } from '../support/pdf';
import { loggedInWorld } from './support/fixtures';
import { faultScope, filesUnder, flag, spawnApp, summary, waitFor } from './support/harness';

const ROUNDS = flag('FAULT_ABORT_ROUNDS', 10);

/** A MyIntress registration as a raw multipart body, and where its file contents start and end. */
function registrationBody(boundary: string) {
  const field = (name: string, value: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const file = (name: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name.toLowerCase()}.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      content,
      Buffer.from('\r\n'),
    ]);
  const head = Buffer.concat([
    field('service', 'MYINTRESS_DAFTAR_KPPN'),
    field('form', JSON.stringify({ pengguna: [newUser('Pengguna Terputus')] })),
  ]);
  const files = Buffer.concat([
    file('SK_PENUNJUKAN', makePdf({ title: 'SK', sizeBytes: 2 * 1024 * 1024 })),
    file('FORMULIR_PENDAFTARAN', makePdf({ title: 'Formulir', sizeBytes: 2 * 1024 * 1024 })),
  ]);
  const body = Buffer.concat([head, files, Buffer.from(`--${boundary}--\r\n`)]);
  return { body, filesFrom: head.length, filesTo: head.length + files.length };
}

// A client that sends half of a multipart filing and then vanishes: no ticket, and neither the
// temp upload nor anything in the file store stays behind.
describe('an upload aborted half-way', () => {
  const scope = faultScope();

  it(`leaves no ticket and no file, ${ROUNDS} times`, async () => {
    const dataDir = scope.dir('abort');
    const api = await spawnApp({ kind: 'api', name: 'api', db: scope.db, dataDir });
    const { w, tok } = await loggedInWorld(scope.db, api);
    const temp = () => filesUnder(path.join(dataDir, 'uploads-tmp'));
    const stored = () => filesUnder(path.join(dataDir, 'files'));
    const started = Date.now();
    let cleanupMs = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const boundary = `----loket-${randomUUID()}`;
      const { body, filesFrom, filesTo } = registrationBody(boundary);
      const cut = randomInt(filesFrom + 1024, filesTo - 1024);
      const socket = connect(api.options.port!, '127.0.0.1');
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      socket.on('error', () => undefined);
      socket.write(
        `POST /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tok.satker}\r\n` +
          `Idempotency-Key: abort-${randomUUID()}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\n` +
          `Content-Length: ${body.length}\r\n\r\n`,
      );
      socket.write(body.subarray(0, cut));
      // The server is writing the part to a temp file when the client goes away.
      await waitFor('the upload to reach a temp file', () => temp().length > 0, 10_000, 5);
      socket.destroy();

      const gone = Date.now();
      await waitFor(
        'temp and stored files to be cleaned up',
        () => temp().length === 0 && stored().length === 0,
        10_000,
        10,
      );
      cleanupMs = Math.max(cleanupMs, Date.now() - gone);
    }

    const [row] = await scope.db.ds.query(
      `SELECT (SELECT count(*) FROM tickets WHERE satker_id = $1)::int AS tickets, (SELECT count(*) FROM ticket_attachments)::int AS attachments,
              (SELECT count(*) FROM idempotency_keys)::int AS keys`,
      [w.satker.id],
    );
    expect(row).toEqual({ tickets: 0, attachments: 0, keys: 0 });
    // The api is still healthy and accepts the next request.
    expect((await api.http.get('/api/v1/health')).status).toBe(200);
    summary(
      '7 aborted upload',
      `${ROUNDS} uploads cut inside their files (4 MB bodies): 0 tickets, 0 files, temp empty ` +
        `within ${cleanupMs} ms at most; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
