import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';
import { ratingOf } from './ratings';
import { MARK_START, MARK_STOP, plainSnippet, safeSnippet } from './markdown';

export interface SearchFilter {
  /** Offices whose own articles are included beside the national ones. */
  officeIds: string[];
  service?: string | null;
  category?: string | null;
}

interface Hit {
  id: string;
  slug: string;
  title: string;
  category: string;
  services: string[];
  ratingCount: number;
  ratingSum: number;
  headline: string;
  rank: number;
}

const HEADLINE = `MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_STOP}`;

/** Words of a typed text as an OR query with the last word as a prefix (the satker is still typing). */
export function typedQuery(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1).slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' | ');
}

/**
 * Full-text search over published articles (title weight A, body weight B; the stored tsvector and
 * its GIN index), ranked by ts_rank_cd. Snippets are made for the page's hits only, after LIMIT:
 * ts_headline re-parses the text and is the expensive part.
 */
@Injectable()
export class KbSearch {
  constructor(private readonly db: DataSource) {}

  /** What a reader typed in the search box (websearch syntax: words, "phrases", -not). */
  async search(text: string, f: SearchFilter, limit: number, offset: number) {
    const hits = await this.run(`websearch_to_tsquery('indonesian', $1)`, text, f, limit, offset, 1);
    return hits.map((h) => ({ ...this.item(h), snippet: safeSnippet(h.headline) }));
  }

  /** Up to `limit` articles for a perihal being typed: any word may match, the service's own articles first. */
  async suggestions(text: string, f: SearchFilter, limit: number) {
    const query = typedQuery(text);
    if (!query) return [];
    const hits = await this.run(`to_tsquery('indonesian', $1)`, query, f, limit, 0, 2);
    return hits.map((h) => ({ ...this.item(h), snippet: plainSnippet(h.headline) }));
  }

  private item(h: Hit) {
    return {
      slug: h.slug,
      title: h.title,
      category: h.category,
      services: h.services,
      rank: h.rank,
      rating: ratingOf(h),
    };
  }

  /** `serviceBoost` multiplies the rank of articles about the filter's service instead of excluding the others. */
  private run(
    tsquery: string,
    text: string,
    f: SearchFilter,
    limit: number,
    offset: number,
    serviceBoost: number,
  ): Promise<Hit[]> {
    const boost = serviceBoost > 1;
    return many<Hit>(
      this.db,
      `WITH q AS (SELECT ${tsquery} AS query),
       hits AS (
         SELECT a.id, ts_rank_cd(a.search, q.query) * CASE WHEN $7::boolean AND $3::text = ANY(a.services) THEN $8 ELSE 1 END AS rank
           FROM kb_articles a, q
          WHERE a.search @@ q.query AND a.status = 'PUBLISHED' AND (a.national OR a.office_id = ANY($2::uuid[]))
            AND ($7::boolean OR $3::text IS NULL OR $3::text = ANY(a.services))
            AND ($4::text IS NULL OR a.category = $4)
          ORDER BY rank DESC, a.id LIMIT $5 OFFSET $6)
       SELECT a.id, a.slug, a.title, a.category, a.services, a.rating_count AS "ratingCount", a.rating_sum AS "ratingSum",
              h.rank::float8 AS rank, ts_headline('indonesian', a.body_text, q.query, '${HEADLINE}') AS headline
         FROM hits h JOIN kb_articles a ON a.id = h.id, q
        ORDER BY h.rank DESC, a.id`,
      [text, f.officeIds, f.service ?? null, f.category ?? null, limit, offset, boost, serviceBoost],
    );
  }
}
