import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ServiceSettingsAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { ServiceSettingsDto } from './service-settings.dto';
import {
  serviceSettingsDetailResponse,
  ServiceSettingsDetailResponse,
  serviceSettingsSummaryResponse,
  ServiceSettingsSummaryResponse,
  serviceSettingsVersionResponse,
  ServiceSettingsVersionResponse,
} from './service-settings.response';
import { ApiErrors } from '../../http/api-docs';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/services')
export class ServiceSettingsController {
  constructor(private readonly settings: ServiceSettingsAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Layanan dengan pengaturan SLA yang berlaku hari ini dan yang terjadwal (admin)' })
  @ApiOkResponse({ type: [ServiceSettingsSummaryResponse] })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN')
  async list(@CurrentActor() actor: Actor): Promise<ServiceSettingsSummaryResponse[]> {
    return (await this.settings.list(actor)).map(serviceSettingsSummaryResponse);
  }

  @Get(':code')
  @ApiOperation({ summary: 'Semua versi pengaturan SLA satu layanan (admin)' })
  @ApiOkResponse({ type: ServiceSettingsDetailResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'SERVICE_NOT_FOUND')
  async show(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<ServiceSettingsDetailResponse> {
    return serviceSettingsDetailResponse(await this.settings.show(actor, code));
  }

  @Post(':code/versions')
  @ApiOperation({
    summary:
      'Jadwalkan versi baru target SLA dan ambang peringatan (admin Kantor Pusat); tiket yang sudah diajukan tidak berubah',
  })
  @ApiCreatedResponse({ type: ServiceSettingsVersionResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_A_NATIONAL_ADMIN',
    'VALIDATION_FAILED',
    'SERVICE_NOT_FOUND',
    'INVALID_SERVICE_SETTINGS',
  )
  async change(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: ServiceSettingsDto,
  ): Promise<ServiceSettingsVersionResponse> {
    return serviceSettingsVersionResponse(await this.settings.change(actor, code, dto));
  }
}
