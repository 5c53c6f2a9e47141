import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { articleNotFound, documentNotFound, KbArticles, KbDocuments } from '@loket/kb';
import { attachmentHeaders } from '../tickets/download';
import { ArticleCreateDto, ArticleListQuery, ArticleUpdateDto } from './kb.dto';
import {
  kbArticleListResponse,
  KbArticleListResponse,
  kbArticleResponse,
  KbArticleResponse,
  kbArticleVersionsResponse,
  KbArticleVersionsResponse,
  kbDocumentsResponse,
  KbDocumentsResponse,
} from './kb-articles.response';
import { PDF_DOWNLOAD } from './kb-common.response';
import { ApiErrors } from '../http/api-docs';

const articleId = new ParseUUIDPipe({ exceptionFactory: () => articleNotFound() });
const documentId = new ParseUUIDPipe({ exceptionFactory: () => documentNotFound() });
const versionNo = new ParseIntPipe({
  exceptionFactory: () => fail('INVALID_VERSION'),
});

/** If-Match is optional here: given, a stale version is refused (409) instead of overwriting someone's edit. */
function seenVersion(header: string | undefined): number | null {
  if (!header) return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw fail('INVALID_IF_MATCH', { reason: 'ARTICLE' });
  return Number(match[1]);
}

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'Versi artikel yang sedang dilihat; bila berbeda, 409 ARTICLE_CHANGED',
};

/** Writing articles: office admins and knowledge-base editors, each for their own office (another office's article is a 404). */
@ApiTags('kb')
@ApiBearerAuth()
@Controller('kb/articles')
export class KbArticlesController {
  constructor(
    private readonly articles: KbArticles,
    private readonly documents: KbDocuments,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Artikel kantor penulis, penilaian terendah lebih dulu' })
  @ApiOkResponse({ type: KbArticleListResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'VALIDATION_FAILED')
  async list(@CurrentActor() actor: Actor, @Query() q: ArticleListQuery): Promise<KbArticleListResponse> {
    const limit = Math.min(Number(q.limit ?? 50), 200);
    return kbArticleListResponse(await this.articles.list(actor, q.status ?? null, limit, Number(q.offset ?? 0)));
  }

  @Post()
  @ApiOperation({ summary: 'Membuat draf artikel (versi 1)' })
  @ApiCreatedResponse({ type: KbArticleResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_A_KB_EDITOR',
    'VALIDATION_FAILED',
    'OFFICE_NOT_YOURS',
    'OFFICE_REQUIRED',
    'UNKNOWN_SERVICE',
    'INVALID_SLUG',
    'SLUG_TAKEN',
  )
  async create(@CurrentActor() actor: Actor, @Body() dto: ArticleCreateDto): Promise<KbArticleResponse> {
    const { kantor, ...input } = dto;
    return kbArticleResponse(await this.articles.create(actor, input, kantor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Satu artikel kantor penulis (draf juga) dengan isi Markdown dan dokumennya' })
  @ApiOkResponse({ type: KbArticleResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'ARTICLE_NOT_FOUND')
  async get(@CurrentActor() actor: Actor, @Param('id', articleId) id: string): Promise<KbArticleResponse> {
    return kbArticleResponse(await this.articles.get(actor, id));
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Mengubah artikel: versi baru dengan kolom yang berubah' })
  @ApiOkResponse({ type: KbArticleResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_A_KB_EDITOR',
    'VALIDATION_FAILED',
    'INVALID_IF_MATCH',
    'ARTICLE_NOT_FOUND',
    'ARTICLE_CHANGED',
    'UNKNOWN_SERVICE',
    'INVALID_SLUG',
    'SLUG_TAKEN',
  )
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Body() dto: ArticleUpdateDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<KbArticleResponse> {
    return kbArticleResponse(await this.articles.update(actor, id, dto, seenVersion(ifMatch)));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Menerbitkan artikel (tampil di FAQ publik)' })
  @ApiOkResponse({ type: KbArticleResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'INVALID_IF_MATCH', 'ARTICLE_NOT_FOUND', 'ARTICLE_CHANGED')
  async publish(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<KbArticleResponse> {
    return kbArticleResponse(await this.articles.setPublished(actor, id, true, seenVersion(ifMatch)));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Menarik artikel kembali menjadi draf' })
  @ApiOkResponse({ type: KbArticleResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'INVALID_IF_MATCH', 'ARTICLE_NOT_FOUND', 'ARTICLE_CHANGED')
  async unpublish(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Headers('if-match') ifMatch?: string,
  ): Promise<KbArticleResponse> {
    return kbArticleResponse(await this.articles.setPublished(actor, id, false, seenVersion(ifMatch)));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Riwayat versi: siapa mengubah apa, kapan' })
  @ApiOkResponse({ type: KbArticleVersionsResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'ARTICLE_NOT_FOUND')
  async versions(@CurrentActor() actor: Actor, @Param('id', articleId) id: string): Promise<KbArticleVersionsResponse> {
    return kbArticleVersionsResponse(await this.articles.versions(actor, id));
  }

  @Post(':id/versions/:version/restore')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Memulihkan isi versi lama sebagai versi baru' })
  @ApiOkResponse({ type: KbArticleResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_A_KB_EDITOR',
    'INVALID_VERSION',
    'INVALID_IF_MATCH',
    'ARTICLE_NOT_FOUND',
    'ARTICLE_CHANGED',
    'VERSION_NOT_FOUND',
    'SLUG_TAKEN',
  )
  async restore(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Param('version', versionNo) version: number,
    @Headers('if-match') ifMatch?: string,
  ): Promise<KbArticleResponse> {
    return kbArticleResponse(await this.articles.restore(actor, id, version, seenVersion(ifMatch)));
  }

  @Post(':id/documents')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { DOKUMEN: { type: 'string', format: 'binary', description: 'PDF juknis, paling besar 5 MB' } },
    },
  })
  @ApiOperation({ summary: 'Melampirkan juknis PDF (diperiksa seperti lampiran tiket)' })
  @ApiCreatedResponse({ type: KbDocumentsResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_A_KB_EDITOR',
    'MALFORMED_MULTIPART',
    'FILE_TOO_LARGE',
    'TOO_MANY_FILES',
    'DUPLICATE_FILE_FIELD',
    'ARTICLE_NOT_FOUND',
    'DOCUMENT_REQUIRED',
    'NOT_PDF',
    'EMPTY_FILE',
    'PDF_TRUNCATED',
    'PDF_ACTIVE_CONTENT',
  )
  async addDocument(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Req() req: Request,
  ): Promise<KbDocumentsResponse> {
    return kbDocumentsResponse(await this.documents.add(actor, id, uploadsOf(req)));
  }

  @Delete(':id/documents/:documentId')
  @ApiOperation({ summary: 'Menghapus dokumen artikel' })
  @ApiOkResponse({ type: KbDocumentsResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'ARTICLE_NOT_FOUND', 'DOCUMENT_NOT_FOUND')
  async removeDocument(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Param('documentId', documentId) doc: string,
  ): Promise<KbDocumentsResponse> {
    return kbDocumentsResponse(await this.documents.remove(actor, id, doc));
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'Mengunduh dokumen artikel (draf juga)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse(PDF_DOWNLOAD)
  @ApiErrors('UNAUTHENTICATED', 'NOT_A_KB_EDITOR', 'ARTICLE_NOT_FOUND', 'DOCUMENT_NOT_FOUND')
  async document(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Param('documentId', documentId) doc: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const meta = await this.documents.writerDocument(actor, id, doc);
    res.set(attachmentHeaders(meta));
    return new StreamableFile(this.documents.open(meta));
  }
}
