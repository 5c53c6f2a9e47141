import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { many, one } from '@loket/db';
import { ARTICLE_COLUMNS, type ArticleRow } from './articles.repository';
import { documentView } from './articles.service';
import { DocumentsRepository } from './documents.repository';
import { articleNotFound } from './kb-scope';
import { ratingOf } from './ratings';

export interface PublicOffice {
  id: string;
  code: string;
  name: string;
}

const PAGE = 20;

/**
 * What anyone may read without logging in: published articles, national plus the chosen office's
 * own. Drafts do not exist here (the same 404 as an unknown slug).
 */
@Injectable()
export class KbReaders {
  constructor(
    private readonly db: DataSource,
    private readonly documents: DocumentsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The office chosen in the URL (?kantor=<code>), or none (national articles only). */
  async office(code: unknown): Promise<PublicOffice | null> {
    if (code === undefined || code === null || code === '') return null;
    const row =
      typeof code === 'string' && code.length <= 40
        ? await one<PublicOffice>(
            this.db,
            `SELECT id, code, name FROM offices WHERE code = $1 AND kind IN ('KPPN', 'KANWIL', 'PUSAT')`,
            [code],
          )
        : null;
    if (!row) throw fail('OFFICE_NOT_FOUND', { code: typeof code === 'string' ? code : '' });
    return row;
  }

  /** A published article with its documents, and a validator that changes whenever what a reader sees changes. */
  async article(slug: string) {
    const row = await one<ArticleRow>(
      this.db,
      `SELECT ${ARTICLE_COLUMNS} FROM kb_articles a JOIN offices o ON o.id = a.office_id WHERE a.slug = $1 AND a.status = 'PUBLISHED'`,
      [slug],
    );
    if (!row) throw articleNotFound();
    const documents = (await this.documents.list(this.db, row.id)).map(documentView);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      category: row.category,
      services: row.services,
      bodyHtml: row.bodyHtml,
      office: { code: row.officeCode, name: row.officeName },
      national: row.national,
      rating: ratingOf(row),
      documents,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      version: row.version,
      officeId: row.officeId,
      url: `${this.config.publicUrl}/faq/${row.slug}`,
      etag: etagOf(row.id, row.version, row.ratingCount, row.ratingSum),
    };
  }

  /** Published articles for the office (or national only), by category then title; with the categories and their counts. */
  async listing(
    office: PublicOffice | null,
    filter: { category?: string | null; service?: string | null },
    page: number,
  ) {
    const params = [office ? [office.id] : [], filter.category ?? null, filter.service ?? null];
    const visible = `a.status = 'PUBLISHED' AND (a.national OR a.office_id = ANY($1::uuid[]))`;
    const [categories, articles] = await Promise.all([
      many<{ name: string; count: number }>(
        this.db,
        `SELECT a.category AS name, count(*)::int AS count FROM kb_articles a WHERE ${visible} AND ($2::text IS NULL OR $2 = ANY(a.services))
          GROUP BY a.category ORDER BY a.category`,
        [params[0], params[2]],
      ),
      many<ArticleRow>(
        this.db,
        `SELECT ${ARTICLE_COLUMNS} FROM kb_articles a JOIN offices o ON o.id = a.office_id
          WHERE ${visible} AND ($2::text IS NULL OR a.category = $2) AND ($3::text IS NULL OR $3 = ANY(a.services))
          ORDER BY a.category, a.title, a.id LIMIT ${PAGE + 1} OFFSET $4`,
        [...params, (page - 1) * PAGE],
      ),
    ]);
    return {
      categories,
      articles: articles.slice(0, PAGE).map((r) => ({
        slug: r.slug,
        title: r.title,
        category: r.category,
        national: r.national,
        rating: ratingOf(r),
      })),
      more: articles.length > PAGE,
    };
  }

  /** A reader opens an article: it is read and its view counted (see countView for which office it counts at). */
  async read(slug: string, kantor: unknown, readerOfficeId: string | null) {
    const office = await this.office(kantor);
    const article = await this.article(slug);
    await this.countView(article.id, office?.id ?? readerOfficeId ?? article.officeId);
    return { article, office };
  }

  /**
   * Counts a view on the day's counter row of the office it was read at (the FAQ's kantor, else
   * the reader's KPPN, else the article's own office): an upsert, never a row per view.
   */
  async countView(articleId: string, officeId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO kb_article_views (article_id, office_id, day, views) VALUES ($1, $2, (now() AT TIME ZONE 'Asia/Jakarta')::date, 1)
       ON CONFLICT (office_id, day, article_id) DO UPDATE SET views = kb_article_views.views + 1`,
      [articleId, officeId],
    );
  }
}

/** A weak validator: the article's version moves with every edit, publish and document; ratings move the sums. */
export const etagOf = (...parts: unknown[]): string =>
  `W/"${createHash('sha256').update(parts.map(String).join('|')).digest('base64url').slice(0, 27)}"`;
