import { ApiProperty } from '@nestjs/swagger';
import type { ArticleLink, KbDeflections } from '@loket/kb';
import { KbOfficeResponse } from './kb-common.response';
import { kbSearchHitResponse, KbSearchHitResponse } from './kb-public.response';

type Suggestions = Awaited<ReturnType<KbDeflections['suggestions']>>;
type Deflected = Awaited<ReturnType<KbDeflections['deflect']>>;
type Report = Awaited<ReturnType<KbDeflections['report']>>;

export class KbSuggestionsResponse {
  @ApiProperty({ example: 'KPPN-201', description: 'KPPN satker (tautan ke FAQ-nya)' }) kantor: string;
  @ApiProperty({ type: [KbSearchHitResponse], description: 'Paling banyak 5' }) articles: KbSearchHitResponse[];
}

export class KbArticleRefResponse {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class KbDeflectionResponse {
  @ApiProperty({ description: 'Selalu true' }) deflected: boolean;
  @ApiProperty({ example: 'PERTANYAAN' }) service: string;
  @ApiProperty({ type: KbArticleRefResponse }) article: KbArticleRefResponse;
}

export class KbArticleLinkResponse {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uri' }) url: string;
}

export class KbPickerResponse {
  @ApiProperty({ type: [KbArticleLinkResponse], description: 'Paling banyak 10' }) articles: KbArticleLinkResponse[];
}

export class KbReportPeriodResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date', description: 'eksklusif' }) to: string;
}

export class KbReportRowResponse {
  @ApiProperty({ example: 'PERTANYAAN' }) service: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer', description: 'Artikel layanan ini dibaca' }) views: number;
  @ApiProperty({ type: 'integer', description: 'Permintaan terjawab artikel (tanpa tiket)' }) deflections: number;
  @ApiProperty({ type: 'integer', description: 'Tiket diajukan' }) tickets: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Persen permintaan terjawab artikel (satu desimal)' })
  deflectionRate: number | null;
}

export class KbReportResponse {
  @ApiProperty({ type: KbReportPeriodResponse }) period: KbReportPeriodResponse;
  @ApiProperty({ type: [KbOfficeResponse] }) offices: KbOfficeResponse[];
  @ApiProperty({ type: [KbReportRowResponse] }) rows: KbReportRowResponse[];
}

export const kbSuggestionsResponse = (s: Suggestions): KbSuggestionsResponse => ({
  kantor: s.kantor,
  articles: s.articles.map(kbSearchHitResponse),
});

export const kbDeflectionResponse = (d: Deflected): KbDeflectionResponse => ({
  deflected: d.deflected,
  service: d.service,
  article: { slug: d.article.slug, title: d.article.title },
});

export const kbPickerResponse = (p: { articles: ArticleLink[] }): KbPickerResponse => ({
  articles: p.articles.map((a) => ({ slug: a.slug, title: a.title, url: a.url })),
});

export const kbReportResponse = (r: Report): KbReportResponse => ({
  period: { from: r.period.from, to: r.period.to },
  offices: r.offices.map((o) => ({ code: o.code, name: o.name })),
  rows: r.rows.map((x) => ({
    service: x.service,
    title: x.title,
    views: x.views,
    deflections: x.deflections,
    tickets: x.tickets,
    deflectionRate: x.deflectionRate,
  })),
});
