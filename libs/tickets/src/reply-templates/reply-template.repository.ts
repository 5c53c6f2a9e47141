import { Injectable } from '@nestjs/common';
import { many, one, type Queryable } from '@loket/db';

export interface ReplyTemplateRow {
  id: string;
  officeId: string | null;
  officeName: string | null;
  title: string;
  body: string;
  updatedAt: Date;
}

const COLUMNS = `r.id, r.office_id AS "officeId", o.name AS "officeName", r.title, r.body, r.updated_at AS "updatedAt"`;
const FROM = `FROM reply_templates r LEFT JOIN offices o ON o.id = r.office_id`;

/**
 * SQL of canned replies. Every read takes the offices the caller may see: national ones (office_id
 * NULL) always, office ones only for those offices, so another office's template is a 404.
 */
@Injectable()
export class ReplyTemplateRepository {
  list(db: Queryable, officeIds: string[]): Promise<ReplyTemplateRow[]> {
    return many<ReplyTemplateRow>(
      db,
      `SELECT ${COLUMNS} ${FROM} WHERE r.office_id IS NULL OR r.office_id = ANY($1::uuid[])
        ORDER BY r.office_id IS NOT NULL, r.title, r.id`,
      [officeIds],
    );
  }

  find(db: Queryable, id: string, officeIds: string[], lock = ''): Promise<ReplyTemplateRow | null> {
    return one<ReplyTemplateRow>(
      db,
      `SELECT ${COLUMNS} ${FROM} WHERE r.id = $1 AND (r.office_id IS NULL OR r.office_id = ANY($2::uuid[])) ${lock}`,
      [id, officeIds],
    );
  }

  async insert(
    db: Queryable,
    t: { officeId: string | null; title: string; body: string; actorId: string },
  ): Promise<string> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO reply_templates (office_id, title, body, created_by, updated_by) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
      [t.officeId, t.title, t.body, t.actorId],
    );
    return row!.id;
  }

  async update(db: Queryable, id: string, t: { title: string; body: string; actorId: string }): Promise<void> {
    await db.query(
      `UPDATE reply_templates SET title = $2, body = $3, updated_by = $4, updated_at = now() WHERE id = $1`,
      [id, t.title, t.body, t.actorId],
    );
  }

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query(`DELETE FROM reply_templates WHERE id = $1`, [id]);
  }
}
