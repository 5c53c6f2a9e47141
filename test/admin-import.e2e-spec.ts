import { randomInt } from 'node:crypto';
import type { TestApp } from './support/app';
import { auth, login, startSuite } from './support/api';
import { createNationalAdmin, createPerson, randomNik, type World } from './support/world';

const BOM = '\uFEFF';
/** Six-digit codes no other suite picks (they draw from 100000-999999 at random too, so check). */
const freshCodes = async (t: TestApp, n: number): Promise<string[]> => {
  const codes = new Set<string>();
  while (codes.size < n) codes.add(String(randomInt(100000, 1000000)));
  const taken = await t.db.query(`SELECT code FROM satkers WHERE code = ANY($1::text[])`, [[...codes]]);
  return taken.length ? freshCodes(t, n) : [...codes].sort();
};

describe('bulk import of offices, satkers and staff from CSV', () => {
  let t: TestApp;
  let w: World;
  let tok: { national: string; kanwil: string; kppn: string; cso: string };
  let kppn: string;
  let otherKppn: string;

  beforeAll(async () => {
    const suite = await startSuite();
    ({ t, w } = suite);
    const national = await createNationalAdmin(t.db, 'Admin Pusat Impor');
    const [kanwilAdmin, kppnAdmin] = [
      await createPerson(t.db, 'Admin Kanwil Impor'),
      await createPerson(t.db, 'Admin KPPN Impor'),
    ];
    await t.db.query(
      `INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'ADMIN'), ($3, $4, 'ADMIN')`,
      [kanwilAdmin.id, w.kanwilId, kppnAdmin.id, w.kppnId],
    );
    const [n, k, p] = await Promise.all([national, kanwilAdmin, kppnAdmin].map((x) => login(t, x)));
    tok = { national: n, kanwil: k, kppn: p, cso: suite.tok.cso };
    [{ code: kppn }, { code: otherKppn }] = await t.db.query(
      `SELECT code FROM offices WHERE id = ANY($1::uuid[]) ORDER BY id = $2 DESC`,
      [[w.kppnId, w.otherKppnId], w.kppnId],
    );
  });
  afterAll(() => t.close());

  const upload = (token: string, kind: string, dryRun: boolean, csv: string, name = `${kind}.csv`) =>
    t.http
      .post('/api/v1/admin/imports')
      .set(auth(token))
      .field('kind', kind)
      .field('dryRun', String(dryRun))
      .attach('CSV', Buffer.from(csv), name);
  const satkers = (codes: string[]) =>
    t.db.query(
      `SELECT s.code, s.name, k.code AS kppn, s.kl_code AS kl, s.manages_up AS up FROM satkers s JOIN offices k ON k.id = s.kppn_id
      WHERE s.code = ANY($1::text[]) ORDER BY s.code`,
      [codes],
    );
  const auditOf = (keys: string[]) =>
    t.db.query(
      `SELECT action, entity_key AS key, before, after FROM audit_log WHERE entity_key = ANY($1::text[])
      ORDER BY array_position($1::text[], entity_key), id`,
      [keys],
    );

  it('satkers: a dry run lists every bad row by line, the real run refuses them all, a clean file imports once', async () => {
    const [a, b, c, d] = await freshCodes(t, 4);
    const csv =
      `${BOM}kode_satker,nama,kode_kppn,kode_kl,kelola_up\r\n` +
      `${a},"Satker Uji A, Tbk",${kppn},015,ya\r\n` +
      `12345,Satker Kode Pendek,${kppn},,\r\n` +
      `${b},"Satker ""Bercatatan""\r\nDua Baris",${kppn},,tidak\r\n` +
      `${c},Satker KPPN Lain,${otherKppn},,\r\n` +
      `${a},Satker Ganda,${kppn},,\r\n` +
      `${d},Satker KPPN Tak Dikenal,TIDAKADA,,\r\n` +
      `${d},Satker Kelola,${kppn},,mungkin\r\n`;
    const expected = [
      { line: 3, problem: 'kode satker "12345" harus 6 digit angka' },
      { line: 6, problem: `KPPN ${otherKppn} tidak ditemukan atau di luar wewenang Anda` },
      { line: 7, problem: `kode satker sama dengan baris 2` },
      { line: 8, problem: 'KPPN TIDAKADA tidak ditemukan atau di luar wewenang Anda' },
      { line: 9, problem: `kode satker sama dengan baris 8` },
    ];
    const dry = await upload(tok.kanwil, 'satkers', true, csv);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      kind: 'satkers',
      dryRun: true,
      delimiter: ',',
      rows: 7,
      created: 2,
      updated: 0,
      unchanged: 0,
      changed: 2,
    });
    expect(dry.body.problems).toEqual(expected);
    const real = await upload(tok.kanwil, 'satkers', false, csv);
    expect([real.status, real.body.error.code, real.body.error.details]).toEqual([422, 'IMPORT_INVALID', expected]);
    expect(await satkers([a, b, c, d])).toEqual([]);
    expect(await auditOf([a, b])).toEqual([]);

    const clean =
      `${BOM}kode_satker,nama,kode_kppn,kode_kl,kelola_up\r\n${a},"Satker Uji A, Tbk",${kppn},015,ya\r\n` +
      `${b},"Satker ""Bercatatan""\r\nDua Baris",${kppn},,tidak\r\n`;
    const first = await upload(tok.kanwil, 'satkers', false, clean, 'satker-bersih.csv');
    expect(first.body).toMatchObject({
      dryRun: false,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      changed: 2,
      problems: [],
    });
    expect(await satkers([a, b])).toEqual([
      { code: a, name: 'Satker Uji A, Tbk', kppn, kl: '015', up: true },
      { code: b, name: 'Satker "Bercatatan"\r\nDua Baris', kppn, kl: null, up: false },
    ]);
    const again = await upload(tok.kanwil, 'satkers', false, clean, 'satker-bersih.csv');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, changed: 0 });
    const audit = await auditOf([a, b]);
    expect(audit.map((r: { action: string; key: string }) => [r.action, r.key])).toEqual([
      ['SATKER_CREATED', a],
      ['SATKER_CREATED', b],
    ]);
    expect(audit[0]).toMatchObject({
      before: null,
      after: { code: a, name: 'Satker Uji A, Tbk', kppnCode: kppn, klCode: '015', managesUp: true },
    });
    const summaries = await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'IMPORT_APPLIED' AND after ->> 'fileName' = 'satker-bersih.csv'
      AND actor_id = (SELECT person_id FROM staff_roles WHERE office_id = $1 AND role = 'ADMIN' LIMIT 1)`,
      [w.kanwilId],
    );
    expect(summaries.map((s: { after: { created: number; rows: number } }) => [s.after.rows, s.after.created])).toEqual(
      [[2, 2]],
    );

    // Excel in an Indonesian locale: semicolons; an absent optional column keeps what is stored.
    const changed = await upload(
      tok.kanwil,
      'satkers',
      false,
      `kode_satker;nama;kode_kppn\n${a};"Satker Uji A; Berganti Nama";${kppn}\n${b};"Satker ""Bercatatan""\nDua Baris";${kppn}\n`,
    );
    expect(changed.body).toMatchObject({ delimiter: ';', created: 0, updated: 2, unchanged: 0 });
    expect((await satkers([a]))[0]).toMatchObject({ name: 'Satker Uji A; Berganti Nama', kl: '015', up: true });
  });

  it('is all or nothing: one bad row keeps every good row out', async () => {
    const [a, b] = await freshCodes(t, 2);
    const res = await upload(
      tok.national,
      'satkers',
      false,
      `kode_satker;nama;kode_kppn\n${a};Satker Baik Satu;${kppn}\n${b};Satker Baik Dua;${otherKppn}\n${a}9;Kode Rusak;${kppn}\n`,
    );
    expect([res.status, res.body.error.details]).toEqual([
      422,
      [{ line: 4, problem: `kode satker "${a}9" harus 6 digit angka` }],
    ]);
    expect(await satkers([a, b])).toEqual([]);
    expect(await auditOf([a, b])).toEqual([]);
  });

  it('offices: a Kanwil and its new KPPN in one file (parent first), WIT; scope refusals for a Kanwil admin', async () => {
    const suffix = String(randomInt(1000, 10000));
    const [kanwilCode, kppnCode] = [`WPB.${suffix}`, `K${suffix}`];
    const csv =
      `kode;jenis;nama;zona_waktu;induk;kota;email\n` +
      `${kppnCode};KPPN;KPPN Uji Wamena;WIT;${kanwilCode};Wamena;kppn.wamena@kemenkeu.go.id\n` +
      `${kanwilCode};KANWIL;Kanwil DJPb Uji Papua Pegunungan;WIT;;Jayawijaya;\n`;
    const refused = await upload(tok.kanwil, 'offices', false, csv);
    expect([refused.status, refused.body.error.details]).toEqual([
      422,
      [
        { line: 2, problem: `kantor ${kppnCode} tidak ditemukan atau di luar wewenang Anda` },
        { line: 3, problem: `kantor ${kanwilCode} tidak ditemukan atau di luar wewenang Anda` },
      ],
    ]);
    const done = await upload(tok.national, 'offices', false, csv);
    expect(done.body).toMatchObject({ created: 2, updated: 0, problems: [] });
    const rows = await t.db.query(
      `SELECT o.code, o.kind, o.time_zone AS tz, p.code AS parent, o.city, o.email FROM offices o
      LEFT JOIN offices p ON p.id = o.parent_id WHERE o.code = ANY($1::text[]) ORDER BY o.kind`,
      [[kanwilCode, kppnCode]],
    );
    expect(rows).toEqual([
      { code: kanwilCode, kind: 'KANWIL', tz: 'Asia/Jayapura', parent: null, city: 'Jayawijaya', email: null },
      {
        code: kppnCode,
        kind: 'KPPN',
        tz: 'Asia/Jayapura',
        parent: kanwilCode,
        city: 'Wamena',
        email: 'kppn.wamena@kemenkeu.go.id',
      },
    ]);
    expect((await upload(tok.national, 'offices', false, csv)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect((await auditOf([kanwilCode, kppnCode])).map((r: { action: string }) => r.action)).toEqual([
      'OFFICE_CREATED',
      'OFFICE_CREATED',
    ]);
    const kind = await upload(
      tok.national,
      'offices',
      true,
      `kode,jenis,nama,zona_waktu,induk\n${kppnCode},KANWIL,KPPN Uji Wamena,WIT,\n`,
    );
    expect(kind.body.problems).toEqual([{ line: 2, problem: `jenis kantor ${kppnCode} tidak dapat diubah (KPPN)` }]);
  });

  it("staff: a KPPN admin adds its own staff (new identities get the activation e-mail), never another office's", async () => {
    const [fresh, other] = [randomNik(), randomNik()];
    const csv =
      `nik,nama,email,kode_kantor,peran\n${fresh},Petugas Baru,${fresh}@kemenkeu.go.id,${kppn},CSO\n` +
      `${w.cso.nik},${w.cso.name},x@kemenkeu.go.id,${kppn},SUPERVISOR\n` +
      `${other},Petugas Lain,${other}@kemenkeu.go.id,${otherKppn},CSO\n1.23457E+15,Angka Ilmiah,a@kemenkeu.go.id,${kppn},CSO\n`;
    const dry = await upload(tok.kppn, 'staff', true, csv);
    expect(dry.body.problems).toEqual([
      { line: 4, problem: `kantor ${otherKppn} tidak ditemukan atau di luar wewenang Anda` },
      { line: 5, problem: 'NIK tertulis sebagai angka ilmiah: format kolom NIK di Excel sebagai Teks' },
    ]);
    expect(await t.db.query(`SELECT 1 FROM persons WHERE nik = $1`, [fresh])).toEqual([]);
    const good = csv.split('\n').slice(0, 3).join('\n');
    expect((await upload(tok.kppn, 'staff', false, good)).body).toMatchObject({ created: 2, unchanged: 0 });
    expect((await upload(tok.kppn, 'staff', false, good)).body).toMatchObject({ created: 0, unchanged: 2, changed: 0 });
    const mails = await t.db.query(`SELECT topic FROM outbox WHERE recipient = $1`, [`${fresh}@kemenkeu.go.id`]);
    expect(mails).toEqual([{ topic: 'digit.activation' }]);
    const roles = await t.db.query(
      `SELECT p.nik, r.role FROM staff_roles r JOIN persons p ON p.id = r.person_id WHERE r.office_id = $1 AND p.nik = ANY($2::text[]) ORDER BY r.role, p.nik = $3 DESC`,
      [w.kppnId, [fresh, w.cso.nik], fresh],
    );
    expect(roles).toEqual([
      { nik: fresh, role: 'CSO' },
      { nik: w.cso.nik, role: 'CSO' },
      { nik: w.cso.nik, role: 'SUPERVISOR' },
    ]);
    const audit = await auditOf([`${fresh}/${kppn}/CSO`, `${w.cso.nik}/${kppn}/SUPERVISOR`]);
    expect(audit.map((r: { after: { identityCreated: boolean } }) => r.after.identityCreated)).toEqual([true, false]);
  });

  it('refuses people who are not admins and files that are not CSV, changing nothing', async () => {
    const cso = await upload(tok.cso, 'satkers', true, `kode_satker,nama,kode_kppn\n`);
    expect([cso.status, cso.body.error.code]).toEqual([403, 'NOT_AN_ADMIN']);
    const header = await upload(tok.national, 'satkers', true, `kode,nama\n123456,X\n`);
    expect([header.status, header.body.error.code]).toEqual([422, 'INVALID_CSV']);
    const kind = await upload(tok.national, 'persons', true, `a\n`);
    expect([kind.status, kind.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const none = await t.http
      .post('/api/v1/admin/imports')
      .set(auth(tok.national))
      .field('kind', 'satkers')
      .field('dryRun', 'true');
    expect([none.status, none.body.error.code]).toEqual([422, 'CSV_REQUIRED']);
  });
  it('moves a satker to another KPPN like a move by hand: open tickets stay, each with a note', async () => {
    const satkerTok = await login(t, w.satkerUser);
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(satkerTok))
      .send({
        service: 'PERTANYAAN',
        form: { perihal: 'Sebelum pindah', uraian: 'Tiket terbuka saat satker dipindahkan.' },
      });
    expect(filed.status).toBe(201);
    const moved = await upload(
      tok.national,
      'satkers',
      false,
      `kode_satker,nama,kode_kppn\n${w.satker.code},${w.satker.name},${otherKppn}\n`,
    );
    expect(moved.body).toMatchObject({ created: 0, updated: 1 });
    const [ticket] = await t.db.query(`SELECT office_id AS "officeId" FROM tickets WHERE id = $1`, [filed.body.id]);
    expect(ticket.officeId).toBe(w.kppnId);
    const notes = await t.db.query(
      `SELECT body FROM ticket_messages WHERE ticket_id = $1 AND visibility = 'INTERNAL'`,
      [filed.body.id],
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].body).toContain(`Satker ${w.satker.code}`);
    expect(
      (await auditOf([w.satker.code])).map((r: { action: string; before: { kppnCode: string } }) => [
        r.action,
        r.before.kppnCode,
      ]),
    ).toEqual([['SATKER_MOVED', kppn]]);
  });
});
