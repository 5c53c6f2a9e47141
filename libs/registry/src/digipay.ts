import { Injectable } from '@nestjs/common';
import { fail, readCsv, type CsvProblem } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { EMAIL_PATTERN, nikProblem, NIK_PROBLEM_MESSAGES, PHONE_PATTERN } from '@loket/workflow';

export const SATKER_ROLES = ['PPK', 'PEMESAN', 'PEJABAT_PENGADAAN', 'PENERIMA', 'BENDAHARA'] as const;
export const VENDOR_USER_ROLES = ['STAF_VENDOR', 'KURIR_VENDOR'] as const;

export interface DigipayPerson {
  nik: string;
  nama: string;
  email: string;
  telepon: string;
}

export interface VendorInput {
  nama: string;
  nib: string;
  npwp: string;
  tdp: string;
  skkpp: string;
  telepon: string;
  email: string;
}

function checkPerson(p: DigipayPerson, prefix = ''): Array<{ field: string; problem: string }> {
  const problems: Array<{ field: string; problem: string }> = [];
  const nik = nikProblem(p.nik);
  if (nik) problems.push({ field: `${prefix}nik`, problem: NIK_PROBLEM_MESSAGES[nik] });
  if (!p.nama?.trim()) problems.push({ field: `${prefix}nama`, problem: 'Nama wajib diisi.' });
  if (!EMAIL_PATTERN.test(p.email ?? '')) problems.push({ field: `${prefix}email`, problem: 'E-mail tidak valid.' });
  if (!PHONE_PATTERN.test(p.telepon ?? ''))
    problems.push({ field: `${prefix}telepon`, problem: 'Nomor telepon tidak valid.' });
  return problems;
}

function checkVendor(v: VendorInput): Array<{ field: string; problem: string }> {
  const problems: Array<{ field: string; problem: string }> = [];
  if (!v.nama?.trim()) problems.push({ field: 'nama', problem: 'Nama vendor wajib diisi.' });
  if (!/^\d{13}$/.test(v.nib ?? '')) problems.push({ field: 'nib', problem: 'NIB harus 13 digit angka.' });
  if (!/^\d{15}(\d)?$/.test((v.npwp ?? '').replace(/[.-]/g, '')))
    problems.push({ field: 'npwp', problem: 'NPWP harus 15 atau 16 digit angka.' });
  if (!v.tdp?.trim()) problems.push({ field: 'tdp', problem: 'Nomor TDP wajib diisi.' });
  if (!v.skkpp?.trim()) problems.push({ field: 'skkpp', problem: 'Nomor SKKPP wajib diisi.' });
  if (!EMAIL_PATTERN.test(v.email ?? '')) problems.push({ field: 'email', problem: 'E-mail vendor tidak valid.' });
  if (!PHONE_PATTERN.test(v.telepon ?? ''))
    problems.push({ field: 'telepon', problem: 'Nomor telepon vendor tidak valid.' });
  return problems;
}

const invalid = (problems: Array<{ field: string; problem: string }>) =>
  fail(
    'VALIDATION_FAILED',
    problems.map((p) => ({ field: p.field, problems: [p.problem] })),
  );

const roleRequired = (role: string) => fail('DIGIPAY_ROLE_REQUIRED', { role }, { role });

/**
 * Digipay as the satker uses it after its admin is registered: each role performs its own step
 * only — the satker admin creates the satker users, the Pejabat Pengadaan registers vendors with
 * their admin, the vendor admin creates staff and couriers.
 */
@Injectable()
export class DigipayRegistry {
  /**
   * At SELESAI of DIGIPAY_ADMIN: the satker's admin account (a previous one is replaced). The new
   * admin's e-mail is the service's notice (libs/services/src/digipay-admin/notices.ts).
   */
  async activateAdmin(
    db: Queryable,
    ticket: { id: string; satkerId: string; actorId: string | null },
    admin: DigipayPerson,
  ) {
    // A vendor's user cannot administer the satker that buys from it.
    const vendorUser = await one(
      db,
      `SELECT 1 FROM digipay_users WHERE nik = $1 AND vendor_id IS NOT NULL AND status = 'AKTIF'`,
      [admin.nik],
    );
    if (vendorUser) {
      throw fail('OUTCOME_FAILED', { reason: 'VENDOR_USER', nama: admin.nama }, { reason: 'VENDOR_USER' });
    }
    await db.query(
      `UPDATE digipay_users SET status = 'NONAKTIF' WHERE satker_id = $1 AND role = 'ADMIN_SATKER' AND status = 'AKTIF'`,
      [ticket.satkerId],
    );
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO digipay_users (satker_id, role, nik, name, email, phone, source_ticket_id, created_by)
       VALUES ($1, 'ADMIN_SATKER', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [ticket.satkerId, admin.nik, admin.nama, admin.email, admin.telepon, ticket.id, ticket.actorId],
    );
    return { digipayUserId: row!.id };
  }

