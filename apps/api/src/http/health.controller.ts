import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@loket/auth';
import { DomainError } from '@loket/common';
import { pendingMigrations } from '@loket/db';

/** Liveness and readiness for load balancers and orchestrators; neither needs a session. */
@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly db: DataSource) {}

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
    let pending: string[];
    try {
      pending = await pendingMigrations(this.db);
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', 503, 'Basis data tidak dapat dihubungi.');
    }
    if (pending.length) {
      throw new DomainError('MIGRATIONS_PENDING', 503, `Basis data belum dimigrasikan: ${pending.length} migrasi belum diterapkan.`, { pending });
    }
    return { status: 'ok', database: 'ok', migrations: 'ok', time: new Date().toISOString() };
  }
}
