import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@loket/auth';
import { ReadinessService } from './readiness.service';

/** Liveness and readiness for load balancers and orchestrators; neither needs a session. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Proses hidup (tanpa memeriksa basis data)' })
  health() {
    return { status: 'ok', time: new Date().toISOString() };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Siap melayani: basis data terjangkau dan semua migrasi diterapkan' })
  async ready() {
    await this.readiness.check();
    return { status: 'ok', database: 'ok', migrations: 'ok', time: new Date().toISOString() };
  }
}
