import { Injectable } from '@nestjs/common';
import { many, one, type Queryable } from '@loket/db';

export interface DocumentRow {
  id: string;
  articleId: string;
  originalName: string;
  contentType: string;
  sizeBytes: string;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

const COLUMNS = `d.id, d.article_id AS "articleId", d.original_name AS "originalName", d.content_type AS "contentType",
  d.size_bytes AS "sizeBytes", d.sha256, d.storage_key AS "storageKey", d.created_at AS "createdAt"`;

/** The juknis PDFs attached to articles (removed ones stay as history, out of every list). */
@Injectable()
export class DocumentsRepository {
  list(db: Queryable, articleId: string): Promise<DocumentRow[]> {
    return many<DocumentRow>(
      db,
      `SELECT ${COLUMNS} FROM kb_documents d WHERE d.article_id = $1 AND d.removed_at IS NULL ORDER BY d.created_at, d.id`,
      [articleId],
    );
  }

  find(db: Queryable, articleId: string, id: string): Promise<DocumentRow | null> {
    return one<DocumentRow>(
      db,
      `SELECT ${COLUMNS} FROM kb_documents d WHERE d.article_id = $1 AND d.id = $2 AND d.removed_at IS NULL`,
      [articleId, id],
    );
  }

  async insert(
    db: Queryable,
    articleId: string,
    f: Omit<DocumentRow, 'id' | 'articleId' | 'createdAt'>,
    by: string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO kb_documents (article_id, original_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [articleId, f.originalName, f.contentType, f.sizeBytes, f.sha256, f.storageKey, by],
    );
  }

  async remove(db: Queryable, articleId: string, id: string): Promise<boolean> {
    const rows = await many(
      db,
      `UPDATE kb_documents SET removed_at = now() WHERE article_id = $1 AND id = $2 AND removed_at IS NULL RETURNING id`,
      [articleId, id],
    );
    return rows.length > 0;
  }
}
