import { ImportService } from '@loket/admin';
import { DEMO_PASSWORD, seedDemo } from '../apps/api/src/demo/demo-seed';
import { startTestApp, type TestApp } from './support/app';
import { auth } from './support/api';

// `npm start` seeds the demo through the bulk import, from the CSV files shipped in apps/api/src/demo/csv.
describe('demo data through the bulk import', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('imports offices, satkers and staff from the shipped CSVs once; the README logins work', async () => {
    const first = await seedDemo(t.db, t.app.get(ImportService));
    const again = await seedDemo(t.db, t.app.get(ImportService));
    expect(again.created).toBe(false);
    expect(first.logins).toEqual(again.logins);
    const offices = await t.db
      .query(`SELECT o.code, o.time_zone AS tz, p.code AS parent FROM offices o LEFT JOIN offices p ON p.id = o.parent_id
      WHERE o.code IN ('134', '073') ORDER BY o.code`);
    expect(offices).toEqual([
      { code: '073', tz: 'Asia/Jakarta', parent: 'WPB.05' },
      { code: '134', tz: 'Asia/Makassar', parent: 'WPB.29' },
    ]);
    const files = await t.db
      .query(`SELECT DISTINCT after ->> 'fileName' AS file FROM audit_log WHERE action = 'IMPORT_APPLIED' AND after ->> 'fileName' LIKE '%.csv'
      AND actor_id = (SELECT id FROM persons WHERE nik = '7571011010790012') ORDER BY 1`);
    expect(files.map((f: { file: string }) => f.file)).toEqual(['kantor.csv', 'satker.csv', 'staf.csv']);
    for (const nik of [
      '7571014505880001',
      '1673022208850003',
      '7571014101850004',
      '1673025010860006',
      '7571012002800007',
    ]) {
      const res = await t.http.post('/api/v1/auth/login').send({ nik, password: DEMO_PASSWORD });
      expect([nik, res.status]).toEqual([nik, 200]);
    }
    const cso = (await t.http.post('/api/v1/auth/login').send({ nik: '7571014101850004', password: DEMO_PASSWORD }))
      .body.token;
    const queue = await t.http.get('/api/v1/tickets').set(auth(cso));
    expect(queue.status).toBe(200);
  });
});