  async createSatkerUser(
    db: Queryable,
    actorNik: string,
    actorId: string,
    satkerCode: string,
    role: string,
    person: DigipayPerson,
  ) {
    const satker = await this.actingAs(db, actorNik, satkerCode, 'ADMIN_SATKER');
    if (!(SATKER_ROLES as readonly string[]).includes(role)) {
      throw invalid([{ field: 'role', problem: `Peran harus salah satu dari: ${SATKER_ROLES.join(', ')}.` }]);
    }
    const problems = checkPerson(person);
    if (problems.length) throw invalid(problems);
    return this.insertUser(db, satker, null, role, person, actorId);
  }

  async registerVendor(
    db: Queryable,
    actorNik: string,
    actorId: string,
    satkerCode: string,
    vendor: VendorInput,
    admin: DigipayPerson,
  ) {
    const satker = await this.actingAs(db, actorNik, satkerCode, 'PEJABAT_PENGADAAN');
    const problems = [...checkVendor(vendor), ...checkPerson(admin, 'admin.')];
    if (problems.length) throw invalid(problems);
    const created = await one<{ id: string }>(
      db,
      `INSERT INTO digipay_vendors (satker_id, name, nib, npwp, tdp, skkpp, phone, email, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (satker_id, nib) DO NOTHING RETURNING id`,
      [
        satker,
        vendor.nama,
        vendor.nib,
        vendor.npwp.replace(/[.-]/g, ''),
        vendor.tdp,
        vendor.skkpp,
        vendor.telepon,
        vendor.email,
        actorId,
      ],
    );
    if (!created) throw fail('VENDOR_EXISTS', { nib: vendor.nib });
    const adminUser = await this.insertUser(db, satker, created.id, 'ADMIN_VENDOR', admin, actorId);
    return { vendorId: created.id, adminUserId: adminUser.id };
  }

  async createVendorUser(
    db: Queryable,
    actorNik: string,
    actorId: string,
    vendorId: string,
    role: string,
    person: DigipayPerson,
  ) {
    const admin = await one<{ satkerId: string }>(
      db,
      `SELECT satker_id AS "satkerId" FROM digipay_users WHERE nik = $1 AND vendor_id = $2 AND role = 'ADMIN_VENDOR' AND status = 'AKTIF'`,
      [actorNik, vendorId],
    );
    if (!admin) throw roleRequired('ADMIN_VENDOR');
    if (!(VENDOR_USER_ROLES as readonly string[]).includes(role)) {
      throw invalid([{ field: 'role', problem: `Peran harus salah satu dari: ${VENDOR_USER_ROLES.join(', ')}.` }]);
    }
    const problems = checkPerson(person);
    if (problems.length) throw invalid(problems);
    return this.insertUser(db, admin.satkerId, vendorId, role, person, actorId);
  }

