import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { fail } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import { inspectImage, type StoredUpload } from '@loket/files';
import { adminScopeOf, officeClause, requireShape, type AdminScope } from './admin-scope';
import { AuditLog } from '@loket/audit';
import type { Actor } from '@loket/auth';

export const OFFICE_KINDS = ['PUSAT', 'KANWIL', 'KPPN', 'PUSINTEK'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
/** The kind each kind of office may sit under (null: at the top). */
const PARENT_KINDS: Record<OfficeKind, Array<OfficeKind | null>> = {
  PUSAT: [null],
  KANWIL: ['PUSAT', null],
  KPPN: ['KANWIL'],
  PUSINTEK: ['PUSAT', null],
};
export const MAX_LOGO_BYTES = 512 * 1024;

/** The fields an admin edits (code and kind are fixed once created). */
export interface OfficeFields {
  name: string;
  parentCode: string | null;
  timeZone: string;
  address: string | null;
  street: string | null;
  city: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  letterCode: string | null;
}

export interface OfficeView extends OfficeFields {
  id: string;
  code: string;
  kind: OfficeKind;
  parentId: string | null;
  parentName: string | null;
  hasLogo: boolean;
  updatedAt: Date;
}

const VIEW = `o.id, o.code, o.kind, o.name, o.parent_id AS "parentId", p.code AS "parentCode", p.name AS "parentName",
  o.time_zone AS "timeZone", o.address, o.street, o.city, o.phone, o.fax, o.email, o.website, o.letter_code AS "letterCode",
  o.logo_png IS NOT NULL AS "hasLogo", o.updated_at AS "updatedAt"`;
/** What the audit log keeps of an office (the logo by its hash, not its bytes). */
const AUDITED = (v: OfficeView & { logoSha256?: string | null }) => {
  const { id: _id, parentId: _p, parentName: _n, updatedAt: _u, hasLogo: _h, ...rest } = v;
  return rest;
};

export const officeNotFound = (code: string) => fail('OFFICE_NOT_FOUND', { code });

/** Offices as their admins manage them; every read goes through the admin scope. */
/** The columns an admin may set, in the order both the INSERT and the UPDATE list them (name .. letter_code). */
function editableValues(f: OfficeFields, parentId: string | null): unknown[] {
  return [f.name, parentId, f.timeZone, f.address, f.street, f.city, f.phone, f.fax, f.email, f.website, f.letterCode];
}

@Injectable()
export class OfficesAdmin {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  list(actor: Actor, q: { kind?: OfficeKind; parentCode?: string } = {}): Promise<OfficeView[]> {
    const scope = officeClause(adminScopeOf(actor), 'o', 3);
    return many<OfficeView>(
      this.db,
      `SELECT ${VIEW} FROM offices o LEFT JOIN offices p ON p.id = o.parent_id
        WHERE ($1::text IS NULL OR o.kind = $1) AND ($2::text IS NULL OR p.code = $2) AND ${scope.sql}
        ORDER BY CASE o.kind WHEN 'PUSAT' THEN 0 WHEN 'PUSINTEK' THEN 1 WHEN 'KANWIL' THEN 2 ELSE 3 END, o.code LIMIT 1000`,
      [q.kind ?? null, q.parentCode ?? null, ...scope.params],
    );
  }

  get(actor: Actor, code: string): Promise<OfficeView> {
    return this.find(this.db, adminScopeOf(actor), code, '');
  }

  async logo(actor: Actor, code: string): Promise<Buffer> {
    const office = await this.get(actor, code);
    const row = await one<{ logo: Buffer | null }>(this.db, `SELECT logo_png AS logo FROM offices WHERE id = $1`, [
      office.id,
    ]);
    if (!row?.logo) throw fail('LOGO_NOT_FOUND', { code });
    return row.logo;
  }

  async create(
    actor: Actor,
    code: string,
    kind: OfficeKind,
    f: OfficeFields,
    reason: string | null,
  ): Promise<OfficeView> {
    const scope = adminScopeOf(actor);
    checkFields(f);
    return this.db.transaction(async (em) => {
      const parent = await this.parentFor(em, scope, kind, f.parentCode);
      if (kind !== 'KPPN' && !scope.national) throw fail('ADMIN_SCOPE', { reason: 'TOP_OFFICE' });
      if (parent) requireShape(scope, parent);
      else if (!scope.national) throw fail('ADMIN_SCOPE', { reason: 'ROOT_OFFICE' });
      const created = await one<{ id: string }>(
        em,
        `INSERT INTO offices (code, kind, name, parent_id, time_zone, address, street, city, phone, fax, email, website, letter_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [code, kind, ...editableValues(f, parent?.id ?? null)],
      );
      if (!created) throw fail('OFFICE_EXISTS', { code }, { field: 'code' });
      const view = await this.find(em, scope, code, '');
      await this.record(em, actor, view, 'OFFICE_CREATED', undefined, AUDITED(view), reason);
      return view;
    });
  }

  async update(actor: Actor, code: string, f: OfficeFields, reason: string | null): Promise<OfficeView> {
    const scope = adminScopeOf(actor);
    checkFields(f);
    return this.db.transaction(async (em) => {
      const before = await this.find(em, scope, code, 'FOR UPDATE OF o');
      requireShape(scope, before);
      const parent = await this.parentFor(em, scope, before.kind, f.parentCode);
      if ((parent?.id ?? null) !== before.parentId) {
        // Moving an office under another parent reshapes both regions: Kantor Pusat's call.
        if (!scope.national) throw fail('ADMIN_SCOPE', { reason: 'PARENT' });
        if (parent && (await this.isUnder(em, parent.id, before.id)))
          throw fail('OFFICE_CYCLE', {
            field: 'parentCode',
          });
      }
      await em.query(
        `UPDATE offices SET name = $2, parent_id = $3, time_zone = $4, address = $5, street = $6, city = $7, phone = $8, fax = $9,
           email = $10, website = $11, letter_code = $12, updated_at = now() WHERE id = $1`,
        [before.id, ...editableValues(f, parent?.id ?? null)],
      );
      const after = await this.find(em, scope, code, '');
      await this.record(em, actor, after, 'OFFICE_UPDATED', AUDITED(before), AUDITED(after), reason);
      return after;
    });
  }

  /** A PNG logo for the letterhead, judged by its content (signature, header, end marker), at most 512 KB. */
  async setLogo(
    actor: Actor,
    code: string,
    upload: StoredUpload | undefined,
    reason: string | null,
  ): Promise<OfficeView> {
    const scope = adminScopeOf(actor);
    const bytes = upload ? await readFile(upload.path) : Buffer.alloc(0);
    return this.db.transaction(async (em) => {
      const before = await this.find(em, scope, code, 'FOR UPDATE OF o');
      requireShape(scope, before);
      checkLogo(bytes);
      const prior = await one<{ sha: string | null }>(em, `SELECT logo_sha256 AS sha FROM offices WHERE id = $1`, [
        before.id,
      ]);
      const row = await one<{ sha: string }>(
        em,
        `UPDATE offices SET logo_png = $2, logo_sha256 = encode(sha256($2), 'hex'), updated_at = now() WHERE id = $1 RETURNING logo_sha256 AS sha`,
        [before.id, bytes],
      );
      const after = await this.find(em, scope, code, '');
      await this.record(
        em,
        actor,
        after,
        'OFFICE_LOGO_SET',
        { logoSha256: prior?.sha ?? null },
        { logoSha256: row!.sha, bytes: bytes.length },
        reason,
      );
      return after;
    });
  }

  async removeLogo(actor: Actor, code: string, reason: string | null): Promise<OfficeView> {
    const scope = adminScopeOf(actor);
    return this.db.transaction(async (em) => {
      const before = await this.find(em, scope, code, 'FOR UPDATE OF o');
      requireShape(scope, before);
      const prior = await one<{ sha: string | null }>(em, `SELECT logo_sha256 AS sha FROM offices WHERE id = $1`, [
        before.id,
      ]);
      if (!prior?.sha) throw fail('LOGO_NOT_FOUND', { code });
      await em.query(`UPDATE offices SET logo_png = NULL, logo_sha256 = NULL, updated_at = now() WHERE id = $1`, [
        before.id,
      ]);
      const after = await this.find(em, scope, code, '');
      await this.record(
        em,
        actor,
        after,
        'OFFICE_LOGO_REMOVED',
        { logoSha256: prior.sha },
        { logoSha256: null },
        reason,
      );
      return after;
    });
  }

  /** An office inside the scope, or OFFICE_NOT_FOUND (also for one that exists outside it). */
  async find(db: Queryable, scope: AdminScope, code: string, lock: '' | 'FOR UPDATE OF o'): Promise<OfficeView> {
    const clause = officeClause(scope, 'o', 2);
    const row = await one<OfficeView>(
      db,
      `SELECT ${VIEW} FROM offices o LEFT JOIN offices p ON p.id = o.parent_id WHERE o.code = $1 AND ${clause.sql} ${lock}`,
      [code, ...clause.params],
    );
    if (!row) throw officeNotFound(code);
    return row;
  }

  private record(
    em: Queryable,
    actor: Actor,
    office: OfficeView,
    action: string,
    before: unknown,
    after: unknown,
    reason: string | null,
  ) {
    return this.audit.record(em, {
      actorId: actor.personId,
      officeId: office.id,
      action,
      entityType: 'OFFICE',
      entityKey: office.code,
      before,
      after,
      reason,
    });
  }

  private async parentFor(db: Queryable, scope: AdminScope, kind: OfficeKind, parentCode: string | null) {
    const parent = parentCode ? await this.find(db, scope, parentCode, '') : null;
    if (!PARENT_KINDS[kind].includes(parent?.kind ?? null)) {
      const allowed = PARENT_KINDS[kind].map((k) => k ?? 'tanpa induk').join(' atau ');
      throw fail('INVALID_PARENT', { kind, allowed }, { field: 'parentCode' });
    }
    return parent;
  }

  private async isUnder(db: Queryable, officeId: string, ancestorId: string): Promise<boolean> {
    const row = await one<{ hit: boolean }>(
      db,
      `WITH RECURSIVE up AS (SELECT id, parent_id FROM offices WHERE id = $1
         UNION SELECT o.id, o.parent_id FROM offices o JOIN up ON o.id = up.parent_id)
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS hit`,
      [officeId, ancestorId],
    );
    return !!row?.hit;
  }
}

function checkFields(f: OfficeFields): void {
  if (!(TIME_ZONES as readonly string[]).includes(f.timeZone)) {
    throw fail('INVALID_TIME_ZONE', { field: 'timeZone' });
  }
}

function checkLogo(bytes: Buffer): void {
  if (bytes.length > MAX_LOGO_BYTES) throw fail('LOGO_TOO_LARGE', { max: MAX_LOGO_BYTES / 1024 }, { field: 'logo' });
  const verdict = inspectImage(bytes);
  if (!verdict.ok || verdict.contentType !== 'image/png') {
    const detail = verdict.ok ? 'berkas JPEG' : verdict.message;
    throw fail('LOGO_NOT_PNG', { detail }, { field: 'logo' });
  }
}
