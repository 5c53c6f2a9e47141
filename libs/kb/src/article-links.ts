import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import type { PlaceholderSource } from '@loket/tickets';
import { articleNotFound } from './kb-scope';
import { KbSearch } from './search';

/** `{{artikel:<slug>}}` in a canned reply: the article's title and public address. */
export const ARTICLE_PLACEHOLDER_PREFIX = 'artikel:';
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Values for the article placeholders named in a text: published articles of the given offices or
 * national ones, as "Title: https://.../faq/slug" keyed by placeholder name. A slug that names no
 * such article gets no value, so the placeholder stays visible in the composer for the agent to fix.
 */
export async function articleLinkValues(
  db: Queryable,
  names: string[],
  officeIds: string[],
  publicUrl: string,
): Promise<Record<string, string>> {
  const slugs = [
    ...new Set(
      names
        .filter((n) => n.startsWith(ARTICLE_PLACEHOLDER_PREFIX))
        .map((n) => n.slice(ARTICLE_PLACEHOLDER_PREFIX.length)),
    ),
  ].filter((s) => SLUG.test(s));
  if (slugs.length === 0) return {};
  const rows = await many<{ slug: string; title: string }>(
    db,
    `SELECT slug, title FROM kb_articles WHERE slug = ANY($1::text[]) AND status = 'PUBLISHED' AND (national OR office_id = ANY($2::uuid[]))`,
    [slugs, officeIds],
  );
  return Object.fromEntries(
    rows.map((r) => [`${ARTICLE_PLACEHOLDER_PREFIX}${r.slug}`, `${r.title}: ${publicUrl}/faq/${r.slug}`]),
  );
}

export interface ArticleLink {
  slug: string;
  title: string;
  url: string;
}

/**
 * Articles agents link in replies: published ones of their queue offices (a Kanwil's KPPNs too) and
 * national ones; and the {{artikel:<slug>}} values of canned replies (the ticket's office and national).
 */
@Injectable()
export class KbLinks implements PlaceholderSource {
  constructor(
    private readonly db: DataSource,
    private readonly search: KbSearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Up to ten matches for what the agent typed (the latest articles when nothing is typed), with their public address. */
  async picker(actor: Actor, text: string): Promise<{ articles: ArticleLink[] }> {
    const offices = staffOffices(actor);
    const hits = text.trim()
      ? await this.search.search(text, { officeIds: offices }, 10, 0)
      : await many<{ slug: string; title: string }>(
          this.db,
          `SELECT slug, title FROM kb_articles WHERE status = 'PUBLISHED' AND (national OR office_id = ANY($1::uuid[]))
          ORDER BY updated_at DESC, id LIMIT 10`,
          [offices],
        );
    return { articles: hits.map((h) => this.link(h)) };
  }

  /** One article the agent may link; another office's or an unpublished one is not found. */
  async linkFor(actor: Actor, slug: string): Promise<ArticleLink> {
    const row = SLUG.test(slug)
      ? await one<{ slug: string; title: string }>(
          this.db,
          `SELECT slug, title FROM kb_articles WHERE slug = $1 AND status = 'PUBLISHED' AND (national OR office_id = ANY($2::uuid[]))`,
          [slug, staffOffices(actor)],
        )
      : null;
    if (!row) throw articleNotFound();
    return this.link(row);
  }

  values(names: string[], ticket: { officeId: string }): Promise<Record<string, string>> {
    return articleLinkValues(this.db, names, [ticket.officeId], this.config.publicUrl);
  }

  private link(a: { slug: string; title: string }): ArticleLink {
    return { slug: a.slug, title: a.title, url: `${this.config.publicUrl}/faq/${a.slug}` };
  }
}

function staffOffices(actor: Actor): string[] {
  if (actor.staff.length === 0) throw fail('NOT_STAFF');
  return actor.queueOfficeIds;
}