  /** Implementation progress of the UP-managing satkers of some KPPNs; `laggingOnly` for coaching lists. */
  progress(db: Queryable, kppnIds: string[], laggingOnly: boolean) {
    return many(
      db,
      `WITH p AS (
         SELECT s.code AS "kodeSatker", s.name AS "namaSatker",
                EXISTS (SELECT 1 FROM digipay_users u WHERE u.satker_id = s.id AND u.role = 'ADMIN_SATKER' AND u.status = 'AKTIF') AS "adminTerdaftar",
                (SELECT count(DISTINCT role)::int FROM digipay_users u WHERE u.satker_id = s.id AND u.status = 'AKTIF'
                   AND u.role IN ('PPK', 'PEMESAN', 'PEJABAT_PENGADAAN', 'PENERIMA', 'BENDAHARA')) AS "peranSatkerTerisi",
                (SELECT count(*)::int FROM digipay_vendors v WHERE v.satker_id = s.id) AS "jumlahVendor",
                COALESCE((SELECT sum(count)::int FROM digipay_transactions x WHERE x.satker_id = s.id), 0) AS "jumlahTransaksi"
           FROM satkers s WHERE s.kppn_id = ANY($1::uuid[]) AND s.manages_up)
       SELECT *, NOT ("adminTerdaftar" AND "peranSatkerTerisi" = 5 AND "jumlahVendor" > 0 AND "jumlahTransaksi" > 0) AS tertinggal
         FROM p WHERE NOT $2 OR NOT ("adminTerdaftar" AND "peranSatkerTerisi" = 5 AND "jumlahVendor" > 0 AND "jumlahTransaksi" > 0)
        ORDER BY tertinggal DESC, "jumlahTransaksi", "kodeSatker"`,
      [kppnIds, laggingOnly],
    );
  }

  /**
   * Monthly transaction counts from a CSV (`kode_satker,bulan,jumlah`, e.g. `632118,2026-10,14`; comma or
   * semicolon, with or without BOM, quoted cells allowed) for satkers of the importer's KPPNs. All rows or none: any bad row is reported by line number.
   */
  async importTransactions(db: Queryable, kppnIds: string[], actorId: string, csv: Buffer) {
    const table = readCsv(csv, { required: ['kode_satker', 'bulan', 'jumlah'] });
    const satkers = new Map(
      (
        await many<{ id: string; code: string }>(db, `SELECT id, code FROM satkers WHERE kppn_id = ANY($1::uuid[])`, [
          kppnIds,
        ])
      ).map((r) => [r.code, r.id]),
    );
    const rows: Array<{ satkerId: string; month: string; count: number }> = [];
    const problems: CsvProblem[] = [...table.problems];
    for (const {
      line,
      cells: { kode_satker: code, bulan: month, jumlah: count },
    } of table.rows) {
      const problem = !satkers.has(code)
        ? `satker ${code} tidak dikenal atau bukan mitra KPPN Anda`
        : !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)
          ? `bulan ${month} tidak valid (YYYY-MM)`
          : !/^\d{1,9}$/.test(count)
            ? `jumlah ${count} harus bilangan bulat tidak negatif`
            : null;
      if (problem) problems.push({ line, problem });
      else rows.push({ satkerId: satkers.get(code)!, month: `${month}-01`, count: Number(count) });
    }
    problems.sort((a, b) => a.line - b.line);
    if (problems.length) throw fail('INVALID_CSV', { reason: 'ROWS', count: problems.length }, problems);
    await db.query(
      `INSERT INTO digipay_transactions (satker_id, month, count, imported_by)
       SELECT r.satker_id, r.month, r.count, $4 FROM unnest($1::uuid[], $2::date[], $3::int[]) AS r(satker_id, month, count)
       ON CONFLICT (satker_id, month) DO UPDATE SET count = EXCLUDED.count, imported_by = EXCLUDED.imported_by, imported_at = now()`,
      [rows.map((r) => r.satkerId), rows.map((r) => r.month), rows.map((r) => r.count), actorId],
    );
    return { imported: rows.length };
  }

  private async actingAs(db: Queryable, actorNik: string, satkerCode: string, role: string): Promise<string> {
    const satker = await one<{ id: string }>(db, `SELECT id FROM satkers WHERE code = $1`, [satkerCode]);
    if (!satker) throw fail('SATKER_NOT_FOUND');
    const holds = await one(
      db,
      `SELECT 1 FROM digipay_users WHERE nik = $1 AND satker_id = $2 AND role = $3 AND status = 'AKTIF' AND vendor_id IS NULL`,
      [actorNik, satker.id, role],
    );
    if (!holds) throw roleRequired(role);
    return satker.id;
  }

  private async insertUser(
    db: Queryable,
    satkerId: string,
    vendorId: string | null,
    role: string,
    p: DigipayPerson,
    actorId: string,
  ) {
    return (await one<{ id: string; role: string }>(
      db,
      `INSERT INTO digipay_users (satker_id, vendor_id, role, nik, name, email, phone, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, role`,
      [satkerId, vendorId, role, p.nik, p.nama, p.email, p.telepon, actorId],
    ))!;
  }
}
