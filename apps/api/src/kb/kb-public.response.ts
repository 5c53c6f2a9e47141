import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { KbRatings, KbReaders, KbSearch } from '@loket/kb';
import {
  kbDocumentResponse,
  KbDocumentResponse,
  KbOfficeResponse,
  kbRatingResponse,
  KbRatingResponse,
} from './kb-common.response';

type Article = Awaited<ReturnType<KbReaders['article']>>;
type Listing = Awaited<ReturnType<KbReaders['listing']>>;
type Hit = Awaited<ReturnType<KbSearch['search']>>[number];
type Rated = Awaited<ReturnType<KbRatings['rate']>>;

/** A published article as the FAQ shows it. */
export class KbPublicArticleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'reset-sandi-myintress' }) slug: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiProperty({ description: 'Isi artikel (HTML dari Markdown, disaring)' }) bodyHtml: string;
  @ApiProperty({ type: KbOfficeResponse }) office: KbOfficeResponse;
  @ApiProperty() national: boolean;
  @ApiProperty({ type: KbRatingResponse }) rating: KbRatingResponse;
  @ApiProperty({ type: [KbDocumentResponse] }) documents: KbDocumentResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'uuid', description: 'Kantor pemilik' }) officeId: string;
  @ApiProperty({ format: 'uri', description: 'Alamat halaman FAQ artikel' }) url: string;
  @ApiProperty({ description: 'Sama dengan header ETag (If-None-Match)' }) etag: string;
}

export class KbCategoryCountResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) count: number;
}

export class KbListedArticleResponse {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty() national: boolean;
  @ApiProperty({ type: KbRatingResponse }) rating: KbRatingResponse;
}

export class KbPublicListResponse {
  @ApiProperty({ type: [KbCategoryCountResponse] }) categories: KbCategoryCountResponse[];
  @ApiProperty({ type: [KbListedArticleResponse], description: '20 per halaman' }) articles: KbListedArticleResponse[];
  @ApiProperty({ description: 'Ada halaman berikutnya' }) more: boolean;
}

/** A search hit (also a suggestion while filing, where the rank is absent for the service's best rated). */
export class KbSearchHitResponse {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty({ type: [String] }) services: string[];
  @ApiPropertyOptional({ description: 'Peringkat teks penuh (ts_rank_cd)' }) rank?: number;
  @ApiProperty({ type: KbRatingResponse }) rating: KbRatingResponse;
  @ApiProperty({ description: 'Cuplikan; pada pencarian kata yang cocok bertanda <mark>' }) snippet: string;
}

export class KbSearchResponse {
  @ApiProperty({ type: [KbSearchHitResponse], description: '20 per halaman, peringkat tertinggi lebih dulu' })
  results: KbSearchHitResponse[];
}

export class KbRatedResponse {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 }) stars: number;
  @ApiProperty({ description: 'Suara sebelumnya orang ini digantikan' }) replaced: boolean;
  @ApiProperty({ type: KbRatingResponse }) rating: KbRatingResponse;
}

export const kbPublicArticleResponse = (a: Article): KbPublicArticleResponse => ({
  id: a.id,
  slug: a.slug,
  title: a.title,
  category: a.category,
  services: a.services,
  bodyHtml: a.bodyHtml,
  office: { code: a.office.code, name: a.office.name },
  national: a.national,
  rating: kbRatingResponse(a.rating),
  documents: a.documents.map(kbDocumentResponse),
  publishedAt: a.publishedAt,
  updatedAt: a.updatedAt,
  version: a.version,
  officeId: a.officeId,
  url: a.url,
  etag: a.etag,
});

export const kbPublicListResponse = (l: Listing): KbPublicListResponse => ({
  categories: l.categories.map((c) => ({ name: c.name, count: c.count })),
  articles: l.articles.map((a) => ({
    slug: a.slug,
    title: a.title,
    category: a.category,
    national: a.national,
    rating: kbRatingResponse(a.rating),
  })),
  more: l.more,
});

export const kbSearchHitResponse = (h: Omit<Hit, 'rank'> & { rank?: number }): KbSearchHitResponse => ({
  slug: h.slug,
  title: h.title,
  category: h.category,
  services: h.services,
  ...(h.rank === undefined ? {} : { rank: h.rank }),
  rating: kbRatingResponse(h.rating),
  snippet: h.snippet,
});

export const kbRatedResponse = (r: Rated): KbRatedResponse => ({
  stars: r.stars,
  replaced: r.replaced,
  rating: kbRatingResponse(r.rating),
});
