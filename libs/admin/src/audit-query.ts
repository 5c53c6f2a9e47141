import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { many } from '@loket/db';
import { maskNik } from '@loket/registry';
import { toCsv } from '@loket/sla';
import { adminScopeOf, officeClause } from './admin-scope';

export interface AuditFilter {
  /** Local dates (WIB), inclusive. */
  from?: string;
  to?: string;
  actorId?: string;
  actorName?: string;
  entityType?: string;
  entityKey?: string;
  action?: string;
  /** Keyset cursor: entries older than this id. */
  before?: string;
  limit?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorNik: string | null;
  actorName: string | null;
  officeCode: string | null;
  officeName: string | null;
  action: string;
  entityType: string;
  entityKey: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

const CSV_HEADERS = [
  'waktu',
  'nik_pelaku',
  'nama_pelaku',
  'kantor',
  'aksi',
  'jenis_data',
  'kunci_data',
  'sebelum',
  'sesudah',
  'alasan',
];
const NIK_IN_TEXT = /(?<!\d)\d{16}(?!\d)/g;
/** Every NIK anywhere in a value (keys, names, before/after documents) shown as 1234********5678. */
const maskAll = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null).replace(NIK_IN_TEXT, maskNik)) as T;

/**
 * Reading the audit log within the admin scope: entries about offices the person administers (the
 * system's entries without an office only for Kantor Pusat). NIKs are masked everywhere except in the
 * CSV a Kantor Pusat admin downloads.
 */
@Injectable()
export class AuditQuery {
  constructor(private readonly db: DataSource) {}

  async list(actor: Actor, f: AuditFilter): Promise<{ items: AuditRow[]; nextCursor: string | null }> {
    const limit = f.limit ?? 50;
    const rows = await this.rows(actor, f, limit + 1);
    const items = rows.slice(0, limit).map(maskAll);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async csv(actor: Actor, f: AuditFilter): Promise<string> {
    const full = adminScopeOf(actor).national;
    const rows = (await this.rows(actor, { ...f, before: undefined }, 50000)).map((r) => (full ? r : maskAll(r)));
    if (!rows.length) return `${CSV_HEADERS.join(',')}\r\n`;
    return toCsv(
      rows.map((r) => ({
        waktu: r.at,
        nik_pelaku: r.actorNik,
        nama_pelaku: r.actorName,
        kantor: r.officeCode,
        aksi: r.action,
        jenis_data: r.entityType,
        kunci_data: r.entityKey,
        sebelum: r.before === null ? '' : JSON.stringify(r.before),
        sesudah: r.after === null ? '' : JSON.stringify(r.after),
        alasan: r.reason,
      })),
    );
  }

  private rows(actor: Actor, f: AuditFilter, limit: number): Promise<AuditRow[]> {
    const scope = adminScopeOf(actor);
    const clause = officeClause(scope, 'o', 10);
    return many<AuditRow>(
      this.db,
      `SELECT a.id::text AS id, a.at, a.actor_id AS "actorId", p.nik AS "actorNik", p.name AS "actorName", o.code AS "officeCode",
              o.name AS "officeName", a.action, a.entity_type AS "entityType", a.entity_key AS "entityKey", a.before, a.after, a.reason
         FROM audit_log a LEFT JOIN offices o ON o.id = a.office_id LEFT JOIN persons p ON p.id = a.actor_id
        WHERE ($1::date IS NULL OR a.at >= ($1::date::timestamp AT TIME ZONE 'Asia/Jakarta'))
          AND ($2::date IS NULL OR a.at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'))
          AND ($3::uuid IS NULL OR a.actor_id = $3) AND ($4::text IS NULL OR p.name ILIKE '%' || $4 || '%')
          AND ($5::text IS NULL OR a.entity_type = $5) AND ($6::text IS NULL OR a.entity_key LIKE $6 || '%')
          AND ($7::text IS NULL OR a.action = $7) AND ($8::bigint IS NULL OR a.id < $8)
          AND ${clause.sql}
        ORDER BY a.id DESC LIMIT $9`,
      [
        f.from ?? null,
        f.to ?? null,
        f.actorId ?? null,
        f.actorName ?? null,
        f.entityType ?? null,
        f.entityKey ?? null,
        f.action ?? null,
        f.before ?? null,
        limit,
        ...clause.params,
      ],
    );
  }
}
