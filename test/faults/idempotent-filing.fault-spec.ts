import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileRegistration, newUser } from '../support/api';
import { makePdf } from '../support/pdf';
import { loggedInWorld } from './support/fixtures';
import { faultScope, filesUnder, flag, spawnApp, summary } from './support/harness';

const ROUNDS = flag('FAULT_IDEMPOTENCY_ROUNDS', 20);
const PARALLEL = 10;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// Ten copies of one multipart filing with one Idempotency-Key, at once, over two api processes that
// share the database and the file store: one ticket, one set of files, ten answers that agree.
describe('ten parallel filings with the same Idempotency-Key', () => {
  const scope = faultScope();

  it(`create one ticket and one set of files, ${ROUNDS} times`, async () => {
    const dataDir = scope.dir('idem');
    const apis = await Promise.all(
      ['api-a', 'api-b'].map((name) => spawnApp({ kind: 'api', name, db: scope.db, dataDir })),
    );
    const { w, tok } = await loggedInWorld(scope.db, apis[0]);
    const started = Date.now();
    const answers: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const key = `fault-${randomUUID()}`;
      const users = [newUser('Pengguna Idempoten')];
      const sk = makePdf({ title: `SK ${key}`, sizeBytes: 256 * 1024 });
      const formulir = makePdf({ title: `Formulir ${key}` });
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          fileRegistration(apis[i % 2], tok.satker, users, { idempotencyKey: key, sk, formulir }),
        ),
      );
      results.forEach((r) => (answers[r.status] = (answers[r.status] ?? 0) + 1));
      const done = results.filter((r) => r.status === 201 || r.status === 200);
      const waiting = results.filter((r) => r.status === 409);
      expect(done.length + waiting.length).toBe(PARALLEL);
      waiting.forEach((r) => expect(r.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS'));
      expect(done.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(done.map((r) => r.body.id)).size).toBe(1);
      done.filter((r) => r.status === 200).forEach((r) => expect(r.headers['idempotent-replayed']).toBe('true'));

      const tickets = await scope.db.ds.query(
        `SELECT t.id FROM tickets t JOIN idempotency_keys k ON k.ticket_id = t.id WHERE k.key = $1`,
        [key],
      );
      expect(tickets.map((t: { id: string }) => t.id)).toEqual([done[0].body.id]);
      const files = await scope.db.ds.query(
        `SELECT kind, sha256 FROM ticket_attachments WHERE ticket_id = $1 ORDER BY kind`,
        [done[0].body.id],
      );
      expect(files).toEqual([
        { kind: 'FORMULIR_PENDAFTARAN', sha256: sha256(formulir) },
        { kind: 'SK_PENUNJUKAN', sha256: sha256(sk) },
      ]);
    }

    // Reconciliation: one ticket per key, every attachment row has its file and no file lacks a row.
    const [{ tickets, keys }] = await scope.db.ds.query(
      `SELECT (SELECT count(*) FROM tickets WHERE satker_id = $1)::int AS tickets, (SELECT count(*) FROM idempotency_keys)::int AS keys`,
      [w.satker.id],
    );
    expect(tickets).toBe(ROUNDS);
    expect(keys).toBe(ROUNDS);
    const rows = (await scope.db.ds.query(`SELECT storage_key FROM ticket_attachments`)).map(
      (r: { storage_key: string }) => r.storage_key,
    );
    expect(filesUnder(path.join(dataDir, 'files')).sort()).toEqual(rows.sort());
    expect(filesUnder(path.join(dataDir, 'uploads-tmp'))).toEqual([]);
    summary(
      '3 parallel Idempotency-Key',
      `${ROUNDS} rounds x ${PARALLEL} filings over two api processes: answers ` +
        `${JSON.stringify(answers)}, ${ROUNDS} tickets, ${rows.length} files on disk = rows, temp empty; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
