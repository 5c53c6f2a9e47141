import { many, type Queryable } from '@loket/db';
import { officeClause, type AdminScope } from '../admin-scope';

export interface KnownOffice {
  id: string;
  code: string;
  kind: string;
  name: string;
  parentId: string | null;
  parentCode: string | null;
  /** Inside the scope where admins manage staff (officeClause): the import's staff rows need it. */
  staffScope: boolean;
}

/** The stored offices a file names, by code, each saying whether the importer's staff scope reaches it. */
export async function officesByCode(
  db: Queryable,
  scope: AdminScope,
  codes: string[],
): Promise<Map<string, KnownOffice>> {
  const clause = officeClause(scope, 'o', 2);
  const rows = await many<KnownOffice>(
    db,
    `SELECT o.id, o.code, o.kind, o.name, o.parent_id AS "parentId", p.code AS "parentCode", ${clause.sql} AS "staffScope"
       FROM offices o LEFT JOIN offices p ON p.id = o.parent_id WHERE o.code = ANY($1::text[])`,
    [[...new Set(codes)], ...clause.params],
  );
  return new Map(rows.map((o) => [o.code, o]));
}
