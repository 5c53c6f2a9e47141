import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { one } from '@loket/db';
import { FileStore, InspectionSlots, inspectPdf, MAX_FILE_BYTES, type StoredUpload } from '@loket/files';
import { ArticlesRepository } from './articles.repository';
import { documentView } from './articles.service';
import { DocumentsRepository, type DocumentRow } from './documents.repository';
import { articleNotFound, documentNotFound, writerScope } from './kb-scope';

/** The multipart field a juknis PDF is sent under. */
export const DOCUMENT_FIELD = 'DOKUMEN';

const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? 'dokumen.pdf').replace(/[\u0000-\u001f\u007f"]/g, '').slice(0, 200) || 'dokumen.pdf';

/**
 * Juknis PDFs on articles, checked like ticket attachments (the same PDF inspection: real PDF, whole,
 * no active content) and kept in the same store outside any static path. Readers download them only
 * while the article is published.
 */
@Injectable()
export class KbDocuments {
  private readonly store: FileStore;
  private readonly slots = new InspectionSlots(1, MAX_FILE_BYTES);

  constructor(
    private readonly db: DataSource,
    private readonly articles: ArticlesRepository,
    private readonly repo: DocumentsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new FileStore(config.filesDir);
  }

  async add(actor: Actor, articleId: string, uploads: StoredUpload[]) {
    const offices = writerScope(actor);
    if (!(await this.articles.forWriter(this.db, offices, articleId))) throw articleNotFound();
    if (uploads.length !== 1 || uploads[0].fieldname !== DOCUMENT_FIELD) {
      throw fail('DOCUMENT_REQUIRED', { field: DOCUMENT_FIELD });
    }
    const upload = uploads[0];
    const verdict = await this.slots.read(upload.path, (bytes) => inspectPdf(bytes));
    if (!verdict.ok)
      throw fail(
        verdict.code,
        { label: 'Dokumen', problem: verdict.message },
        {
          detected: verdict.detected ?? null,
        },
      );
    const storageKey = await this.store.adopt(upload.path);
    try {
      return await this.db.transaction(async (em) => {
        if (!(await this.articles.forWriter(em, offices, articleId, true))) throw articleNotFound();
        await this.repo.insert(
          em,
          articleId,
          {
            originalName: cleanName(upload.originalname),
            contentType: 'application/pdf',
            sizeBytes: String(upload.size),
            sha256: upload.sha256,
            storageKey,
          },
          actor.personId,
        );
        await this.articles.bumpVersion(em, articleId);
        await this.articles.recordVersion(em, articleId, 'DOCUMENT_ADDED', ['dokumen'], actor.personId);
        return { documents: (await this.repo.list(em, articleId)).map(documentView) };
      });
    } catch (err) {
      await this.store.remove([storageKey]);
      throw err;
    }
  }

  async remove(actor: Actor, articleId: string, documentId: string) {
    const offices = writerScope(actor);
    return this.db.transaction(async (em) => {
      if (!(await this.articles.forWriter(em, offices, articleId, true))) throw articleNotFound();
      if (!(await this.repo.remove(em, articleId, documentId))) throw documentNotFound();
      await this.articles.bumpVersion(em, articleId);
      await this.articles.recordVersion(em, articleId, 'DOCUMENT_REMOVED', ['dokumen'], actor.personId);
      return { documents: (await this.repo.list(em, articleId)).map(documentView) };
    });
  }

  /** A document of a published article, for anyone; a draft's documents are as absent as the draft. */
  async publicDocument(slug: string, documentId: string): Promise<DocumentRow> {
    const article = await one<{ id: string }>(
      this.db,
      `SELECT id FROM kb_articles WHERE slug = $1 AND status = 'PUBLISHED'`,
      [slug],
    );
    if (!article) throw articleNotFound();
    return this.existing(article.id, documentId);
  }

  /** A document of one of the writer's articles, drafts included. */
  async writerDocument(actor: Actor, articleId: string, documentId: string): Promise<DocumentRow> {
    if (!(await this.articles.forWriter(this.db, writerScope(actor), articleId))) throw articleNotFound();
    return this.existing(articleId, documentId);
  }

  private async existing(articleId: string, documentId: string): Promise<DocumentRow> {
    const doc = await this.repo.find(this.db, articleId, documentId);
    if (!doc) throw documentNotFound();
    return doc;
  }

  open(doc: DocumentRow) {
    return this.store.open(doc.storageKey);
  }
}
