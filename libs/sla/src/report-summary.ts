import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one } from '@loket/db';

/**
 * The SLA report's summary of whole months (migration 1766100000000): every write to tickets marks
 * its office-month, and a refresh recomputes exactly the marked ones from the tickets, in one
 * transaction, then stamps the time the report shows as "as of". The worker runs it each SLA sweep.
 */
@Injectable()
export class SlaReportSummary {
  constructor(private readonly db: DataSource) {}

  /** Recomputes the office-months changed since the last refresh; returns how many. */
  async refresh(): Promise<number> {
    return this.db.transaction(async (em) => {
      // Percentiles sort each group's values; keep those sorts in memory.
      await em.query(`SET LOCAL work_mem = '64MB'`);
      const row = await one<{ done: number }>(em, `SELECT sla_report_refresh() AS done`);
      return row!.done;
    });
  }
}
