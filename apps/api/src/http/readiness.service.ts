import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fail } from '@loket/common';
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
      throw fail('DATABASE_UNAVAILABLE');
    }
    if (pending.length) {
      throw fail('MIGRATIONS_PENDING', { count: pending.length }, { pending });
    }
  }
}
