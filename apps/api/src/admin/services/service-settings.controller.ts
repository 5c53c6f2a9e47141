import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceSettingsAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { ServiceSettingsDto } from './service-settings.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/services')
export class ServiceSettingsController {
  constructor(private readonly settings: ServiceSettingsAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Layanan dengan pengaturan SLA yang berlaku hari ini dan yang terjadwal (admin)' })
  list(@CurrentActor() actor: Actor) {
    return this.settings.list(actor);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Semua versi pengaturan SLA satu layanan (admin)' })
  show(@CurrentActor() actor: Actor, @Param('code') code: string) {
    return this.settings.show(actor, code);
  }

  @Post(':code/versions')
  @ApiOperation({
    summary:
      'Jadwalkan versi baru target SLA dan ambang peringatan (admin Kantor Pusat); tiket yang sudah diajukan tidak berubah',
  })
  change(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: ServiceSettingsDto) {
    return this.settings.change(actor, code, dto);
  }
}
