import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '@loket/auth';
import { ApiErrors, ApiOk, ApiPublic } from './api-docs';
import { ReadinessService } from './readiness.service';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty() time: string;
}

export class ReadyDto extends HealthDto {
  @ApiProperty({ enum: ['ok'] }) database: 'ok';
  @ApiProperty({ enum: ['ok'] }) migrations: 'ok';
}

/** Liveness and readiness for load balancers and orchestrators; neither needs a session. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Public()
  @Get('health')
  @ApiPublic()
  @ApiOperation({ summary: 'Proses hidup (tanpa memeriksa basis data)' })
  @ApiOk(HealthDto)
  @ApiErrors()
  health(): HealthDto {
    return { status: 'ok', time: new Date().toISOString() };
  }

  @Public()
  @Get('ready')
  @ApiPublic()
  @ApiOperation({ summary: 'Siap melayani: basis data terjangkau dan semua migrasi diterapkan' })
  @ApiOk(ReadyDto)
  @ApiErrors('DATABASE_UNAVAILABLE', 'MIGRATIONS_PENDING')
  async ready(): Promise<ReadyDto> {
    await this.readiness.check();
    return { status: 'ok', database: 'ok', migrations: 'ok', time: new Date().toISOString() };
  }
}
