import { ApiProperty } from '@nestjs/swagger';
import type { KbArticles, KbDocuments, VersionAction } from '@loket/kb';
import {
  kbDocumentResponse,
  KbDocumentResponse,
  KbOfficeResponse,
  kbRatingResponse,
  KbRatingResponse,
} from './kb-common.response';

type View = Awaited<ReturnType<KbArticles['get']>>;
type Summary = Awaited<ReturnType<KbArticles['list']>>['articles'][number];
type Version = Awaited<ReturnType<KbArticles['versions']>>['versions'][number];
type Documents = Awaited<ReturnType<KbDocuments['add']>>;

const VERSION_ACTIONS: VersionAction[] = [
  'CREATED',
  'EDITED',
  'PUBLISHED',
  'UNPUBLISHED',
  'RESTORED',
  'DOCUMENT_ADDED',
  'DOCUMENT_REMOVED',
];

/** An article in the writer's list. */
export class KbArticleSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reset-sandi-myintress' }) slug: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String], description: 'Kode layanan yang dibahas' }) services: string[];
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'] }) status: 'DRAFT' | 'PUBLISHED';
  @ApiProperty({ type: 'integer', description: 'Versi artikel (If-Match)' }) version: number;
  @ApiProperty({ type: KbOfficeResponse, description: 'Kantor pemilik' }) office: KbOfficeResponse;
  @ApiProperty({ description: 'Artikel nasional (Kantor Pusat), tampil di semua kantor' }) national: boolean;
  @ApiProperty({ type: KbRatingResponse }) rating: KbRatingResponse;
  @ApiProperty({ format: 'uri', description: 'Alamat publik /faq/<slug>' }) publicUrl: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
}

/** An article as its writer edits it: the Markdown, its rendering and the documents. */
export class KbArticleResponse extends KbArticleSummaryResponse {
  @ApiProperty() bodyMarkdown: string;
  @ApiProperty({ description: 'HTML hasil Markdown (disaring)' }) bodyHtml: string;
  @ApiProperty({ type: [KbDocumentResponse] }) documents: KbDocumentResponse[];
}

export class KbArticleListResponse {
  @ApiProperty({ type: [KbArticleSummaryResponse] }) articles: KbArticleSummaryResponse[];
}

export class KbPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

/** One version of an article: what it held, and who changed what when. */
export class KbArticleVersionResponse {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ enum: VERSION_ACTIONS }) action: VersionAction;
  @ApiProperty({ type: [String], example: ['judul', 'isi'] }) changedFields: string[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'Versi yang dipulihkan (RESTORED)' })
  restoredFrom: number | null;
  @ApiProperty() title: string;
  @ApiProperty() slug: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ description: 'Isi Markdown versi ini' }) bodyMd: string;
  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'] }) status: string;
  @ApiProperty({ type: KbPersonResponse }) changedBy: KbPersonResponse;
  @ApiProperty({ type: String, format: 'date-time' }) changedAt: Date;
}

export class KbArticleVersionsResponse {
  @ApiProperty({ type: [KbArticleVersionResponse], description: 'Terbaru lebih dulu' })
  versions: KbArticleVersionResponse[];
}

export class KbDocumentsResponse {
  @ApiProperty({ type: [KbDocumentResponse], description: 'Dokumen artikel sesudah perubahan' })
  documents: KbDocumentResponse[];
}

export const kbArticleSummaryResponse = (a: Summary): KbArticleSummaryResponse => ({
  id: a.id,
  slug: a.slug,
  title: a.title,
  category: a.category,
  services: a.services,
  status: a.status,
  version: a.version,
  office: { code: a.office.code, name: a.office.name },
  national: a.national,
  rating: kbRatingResponse(a.rating),
  publicUrl: a.publicUrl,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  publishedAt: a.publishedAt,
});

export const kbArticleResponse = (a: View): KbArticleResponse => ({
  ...kbArticleSummaryResponse(a),
  bodyMarkdown: a.bodyMarkdown,
  bodyHtml: a.bodyHtml,
  documents: a.documents.map(kbDocumentResponse),
});

export const kbArticleListResponse = (l: { articles: Summary[] }): KbArticleListResponse => ({
  articles: l.articles.map(kbArticleSummaryResponse),
});

const version = (v: Version): KbArticleVersionResponse => ({
  version: v.version,
  action: v.action,
  changedFields: v.changedFields,
  restoredFrom: v.restoredFrom,
  title: v.title,
  slug: v.slug,
  category: v.category,
  services: v.services,
  bodyMd: v.bodyMd,
  status: v.status,
  changedBy: { id: v.changedBy.id, name: v.changedBy.name },
  changedAt: v.changedAt,
});

export const kbArticleVersionsResponse = (l: { versions: Version[] }): KbArticleVersionsResponse => ({
  versions: l.versions.map(version),
});

export const kbDocumentsResponse = (d: Documents): KbDocumentsResponse => ({
  documents: d.documents.map(kbDocumentResponse),
});
