import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fail } from '@loket/common';
import { one } from '@loket/db';
import { articleNotFound } from './kb-scope';

export interface RatingSummary {
  count: number;
  /** One decimal, null before the first vote. */
  average: number | null;
}

export const ratingOf = (r: { ratingCount: number; ratingSum: number }): RatingSummary => ({
  count: r.ratingCount,
  average: r.ratingCount ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
});

/** "4,5 / 5 (12)" as the KPPN FAQ pages write it. */
export const ratingText = (r: RatingSummary): string =>
  r.average === null
    ? 'Belum ada penilaian'
    : `${r.average.toLocaleString('id-ID', { maximumFractionDigits: 1 })} / 5 (${r.count})`;

/** Who votes: a signed-in person, or an anonymous browser by its random cookie (stored hashed). */
export type Voter = { personId: string } | { browserId: string };

export const voterKey = (v: Voter): string =>
  'personId' in v ? `p:${v.personId}` : `b:${createHash('sha256').update(v.browserId).digest('hex')}`;

/**
 * 1-5 stars per published article, one vote per reader: voting again replaces the earlier vote (the
 * count stays, the average follows the new stars), so a reader can correct a slip but never weigh twice.
 * The article keeps the count and sum, so lists and pages read the average without an aggregate.
 */
@Injectable()
export class KbRatings {
  constructor(private readonly db: DataSource) {}

  async rate(slug: string, voter: Voter, stars: number) {
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) throw fail('INVALID_STARS');
    const key = voterKey(voter);
    return this.db.transaction(async (em) => {
      // The article row lock orders concurrent votes on one article; the sums stay exact.
      const article = await one<{ id: string }>(
        em,
        `SELECT id FROM kb_articles WHERE slug = $1 AND status = 'PUBLISHED' FOR UPDATE`,
        [slug],
      );
      if (!article) throw articleNotFound();
      const previous = await one<{ stars: number }>(
        em,
        `SELECT stars FROM kb_ratings WHERE article_id = $1 AND voter = $2`,
        [article.id, key],
      );
      await em.query(
        `INSERT INTO kb_ratings (article_id, voter, stars) VALUES ($1, $2, $3)
         ON CONFLICT (article_id, voter) DO UPDATE SET stars = EXCLUDED.stars, updated_at = now()`,
        [article.id, key, stars],
      );
      const row = await one<{ ratingCount: number; ratingSum: number }>(
        em,
        `UPDATE kb_articles SET rating_count = rating_count + $2, rating_sum = rating_sum + $3 WHERE id = $1
         RETURNING rating_count AS "ratingCount", rating_sum AS "ratingSum"`,
        [article.id, previous ? 0 : 1, stars - (previous?.stars ?? 0)],
      );
      return { stars, replaced: !!previous, rating: ratingOf(row!) };
    });
  }

  /** The reader's own vote on an article, if any (the page shows it as chosen). */
  async mine(articleId: string, voter: Voter | null): Promise<number | null> {
    if (!voter) return null;
    const row = await one<{ stars: number }>(
      this.db,
      `SELECT stars FROM kb_ratings WHERE article_id = $1 AND voter = $2`,
      [articleId, voterKey(voter)],
    );
    return row?.stars ?? null;
  }
}
