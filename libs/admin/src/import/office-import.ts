import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CsvProblem, CsvRow } from '@loket/common';
import { many, one } from '@loket/db';
import { EMAIL_PATTERN } from '@loket/workflow';
import { mayShape } from '../admin-scope';
import { OFFICE_KINDS, TIME_ZONES } from '../offices';
import {
  firstOfEachKey,
  optional,
  outOfScope,
  type ApplyCounts,
  type ImportContext,
  type Importer,
} from './import-types';
import { officesByCode, type KnownOffice } from './offices-lookup';

const ZONES: Record<string, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };
/** The kind each kind of office may sit under (empty: at the top). */
const PARENT_KINDS: Record<string, string[]> = {
  PUSAT: [''],
  KANWIL: ['PUSAT', ''],
  KPPN: ['KANWIL'],
  PUSINTEK: ['PUSAT', ''],
};
const OPTIONAL = ['induk', 'kota', 'alamat', 'jalan', 'telepon', 'faks', 'email', 'situs', 'kode_surat'] as const;
const STORED = ['parentCode', 'city', 'address', 'street', 'phone', 'fax', 'email', 'website', 'letterCode'] as const;

type Stored = Record<(typeof STORED)[number], string | null> & { id: string; kind: string; parentId: string | null };
interface OfficeRow extends Record<(typeof STORED)[number], string | null> {
  line: number;
  code: string;
  kind: string;
  name: string;
  timeZone: string;
}

const AUDITED = `jsonb_build_object('code', o.code, 'kind', o.kind, 'name', o.name, 'parentCode', (SELECT code FROM offices p WHERE p.id = o.parent_id),
  'timeZone', o.time_zone, 'address', o.address, 'street', o.street, 'city', o.city, 'phone', o.phone, 'fax', o.fax, 'email', o.email,
  'website', o.website, 'letterCode', o.letter_code)`;

/**
 * Offices by office code (`kode,jenis,nama,zona_waktu[,induk,kota,alamat,jalan,telepon,faks,email,situs,kode_surat]`):
 * Kantor Pusat any, a Kanwil admin its own record and its KPPNs. A parent may be a row of the same
 * file: rows are written level by level (a Kanwil before its KPPNs), one statement per level.
 */
@Injectable()
export class OfficeImport implements Importer<OfficeRow[][]> {
  readonly columns = { required: ['kode', 'jenis', 'nama', 'zona_waktu'], optional: OPTIONAL };

  async check(em: EntityManager, rows: CsvRow[], ctx: ImportContext, problems: CsvProblem[]): Promise<OfficeRow[][]> {
    const unique = firstOfEachKey(rows, (r) => r.cells.kode.toUpperCase(), 'kode kantor', problems);
    const known = await officesByCode(
      em,
      ctx.scope,
      unique.flatMap((r) => [r.cells.kode, r.cells.induk ?? '']),
    );
    const stored = new Map(
      (
        await many<Stored & { code: string }>(
          em,
          `SELECT o.id, o.code, o.kind, o.parent_id AS "parentId", p.code AS "parentCode", o.city, o.address, o.street, o.phone, o.fax,
              o.email, o.website, o.letter_code AS "letterCode"
         FROM offices o LEFT JOIN offices p ON p.id = o.parent_id WHERE o.code = ANY($1::text[])`,
          [unique.map((r) => r.cells.kode)],
        )
      ).map((o) => [o.code, o]),
    );
    const inFile = new Map(unique.map((r) => [r.cells.kode, r.cells.jenis.toUpperCase()]));
    const plan: OfficeRow[] = [];
    for (const { line, cells } of unique) {
      const before = stored.get(cells.kode);
      const row = {
        line,
        code: cells.kode,
        kind: cells.jenis.toUpperCase(),
        name: cells.nama,
        timeZone: ZONES[cells.zona_waktu.toUpperCase()] ?? cells.zona_waktu,
        ...Object.fromEntries(STORED.map((k, i) => [k, optional(cells, OPTIONAL[i], before?.[k])])),
      } as OfficeRow;
      const problem = this.problem(row, before, known, inFile, ctx);
      if (problem) problems.push({ line, problem });
      else plan.push(row);
    }
    return levels(plan);
  }

