import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@loket/auth';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { sqlState } from '@loket/db';
import { Catalogue } from '@loket/workflow';
import { ArticlesRepository, type ArticleContent, type ArticleRow } from './articles.repository';
import { DocumentsRepository, type DocumentRow } from './documents.repository';
import { articleNotFound, writerScope } from './kb-scope';
import { renderMarkdown } from './markdown';
import { ratingOf } from './ratings';
import { SLUG_PATTERN, slugify } from './slug';

export interface ArticleInput {
  title?: string;
  slug?: string;
  category?: string;
  services?: string[];
  body?: string;
}

const FIELDS: Array<[keyof ArticleContent, string]> = [
  ['title', 'judul'],
  ['slug', 'slug'],
  ['category', 'kategori'],
  ['services', 'layanan'],
  ['bodyMd', 'isi'],
];

/** Which fields (by their Indonesian names, as the history shows them) differ between two contents. */
const changedFields = (a: ArticleContent, b: ArticleContent): string[] =>
  FIELDS.filter(([k]) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).map(([, label]) => label);

const slugTaken = () => fail('SLUG_TAKEN');

/** Writing articles: drafts, edits, publishing and the version history with restore. */
@Injectable()
export class KbArticles {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ArticlesRepository,
    private readonly documents: DocumentsRepository,
    private readonly catalogue: Catalogue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: ArticleInput, officeCode?: string) {
    const offices = writerScope(actor);
    return this.write(async (em) => {
      const office = await this.ownOffice(em, offices, officeCode);
      const content = this.content(input, { title: '', slug: '', category: '', services: [], bodyMd: '' });
      content.slug = input.slug ? await this.freeSlug(em, input.slug, null) : await this.derivedSlug(em, content.title);
      const body = renderMarkdown(content.bodyMd);
      const id = await this.repo.insert(
        em,
        office.id,
        office.kind === 'PUSAT',
        content,
        body.html,
        body.text,
        actor.personId,
      );
      await this.repo.recordVersion(
        em,
        id,
        'CREATED',
        FIELDS.map(([, l]) => l),
        actor.personId,
      );
      return this.viewOf(em, offices, id);
    });
  }

  async update(actor: Actor, id: string, input: ArticleInput, expectedVersion: number | null) {
    const offices = writerScope(actor);
    return this.write(async (em) => {
      const current = await this.locked(em, offices, id, expectedVersion);
      const next = this.content(input, current);
      if (input.slug !== undefined && input.slug !== current.slug) next.slug = await this.freeSlug(em, input.slug, id);
      await this.apply(em, actor, current, next, 'EDITED');
      return this.viewOf(em, offices, id);
    });
  }

  async setPublished(actor: Actor, id: string, published: boolean, expectedVersion: number | null) {
    const offices = writerScope(actor);
    return this.write(async (em) => {
      const current = await this.locked(em, offices, id, expectedVersion);
      const status = published ? 'PUBLISHED' : 'DRAFT';
      if (current.status !== status) {
        await this.repo.setStatus(em, id, status);
        await this.repo.recordVersion(em, id, published ? 'PUBLISHED' : 'UNPUBLISHED', ['status'], actor.personId);
      }
      return this.viewOf(em, offices, id);
    });
  }

  async restore(actor: Actor, id: string, version: number, expectedVersion: number | null) {
    const offices = writerScope(actor);
    return this.write(async (em) => {
      const current = await this.locked(em, offices, id, expectedVersion);
      const old = await this.repo.version(em, id, version);
      if (!old) throw fail('VERSION_NOT_FOUND', { version });
      // An old slug another article has taken since stays with that article.
      const slug =
        old.slug === current.slug || !(await this.repo.slugTaken(em, old.slug, id)) ? old.slug : current.slug;
      await this.apply(em, actor, current, { ...old, slug }, 'RESTORED', version);
      return this.viewOf(em, offices, id);
    });
  }

  async get(actor: Actor, id: string) {
    return this.viewOf(this.db.manager, writerScope(actor), id);
  }

  async versions(actor: Actor, id: string) {
    const offices = writerScope(actor);
    if (!(await this.repo.forWriter(this.db, offices, id))) throw articleNotFound();
    return { versions: await this.repo.versions(this.db, id) };
  }

  async list(actor: Actor, status: string | null, limit: number, offset: number) {
    const rows = await this.repo.listForWriter(this.db, writerScope(actor), status, limit, offset);
    return { articles: rows.map((r) => this.summary(r)) };
  }

  /** The public address of an article, as agents paste it into replies. */
  publicUrl(slug: string): string {
    return `${this.config.publicUrl}/faq/${slug}`;
  }

  private async apply(
    em: EntityManager,
    actor: Actor,
    current: ArticleRow,
    next: ArticleContent,
    action: 'EDITED' | 'RESTORED',
    from: number | null = null,
  ) {
    const changed = changedFields(current, next);
    if (changed.length === 0 && action === 'EDITED') return;
    const body = renderMarkdown(next.bodyMd);
    await this.repo.update(em, current.id, next, body.html, body.text);
    await this.repo.recordVersion(em, current.id, action, changed, actor.personId, from);
  }

  private content(input: ArticleInput, base: ArticleContent): ArticleContent {
    const services = input.services ? [...new Set(input.services)] : base.services;
    const unknown = services.filter((s) => !this.catalogue.service(s));
    if (unknown.length) throw fail('UNKNOWN_SERVICE', { unknown });
    return {
      title: input.title?.trim() ?? base.title,
      slug: base.slug,
      category: input.category?.trim() ?? base.category,
      services,
      bodyMd: input.body ?? base.bodyMd,
    };
  }

  private async locked(
    em: EntityManager,
    offices: string[],
    id: string,
    expectedVersion: number | null,
  ): Promise<ArticleRow> {
    const row = await this.repo.forWriter(em, offices, id, true);
    if (!row) throw articleNotFound();
    if (expectedVersion !== null && expectedVersion !== row.version) {
      throw fail('ARTICLE_CHANGED', {
        version: row.version,
      });
    }
    return row;
  }

  private async ownOffice(em: EntityManager, offices: string[], code: string | undefined) {
    const rows = await em.query(
      `SELECT id, code, kind FROM offices WHERE id = ANY($1::uuid[]) AND ($2::text IS NULL OR code = $2)`,
      [offices, code ?? null],
    );
    if (rows.length === 1) return rows[0] as { id: string; code: string; kind: string };
    if (code) throw fail('OFFICE_NOT_YOURS');
    throw fail('OFFICE_REQUIRED');
  }

  private async freeSlug(em: EntityManager, slug: string, exceptId: string | null): Promise<string> {
    if (!SLUG_PATTERN.test(slug) || slug.length > 80) throw fail('INVALID_SLUG');
    if (await this.repo.slugTaken(em, slug, exceptId)) throw slugTaken();
    return slug;
  }

  private async derivedSlug(em: EntityManager, title: string): Promise<string> {
    const base = slugify(title);
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!(await this.repo.slugTaken(em, candidate, null))) return candidate;
    }
  }

  private async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      // Two writers racing for one slug: the unique index decides.
      if (sqlState(err) === '23505') throw slugTaken();
      throw err;
    }
  }

  private async viewOf(em: EntityManager, offices: string[], id: string) {
    const row = await this.repo.forWriter(em, offices, id);
    if (!row) throw articleNotFound();
    return {
      ...this.summary(row),
      bodyMarkdown: row.bodyMd,
      bodyHtml: row.bodyHtml,
      documents: (await this.documents.list(em, id)).map(documentView),
    };
  }

  private summary(r: ArticleRow) {
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      category: r.category,
      services: r.services,
      status: r.status,
      version: r.version,
      office: { code: r.officeCode, name: r.officeName },
      national: r.national,
      rating: ratingOf(r),
      publicUrl: this.publicUrl(r.slug),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
    };
  }
}

export const documentView = (d: DocumentRow) => ({
  id: d.id,
  name: d.originalName,
  contentType: d.contentType,
  sizeBytes: Number(d.sizeBytes),
  sha256: d.sha256,
  createdAt: d.createdAt,
});
