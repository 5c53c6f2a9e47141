import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@loket/common';
import { pendingMigrations } from '@loket/db';
import { MIGRATIONS } from '../../../../migrations';

/** Readiness: the database answers and has every migration this code knows. */
@Injectable()
export class ReadinessService {
  constructor(private readonly db: DataSource) {}

  async check(): Promise<void> {
    let pending: string[];
    try {
      pending = await pendingMigrations(this.db, MIGRATIONS);
    } catch {
      throw new DomainError('DATABASE_UNAVAILABLE', 503, 'Basis data tidak dapat dihubungi.');
    }
    if (pending.length) {
      throw new DomainError(
        'MIGRATIONS_PENDING',
        503,
        `Basis data belum dimigrasikan: ${pending.length} migrasi belum diterapkan.`,
        { pending },
      );
    }
  }
}
