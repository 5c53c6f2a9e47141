import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { many } from '@loket/db';
import { MEMBERSHIP_STATUS } from './myintress';

/**
 * Daily: active memberships with no login for six months become dormant (2 -> 3), each with one
 * history line. One transaction under an advisory lock: a second worker running at the same moment
 * skips, and the UPDATE's own WHERE keeps a rerun from changing anything twice.
 */
@Injectable()
export class DormancySweep {
  constructor(private readonly db: DataSource) {}

  async run(now: Date = new Date()): Promise<number | null> {
    return this.db.transaction(async (em) => {
      const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock(hashtext('loket.dormancy')) AS locked`);
      if (!locked) return null;
      const rows = await many<{ id: string }>(
        em,
        `WITH dormant AS (
           UPDATE myintress_memberships SET status = ${MEMBERSHIP_STATUS.DORMANT}, updated_at = $1
            WHERE status = ${MEMBERSHIP_STATUS.AKTIF} AND deleted_at IS NULL AND COALESCE(last_login_at, created_at) <= $1::timestamptz - interval '6 months'
            RETURNING id)
         INSERT INTO membership_history (membership_id, from_status, to_status, change, reason)
         SELECT id, 2, 3, 'DORMANT', 'Tidak login selama 6 bulan' FROM dormant RETURNING membership_id AS id`,
        [now],
      );
      return rows.length;
    });
  }
}
