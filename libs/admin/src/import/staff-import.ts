import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CsvProblem, CsvRow } from '@loket/common';
import { many, one } from '@loket/db';
import { DigitIdentities } from '@loket/registry';
import { EMAIL_PATTERN, NIK_PROBLEM_MESSAGES, nikProblem, PHONE_PATTERN } from '@loket/workflow';
import { STAFF_ROLES } from '../staff';
import { firstOfEachKey, outOfScope, type ApplyCounts, type ImportContext, type Importer } from './import-types';
import { officesByCode } from './offices-lookup';

interface StaffRow {
  line: number;
  nik: string;
  name: string;
  email: string;
  nip: string | null;
  phone: string | null;
  officeId: string;
  officeCode: string;
  officeKind: string;
  role: string;
}

/**
 * Staff roles by NIK + office + role (`nik,nama,email,kode_kantor,peran[,nip,telepon]`), in the
 * importer's staff scope (Kantor Pusat all, a Kanwil its own office and KPPNs, a KPPN its own staff).
 * A NIK without a DIGIT identity gets one and its activation e-mail; an existing identity is left as
 * DIGIT has it (name and e-mail in the file are then not used). Roles are only added, never removed.
 */
@Injectable()
export class StaffImport implements Importer<StaffRow[]> {
  readonly columns = {
    required: ['nik', 'nama', 'email', 'kode_kantor', 'peran'],
    optional: ['nip', 'telepon'],
  } as const;

  constructor(private readonly identities: DigitIdentities) {}

  async check(em: EntityManager, rows: CsvRow[], ctx: ImportContext, problems: CsvProblem[]): Promise<StaffRow[]> {
    const unique = firstOfEachKey(
      rows,
      (r) => `${r.cells.nik}/${r.cells.kode_kantor}/${r.cells.peran.toUpperCase()}`,
      'NIK, kantor dan peran',
      problems,
    );
    const offices = await officesByCode(
      em,
      ctx.scope,
      unique.map((r) => r.cells.kode_kantor),
    );
    const plan: StaffRow[] = [];
    for (const { line, cells } of unique) {
      const office = offices.get(cells.kode_kantor);
      const role = cells.peran.toUpperCase();
      const nik = nikProblem(cells.nik);
      const phone = cells.telepon || null;
      const problem = /^\d(\.\d+)?E\+\d+$/i.test(cells.nik)
        ? 'NIK tertulis sebagai angka ilmiah: format kolom NIK di Excel sebagai Teks'
        : nik
          ? NIK_PROBLEM_MESSAGES[nik]
          : cells.nama.length < 3 || cells.nama.length > 200
            ? 'nama harus 3-200 karakter'
            : !EMAIL_PATTERN.test(cells.email)
              ? `e-mail "${cells.email}" tidak valid`
              : phone !== null && !PHONE_PATTERN.test(phone)
                ? `nomor telepon "${phone}" tidak valid`
                : !(STAFF_ROLES as readonly string[]).includes(role)
                  ? `peran "${cells.peran}" harus ${STAFF_ROLES.join(', ')}`
                  : !office?.staffScope
                    ? outOfScope(`kantor ${cells.kode_kantor}`)
                    : role === 'DIGIPAY_ADMIN' && office.kind !== 'KPPN'
                      ? 'peran DIGIPAY_ADMIN hanya ada di KPPN'
                      : null;
      if (problem) problems.push({ line, problem });
      else
        plan.push({
          line,
          nik: cells.nik,
          name: cells.nama,
          email: cells.email,
          nip: cells.nip || null,
          phone,
          officeId: office!.id,
          officeCode: office!.code,
          officeKind: office!.kind,
          role,
        });
    }
    return plan;
  }

  async apply(em: EntityManager, plan: StaffRow[], ctx: ImportContext): Promise<ApplyCounts> {
    const known = new Map(
      (
        await many<{ id: string; nik: string; name: string }>(
          em,
          `SELECT id, nik, name FROM persons WHERE nik = ANY($1::text[])`,
          [[...new Set(plan.map((r) => r.nik))]],
        )
      ).map((p) => [p.nik, p]),
    );
    const createdNiks = new Set<string>();
    // New people one by one: each needs its own activation token and e-mail (staff lists are thousands, not tens of thousands).
    for (const r of plan) {
      if (known.has(r.nik)) continue;
      const created = await this.identities.create(
        em,
        { nik: r.nik, name: r.name, email: r.email, nip: r.nip, phone: r.phone },
        null,
      );
      known.set(r.nik, created ?? (await this.identities.findByNik(em, r.nik))!);
      if (created) createdNiks.add(r.nik);
    }
    const counts = await one<{ created: number }>(
      em,
      `WITH r AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[])
           AS r(person_id, office_id, role, nik, name, office_code, identity_created)
       ), ins AS (
         INSERT INTO staff_roles (person_id, office_id, role) SELECT person_id, office_id, role FROM r
         ON CONFLICT DO NOTHING RETURNING person_id, office_id, role
       ), audit AS (
         INSERT INTO audit_log (actor_id, office_id, action, entity_type, entity_key, after, reason)
         SELECT $8, r.office_id, 'STAFF_ROLE_GRANTED', 'STAFF_ROLE', r.nik || '/' || r.office_code || '/' || r.role,
                jsonb_build_object('nik', r.nik, 'name', r.name, 'officeCode', r.office_code, 'role', r.role, 'identityCreated', r.identity_created), $9
           FROM ins JOIN r USING (person_id, office_id, role)
       )
       SELECT count(*)::int AS created FROM ins`,
      [
        plan.map((r) => known.get(r.nik)!.id),
        plan.map((r) => r.officeId),
        plan.map((r) => r.role),
        plan.map((r) => r.nik),
        plan.map((r) => known.get(r.nik)!.name),
        plan.map((r) => r.officeCode),
        plan.map((r) => createdNiks.has(r.nik)),
        ctx.actor.personId,
        ctx.reason,
      ],
    );
    return { created: counts!.created, updated: 0 };
  }
}
