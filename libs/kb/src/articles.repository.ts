import { Injectable } from '@nestjs/common';
import { many, one, type Queryable } from '@loket/db';

export interface ArticleContent {
  title: string;
  slug: string;
  category: string;
  services: string[];
  bodyMd: string;
}

export interface ArticleRow extends ArticleContent {
  id: string;
  officeId: string;
  officeCode: string;
  officeName: string;
  national: boolean;
  bodyHtml: string;
  status: 'DRAFT' | 'PUBLISHED';
  version: number;
  ratingCount: number;
  ratingSum: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export type VersionAction =
  'CREATED' | 'EDITED' | 'PUBLISHED' | 'UNPUBLISHED' | 'RESTORED' | 'DOCUMENT_ADDED' | 'DOCUMENT_REMOVED';

export interface VersionRow extends ArticleContent {
  version: number;
  action: VersionAction;
  changedFields: string[];
  restoredFrom: number | null;
  status: string;
  changedBy: { id: string; name: string };
  changedAt: Date;
}

export const ARTICLE_COLUMNS = `a.id, a.slug, a.title, a.category, a.services, a.body_md AS "bodyMd", a.body_html AS "bodyHtml",
  a.office_id AS "officeId", o.code AS "officeCode", o.name AS "officeName", a.national, a.status, a.version,
  a.rating_count AS "ratingCount", a.rating_sum AS "ratingSum", a.created_at AS "createdAt", a.updated_at AS "updatedAt",
  a.published_at AS "publishedAt"`;

const VERSION_SELECT = `SELECT v.version, v.action, v.changed_fields AS "changedFields", v.restored_from AS "restoredFrom", v.title,
    v.slug, v.category, v.services, v.body_md AS "bodyMd", v.status, json_build_object('id', p.id, 'name', p.name) AS "changedBy",
    v.changed_at AS "changedAt"
  FROM kb_article_versions v JOIN persons p ON p.id = v.changed_by`;

/** SQL of articles and their history. Writers' reads take the offices they write for, so another office's article is not found. */
@Injectable()
export class ArticlesRepository {
  async insert(
    db: Queryable,
    officeId: string,
    national: boolean,
    c: ArticleContent,
    html: string,
    text: string,
    by: string,
  ): Promise<string> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO kb_articles (slug, office_id, national, title, category, services, body_md, body_html, body_text, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'DRAFT', $10) RETURNING id`,
      [c.slug, officeId, national, c.title, c.category, c.services, c.bodyMd, html, text, by],
    );
    return row!.id;
  }

  /** The article if it belongs to one of `officeIds`; locked for the change that follows. */
  forWriter(db: Queryable, officeIds: string[], id: string, lock = false): Promise<ArticleRow | null> {
    return one<ArticleRow>(
      db,
      `SELECT ${ARTICLE_COLUMNS} FROM kb_articles a JOIN offices o ON o.id = a.office_id
        WHERE a.id = $1 AND a.office_id = ANY($2::uuid[]) ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id, officeIds],
    );
  }

  /** A writer's articles, lowest average rating first (unrated after rated), then the latest change. */
  listForWriter(
    db: Queryable,
    officeIds: string[],
    status: string | null,
    limit: number,
    offset: number,
  ): Promise<ArticleRow[]> {
    return many<ArticleRow>(
      db,
      `SELECT ${ARTICLE_COLUMNS} FROM kb_articles a JOIN offices o ON o.id = a.office_id
        WHERE a.office_id = ANY($1::uuid[]) AND ($2::text IS NULL OR a.status = $2)
        ORDER BY a.rating_sum::numeric / NULLIF(a.rating_count, 0) ASC NULLS LAST, a.updated_at DESC, a.id
        LIMIT $3 OFFSET $4`,
      [officeIds, status, limit, offset],
    );
  }

  async update(db: Queryable, id: string, c: ArticleContent, html: string, text: string): Promise<void> {
    await db.query(
      `UPDATE kb_articles SET slug = $2, title = $3, category = $4, services = $5, body_md = $6, body_html = $7, body_text = $8,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, c.slug, c.title, c.category, c.services, c.bodyMd, html, text],
    );
  }

  async setStatus(db: Queryable, id: string, status: 'DRAFT' | 'PUBLISHED'): Promise<void> {
    await db.query(
      `UPDATE kb_articles SET status = $2, version = version + 1, updated_at = now(),
         published_at = CASE WHEN $2 = 'PUBLISHED' THEN now() ELSE published_at END WHERE id = $1`,
      [id, status],
    );
  }

  async bumpVersion(db: Queryable, id: string): Promise<void> {
    await db.query(`UPDATE kb_articles SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
  }

  /** Records the article as it now is under its (already bumped) version number. */
  async recordVersion(
    db: Queryable,
    id: string,
    action: VersionAction,
    changedFields: string[],
    by: string,
    restoredFrom: number | null = null,
  ) {
    await db.query(
      `INSERT INTO kb_article_versions (article_id, version, action, changed_fields, restored_from, title, slug, category, services, body_md, status, changed_by)
       SELECT id, version, $2, $3, $4, title, slug, category, services, body_md, status, $5 FROM kb_articles WHERE id = $1`,
      [id, action, changedFields, restoredFrom, by],
    );
  }

  versions(db: Queryable, id: string): Promise<VersionRow[]> {
    return many<VersionRow>(db, `${VERSION_SELECT} WHERE v.article_id = $1 ORDER BY v.version DESC`, [id]);
  }

  version(db: Queryable, id: string, version: number): Promise<VersionRow | null> {
    return one<VersionRow>(db, `${VERSION_SELECT} WHERE v.article_id = $1 AND v.version = $2`, [id, version]);
  }

  async slugTaken(db: Queryable, slug: string, exceptId: string | null): Promise<boolean> {
    return !!(await one(db, `SELECT 1 FROM kb_articles WHERE slug = $1 AND ($2::uuid IS NULL OR id <> $2)`, [
      slug,
      exceptId,
    ]));
  }

  async officeKind(db: Queryable, officeId: string): Promise<string> {
    return (await one<{ kind: string }>(db, `SELECT kind FROM offices WHERE id = $1`, [officeId]))!.kind;
  }
}
