import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CsvProblem, CsvRow } from '@loket/common';
import { many, one } from '@loket/db';
import { mayShape } from '../admin-scope';
import { SatkersAdmin } from '../satkers';
import {
  firstOfEachKey,
  optional,
  outOfScope,
  type ApplyCounts,
  type ImportContext,
  type Importer,
} from './import-types';
import { officesByCode } from './offices-lookup';

interface SatkerRow {
  line: number;
  code: string;
  name: string;
  kppnId: string;
  kppnCode: string;
  klCode: string | null;
  eselon1Code: string | null;
  managesUp: boolean;
}

const YES = new Set(['ya', 'y', 'true', '1']);
const NO = new Set(['tidak', 't', 'false', '0']);

/**
 * Satkers by kode satker (`kode_satker,nama,kode_kppn[,kode_kl,kode_eselon1,kelola_up]`): Kantor
 * Pusat any, a Kanwil admin those of its KPPNs (a satker of another region is a bad row). A new
 * KPPN is a move: open tickets stay at the old KPPN with a note, as when an admin moves it by hand.
 */
@Injectable()
export class SatkerImport implements Importer<SatkerRow[]> {
  readonly columns = {
    required: ['kode_satker', 'nama', 'kode_kppn'],
    optional: ['kode_kl', 'kode_eselon1', 'kelola_up'],
  } as const;

  constructor(private readonly satkers: SatkersAdmin) {}

  async check(em: EntityManager, rows: CsvRow[], ctx: ImportContext, problems: CsvProblem[]): Promise<SatkerRow[]> {
    const unique = firstOfEachKey(rows, (r) => r.cells.kode_satker, 'kode satker', problems);
    const offices = await officesByCode(
      em,
      ctx.scope,
      unique.map((r) => r.cells.kode_kppn),
    );
    const stored = new Map(
      (
        await many<{
          code: string;
          name: string;
          kppnId: string;
          kppnParentId: string | null;
          klCode: string | null;
          eselon1Code: string | null;
          managesUp: boolean;
        }>(
          em,
          `SELECT s.code, s.name, s.kppn_id AS "kppnId", k.parent_id AS "kppnParentId", s.kl_code AS "klCode", s.eselon1_code AS "eselon1Code", s.manages_up AS "managesUp"
         FROM satkers s JOIN offices k ON k.id = s.kppn_id WHERE s.code = ANY($1::text[])`,
          [unique.map((r) => r.cells.kode_satker)],
        )
      ).map((s) => [s.code, s]),
    );
    const plan: SatkerRow[] = [];
    for (const { line, cells } of unique) {
      const before = stored.get(cells.kode_satker);
      const kppn = offices.get(cells.kode_kppn);
      const klCode = optional(cells, 'kode_kl', before?.klCode);
      const eselon1Code = optional(cells, 'kode_eselon1', before?.eselon1Code);
      const up = (cells.kelola_up ?? '').toLowerCase();
      const problem = !/^\d{6}$/.test(cells.kode_satker)
        ? `kode satker "${cells.kode_satker}" harus 6 digit angka`
        : cells.nama.length < 3 || cells.nama.length > 255
          ? 'nama satker harus 3-255 karakter'
          : !kppn || !mayShape(ctx.scope, kppn)
            ? outOfScope(`KPPN ${cells.kode_kppn}`)
            : kppn.kind !== 'KPPN'
              ? `kantor ${cells.kode_kppn} bukan KPPN`
              : before && !mayShape(ctx.scope, { id: before.kppnId, parentId: before.kppnParentId })
                ? `satker ${cells.kode_satker} terdaftar pada KPPN di luar wewenang Anda`
                : klCode !== null && !/^\d{3}$/.test(klCode)
                  ? `kode K/L "${klCode}" harus 3 digit angka`
                  : eselon1Code !== null && !/^\d{2}$/.test(eselon1Code)
                    ? `kode eselon I "${eselon1Code}" harus 2 digit angka`
                    : up && !YES.has(up) && !NO.has(up)
                      ? `kelola_up "${cells.kelola_up}" harus ya atau tidak`
                      : null;
      if (problem) {
        problems.push({ line, problem });
        continue;
      }
      const row = {
        line,
        code: cells.kode_satker,
        name: cells.nama,
        kppnId: kppn!.id,
        kppnCode: kppn!.code,
        klCode,
        eselon1Code,
        managesUp: up ? YES.has(up) : (before?.managesUp ?? true),
      };
      // A row equal to what is stored is not written at all: re-importing 24,000 satkers then costs only the reads.
      const same =
        before &&
        before.name === row.name &&
        before.kppnId === row.kppnId &&
        before.klCode === row.klCode &&
        before.eselon1Code === row.eselon1Code &&
        before.managesUp === row.managesUp;
      if (!same) plan.push(row);
    }
    return plan;
  }