  private problem(
    r: OfficeRow,
    before: Stored | undefined,
    known: Map<string, KnownOffice>,
    inFile: Map<string, string>,
    ctx: ImportContext,
  ): string | null {
    if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/.test(r.code))
      return `kode kantor "${r.code}" hanya boleh huruf, angka, titik dan tanda minus (maks. 20)`;
    if (!(OFFICE_KINDS as readonly string[]).includes(r.kind))
      return `jenis "${r.kind}" harus ${OFFICE_KINDS.join(', ')}`;
    if (r.name.length < 3 || r.name.length > 200) return 'nama kantor harus 3-200 karakter';
    if (!(TIME_ZONES as readonly string[]).includes(r.timeZone))
      return `zona waktu "${r.timeZone}" harus WIB, WITA atau WIT`;
    if (r.email !== null && !EMAIL_PATTERN.test(r.email)) return `e-mail "${r.email}" tidak valid`;
    if (before && before.kind !== r.kind) return `jenis kantor ${r.code} tidak dapat diubah (${before.kind})`;
    const parentKind = r.parentCode === null ? '' : (known.get(r.parentCode)?.kind ?? inFile.get(r.parentCode));
    if (r.parentCode !== null && parentKind === undefined) return outOfScope(`kantor induk ${r.parentCode}`);
    if (r.parentCode === r.code || !PARENT_KINDS[r.kind].includes(parentKind!)) {
      return `induk ${r.kind} harus ${PARENT_KINDS[r.kind].map((k) => k || 'kosong').join(' atau ') || 'kosong'}`;
    }
    // Outside Kantor Pusat, only a Kanwil's own record and KPPNs under it, staying under it.
    const parent = r.parentCode === null ? null : known.get(r.parentCode);
    const mayHold = (o: { id: string; parentId: string | null }) => mayShape(ctx.scope, o);
    const allowed =
      ctx.scope.national ||
      (before
        ? mayHold(before) &&
          (before.parentCode === r.parentCode || (!!parent && mayHold({ id: before.id, parentId: parent.id })))
        : r.kind === 'KPPN' && !!parent && mayHold({ id: '', parentId: parent.id }));
    return allowed ? null : outOfScope(`kantor ${r.code}`);
  }

  async apply(em: EntityManager, levels: OfficeRow[][], ctx: ImportContext): Promise<ApplyCounts> {
    const total = { created: 0, updated: 0 };
    for (const plan of levels) {
      const col = <K extends keyof OfficeRow>(k: K) => plan.map((r) => r[k]);
      const counts = await one<ApplyCounts>(
        em,
        `WITH r AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                                $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
             AS r(code, kind, name, time_zone, parent_code, city, address, street, phone, fax, email, website, letter_code)
         ), old AS (
           SELECT o.code, ${AUDITED} AS audited FROM offices o WHERE o.code = ANY($1::text[])
         ), up AS (
           INSERT INTO offices AS o (code, kind, name, time_zone, parent_id, city, address, street, phone, fax, email, website, letter_code)
           SELECT r.code, r.kind, r.name, r.time_zone, p.id, r.city, r.address, r.street, r.phone, r.fax, r.email, r.website, r.letter_code
             FROM r LEFT JOIN offices p ON p.code = r.parent_code
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone, parent_id = EXCLUDED.parent_id,
             city = EXCLUDED.city, address = EXCLUDED.address, street = EXCLUDED.street, phone = EXCLUDED.phone, fax = EXCLUDED.fax,
             email = EXCLUDED.email, website = EXCLUDED.website, letter_code = EXCLUDED.letter_code, updated_at = now()
           WHERE (o.name, o.time_zone, o.parent_id, o.city, o.address, o.street, o.phone, o.fax, o.email, o.website, o.letter_code)
             IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.time_zone, EXCLUDED.parent_id, EXCLUDED.city, EXCLUDED.address, EXCLUDED.street,
                               EXCLUDED.phone, EXCLUDED.fax, EXCLUDED.email, EXCLUDED.website, EXCLUDED.letter_code)
           RETURNING o.*
         ), audit AS (
           INSERT INTO audit_log (actor_id, office_id, action, entity_type, entity_key, before, after, reason)
           SELECT $14, o.id, CASE WHEN old.code IS NULL THEN 'OFFICE_CREATED' ELSE 'OFFICE_UPDATED' END, 'OFFICE', o.code,
                  old.audited, ${AUDITED.replace('(SELECT code FROM offices p WHERE p.id = o.parent_id)', '(SELECT parent_code FROM r WHERE r.code = o.code)')}, $15
             FROM up o LEFT JOIN old USING (code)
         )
         SELECT count(*) FILTER (WHERE old.code IS NULL)::int AS created, count(old.code)::int AS updated FROM up LEFT JOIN old USING (code)`,
        [
          col('code'),
          col('kind'),
          col('name'),
          col('timeZone'),
          col('parentCode'),
          col('city'),
          col('address'),
          col('street'),
          col('phone'),
          col('fax'),
          col('email'),
          col('website'),
          col('letterCode'),
          ctx.actor.personId,
          ctx.reason,
        ],
      );
      total.created += counts!.created;
      total.updated += counts!.updated;
    }
    return total;
  }
}

/** Rows whose parent is not in the file first, then their children, and so on. */
function levels(rows: OfficeRow[]): OfficeRow[][] {
  const out: OfficeRow[][] = [];
  let rest = rows;
  const placed = new Set<string>();
  while (rest.length) {
    const level = rest.filter(
      (r) => r.parentCode === null || placed.has(r.parentCode) || !rows.some((o) => o.code === r.parentCode),
    );
    if (!level.length) break; // a cycle cannot pass the parent-kind check; nothing is left here
    level.forEach((r) => placed.add(r.code));
    out.push(level);
    rest = rest.filter((r) => !level.includes(r));
  }
  return out;
}
