import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@loket/auth';
import { DomainError } from '@loket/common';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Public()
  @Get()
  async health() {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', 503, 'Basis data tidak dapat dihubungi.');
    }
    return { status: 'ok', database: 'ok', time: new Date().toISOString() };
  }
}
