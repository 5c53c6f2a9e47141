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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { UploadInterceptor, uploadsOf } from '@loket/files';
import { articleNotFound, documentNotFound, KbArticles, KbDocuments } from '@loket/kb';
import { attachmentHeaders } from '../tickets/download';
import { ArticleCreateDto, ArticleListQuery, ArticleUpdateDto } from './kb.dto';

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
  list(@CurrentActor() actor: Actor, @Query() q: ArticleListQuery) {
    return this.articles.list(actor, q.status ?? null, Math.min(Number(q.limit ?? 50), 200), Number(q.offset ?? 0));
  }

  @Post()
  @ApiOperation({ summary: 'Membuat draf artikel (versi 1)' })
  create(@CurrentActor() actor: Actor, @Body() dto: ArticleCreateDto) {
    const { kantor, ...input } = dto;
    return this.articles.create(actor, input, kantor);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', articleId) id: string) {
    return this.articles.get(actor, id);
  }

  @Patch(':id')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Mengubah artikel: versi baru dengan kolom yang berubah' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Body() dto: ArticleUpdateDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.articles.update(actor, id, dto, seenVersion(ifMatch));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  publish(@CurrentActor() actor: Actor, @Param('id', articleId) id: string, @Headers('if-match') ifMatch?: string) {
    return this.articles.setPublished(actor, id, true, seenVersion(ifMatch));
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  unpublish(@CurrentActor() actor: Actor, @Param('id', articleId) id: string, @Headers('if-match') ifMatch?: string) {
    return this.articles.setPublished(actor, id, false, seenVersion(ifMatch));
  }

  @Get(':id/versions')
  @ApiOperation({ summary: 'Riwayat versi: siapa mengubah apa, kapan' })
  versions(@CurrentActor() actor: Actor, @Param('id', articleId) id: string) {
    return this.articles.versions(actor, id);
  }

  @Post(':id/versions/:version/restore')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Memulihkan isi versi lama sebagai versi baru' })
  restore(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Param('version', versionNo) version: number,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.articles.restore(actor, id, version, seenVersion(ifMatch));
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
  addDocument(@CurrentActor() actor: Actor, @Param('id', articleId) id: string, @Req() req: Request) {
    return this.documents.add(actor, id, uploadsOf(req));
  }

  @Delete(':id/documents/:documentId')
  removeDocument(
    @CurrentActor() actor: Actor,
    @Param('id', articleId) id: string,
    @Param('documentId', documentId) doc: string,
  ) {
    return this.documents.remove(actor, id, doc);
  }

  @Get(':id/documents/:documentId')
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
