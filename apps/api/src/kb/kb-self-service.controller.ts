import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, type Actor } from '@loket/auth';
import { KbDeflections, KbLinks } from '@loket/kb';
import { supervisorScopeOf } from '@loket/sla';
import { DeflectionDto, KbReportQuery, PickerQuery, SuggestionQuery } from './kb.dto';

/** Articles offered while filing, requests they answered, agents' article links, and the supervisor's report. */
@ApiTags('kb')
@ApiBearerAuth()
@Controller('kb')
export class KbSelfServiceController {
  constructor(
    private readonly deflections: KbDeflections,
    private readonly links: KbLinks,
  ) {}

  @Get('suggestions')
  @ApiOperation({ summary: 'Sampai 5 artikel untuk perihal yang diketik satker (atau untuk layanannya)' })
  suggestions(@CurrentActor() actor: Actor, @Query() q: SuggestionQuery) {
    return this.deflections.suggestions(actor, q.layanan, q.q ?? '');
  }

  @Post('deflections')
  @ApiOperation({ summary: '"Masalah saya terjawab": dicatat sebagai permintaan yang terjawab artikel, tanpa tiket' })
  deflect(@CurrentActor() actor: Actor, @Body() dto: DeflectionDto) {
    return this.deflections.deflect(actor, dto.layanan, dto.artikel, dto.perihal ?? null);
  }

  @Get('picker')
  @ApiOperation({ summary: 'Artikel untuk disisipkan ke balasan: judul dan alamat publik, dalam lingkup petugas' })
  picker(@CurrentActor() actor: Actor, @Query() q: PickerQuery) {
    return this.links.picker(actor, q.q ?? '');
  }

  @Get('report')
  @ApiOperation({ summary: 'Per layanan: artikel dibaca, permintaan terjawab artikel, tiket diajukan (supervisor)' })
  report(@CurrentActor() actor: Actor, @Query() q: KbReportQuery) {
    return this.deflections.report(supervisorScopeOf(actor.staff), { from: q.from, to: q.to });
  }
}