  /** One statement writes every new or changed satker and its audit row; unchanged rows are not touched. */
  async apply(em: EntityManager, plan: SatkerRow[], ctx: ImportContext): Promise<ApplyCounts> {
    const col = <K extends keyof SatkerRow>(k: K) => plan.map((r) => r[k]);
    const result = await one<{
      created: number;
      updated: number;
      moved: Array<{ id: string; code: string; name: string; kppnName: string; newKppnName: string }>;
    }>(
      em,
      `WITH r AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[])
           AS r(code, name, kppn_id, kppn_code, kl_code, eselon1_code, manages_up)
       ), old AS (
         SELECT s.code, s.name, s.kppn_id, k.code AS kppn_code, k.name AS kppn_name, s.kl_code, s.eselon1_code, s.manages_up
           FROM satkers s JOIN offices k ON k.id = s.kppn_id WHERE s.code = ANY($1::text[])
       ), up AS (
         INSERT INTO satkers AS s (code, name, kppn_id, kl_code, eselon1_code, manages_up)
         SELECT code, name, kppn_id, kl_code, eselon1_code, manages_up FROM r
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kppn_id = EXCLUDED.kppn_id, kl_code = EXCLUDED.kl_code,
           eselon1_code = EXCLUDED.eselon1_code, manages_up = EXCLUDED.manages_up, updated_at = now()
         WHERE (s.name, s.kppn_id, s.kl_code, s.eselon1_code, s.manages_up)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kppn_id, EXCLUDED.kl_code, EXCLUDED.eselon1_code, EXCLUDED.manages_up)
         RETURNING s.id, s.code, s.kppn_id
       ), changed AS (
         SELECT up.id, up.code, up.kppn_id, r.name, r.kppn_code, r.kl_code, r.eselon1_code, r.manages_up,
                old.code IS NULL AS created, old.kppn_id IS DISTINCT FROM up.kppn_id AND old.code IS NOT NULL AS moved,
                old.name AS old_name, old.kppn_code AS old_kppn_code, old.kppn_name AS old_kppn_name,
                old.kl_code AS old_kl_code, old.eselon1_code AS old_eselon1_code, old.manages_up AS old_manages_up
           FROM up JOIN r USING (code) LEFT JOIN old USING (code)
       ), audit AS (
         INSERT INTO audit_log (actor_id, office_id, action, entity_type, entity_key, before, after, reason)
         SELECT $8, c.kppn_id, CASE WHEN c.created THEN 'SATKER_CREATED' WHEN c.moved THEN 'SATKER_MOVED' ELSE 'SATKER_UPDATED' END,
                'SATKER', c.code,
                CASE WHEN NOT c.created THEN jsonb_build_object('code', c.code, 'name', c.old_name, 'kppnCode', c.old_kppn_code,
                  'klCode', c.old_kl_code, 'eselon1Code', c.old_eselon1_code, 'managesUp', c.old_manages_up) END,
                jsonb_build_object('code', c.code, 'name', c.name, 'kppnCode', c.kppn_code, 'klCode', c.kl_code,
                  'eselon1Code', c.eselon1_code, 'managesUp', c.manages_up),
                $9
           FROM changed c
       )
       SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated,
              COALESCE(json_agg(json_build_object('id', c.id, 'code', c.code, 'name', c.old_name, 'kppnName', c.old_kppn_name,
                'newKppnName', (SELECT name FROM offices WHERE id = c.kppn_id))) FILTER (WHERE moved), '[]') AS moved
         FROM changed c`,
      [
        col('code'),
        col('name'),
        col('kppnId'),
        col('kppnCode'),
        col('klCode'),
        col('eselon1Code'),
        col('managesUp'),
        ctx.actor.personId,
        ctx.reason,
      ],
    );
    // Moves are rare: each leaves its open tickets at the old KPPN with the same note a move by hand writes.
    for (const m of result!.moved) await this.satkers.noteOpenTickets(em, ctx.actor, m, m.newKppnName);
    return { created: result!.created, updated: result!.updated };
  }
}
