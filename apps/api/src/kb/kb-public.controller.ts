import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Public, type Actor } from '@loket/auth';
import { articleSlug, documentNotFound, KbDocuments, KbRatings, KbReaders, KbSearch } from '@loket/kb';
import { attachmentHeaders } from '../tickets/download';
import { notModified } from './cache';
import { PublicListQuery, ArticleRatingDto, SearchQuery } from './kb.dto';
import { PDF_DOWNLOAD } from './kb-common.response';
import {
  kbPublicArticleResponse,
  KbPublicArticleResponse,
  kbPublicListResponse,
  KbPublicListResponse,
  kbRatedResponse,
  KbRatedResponse,
  kbSearchHitResponse,
  KbSearchResponse,
} from './kb-public.response';
import { ApiErrors, ApiPublic } from '../http/api-docs';

const documentId = new ParseUUIDPipe({ exceptionFactory: () => documentNotFound() });
/** What the FAQ pages show, as JSON: published articles only, no login needed (rating needs a bearer; the portal rates by cookie). */
@ApiTags('kb')
@Controller('kb')
export class KbPublicController {
  constructor(
    private readonly readers: KbReaders,
    private readonly search: KbSearch,
    private readonly ratings: KbRatings,
    private readonly documents: KbDocuments,
  ) {}

  @Get('public/articles')
  @Public()
  @ApiPublic()
  @ApiOperation({ summary: 'Artikel terbit: nasional ditambah artikel kantor (kantor=<kode>), per kategori' })
  @ApiOkResponse({ type: KbPublicListResponse })
  @ApiErrors('VALIDATION_FAILED', 'OFFICE_NOT_FOUND')
  async list(@Query() q: PublicListQuery): Promise<KbPublicListResponse> {
    const office = await this.readers.office(q.kantor);
    const filter = { category: q.kategori, service: q.layanan };
    return kbPublicListResponse(await this.readers.listing(office, filter, Number(q.halaman ?? 1)));
  }

  @Get('public/articles/:slug')
  @Public()
  @ApiPublic()
  @ApiOperation({ summary: 'Satu artikel terbit (ETag; If-None-Match -> 304); draf = 404' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'ETag yang tersimpan; tidak berubah: 304' })
  @ApiOkResponse({ type: KbPublicArticleResponse })
  @ApiResponse({ status: 304, description: 'Artikel tidak berubah sejak ETag yang dikirim (tanpa isi)' })
  @ApiErrors('VALIDATION_FAILED', 'OFFICE_NOT_FOUND', 'ARTICLE_NOT_FOUND')
  async article(@Param('slug') slug: string, @Query() q: PublicListQuery, @Req() req: Request, @Res() res: Response) {
    const { article } = await this.readers.read(articleSlug(slug), q.kantor, null);
    if (!notModified(req, res, article.etag, 'public')) res.json(kbPublicArticleResponse(article));
  }

  @Get('public/articles/:slug/documents/:documentId')
  @Public()
  @ApiPublic()
  @ApiOperation({ summary: 'Mengunduh dokumen artikel terbit' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_DOWNLOAD)
  @ApiErrors('ARTICLE_NOT_FOUND', 'DOCUMENT_NOT_FOUND')
  async document(
    @Param('slug') slug: string,
    @Param('documentId', documentId) doc: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.documents.publicDocument(articleSlug(slug), doc);
    res.set(attachmentHeaders(meta));
    return new StreamableFile(this.documents.open(meta));
  }

  @Get('search')
  @Public()
  @ApiPublic()
  @ApiOperation({ summary: 'Pencarian teks penuh (indonesian), berperingkat, dengan cuplikan bertanda <mark>' })
  @ApiOkResponse({ type: KbSearchResponse })
  @ApiErrors('VALIDATION_FAILED', 'OFFICE_NOT_FOUND')
  async find(@Query() q: SearchQuery): Promise<KbSearchResponse> {
    const office = await this.readers.office(q.kantor);
    const page = Number(q.halaman ?? 1);
    const filter = { officeIds: office ? [office.id] : [], service: q.layanan, category: q.kategori };
    return { results: (await this.search.search(q.q, filter, 20, (page - 1) * 20)).map(kbSearchHitResponse) };
  }

  @Post('public/articles/:slug/rating')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Apakah artikel ini membantu? 1-5 bintang; satu suara per orang (suara kedua menggantikan yang pertama)',
  })
  @ApiOkResponse({ type: KbRatedResponse })
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'ARTICLE_NOT_FOUND')
  async rate(
    @CurrentActor() actor: Actor,
    @Param('slug') slug: string,
    @Body() dto: ArticleRatingDto,
  ): Promise<KbRatedResponse> {
    return kbRatedResponse(await this.ratings.rate(articleSlug(slug), { personId: actor.personId }, dto.stars));
  }
}
