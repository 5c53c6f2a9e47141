import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { ReplyTemplatesService } from '@loket/tickets';
import { CreateReplyTemplateDto, FillReplyTemplateQuery, UpdateReplyTemplateDto } from './reply-templates.dto';

const templateId = new ParseUUIDPipe({
  exceptionFactory: () => fail('TEMPLATE_NOT_FOUND'),
});

/** Canned replies: national (Kantor Pusat) and per office; supervisors keep them, agents use them. */
@ApiTags('reply-templates')
@ApiBearerAuth()
@Controller('reply-templates')
export class ReplyTemplatesController {
  constructor(private readonly templates: ReplyTemplatesService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.templates.list(actor);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', templateId) id: string) {
    return this.templates.get(actor, id);
  }

  /** The template's text filled in for one ticket (what the composer puts in its text box). */
  @Get(':id/filled')
  fill(@CurrentActor() actor: Actor, @Param('id', templateId) id: string, @Query() q: FillReplyTemplateQuery) {
    return this.templates.fill(actor, q.ticketId, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateReplyTemplateDto) {
    return this.templates.create(actor, { title: dto.judul, body: dto.isi, national: dto.cakupan === 'NASIONAL' });
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @Param('id', templateId) id: string, @Body() dto: UpdateReplyTemplateDto) {
    return this.templates.update(actor, id, { title: dto.judul, body: dto.isi });
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @Param('id', templateId) id: string) {
    return this.templates.delete(actor, id);
  }
}
