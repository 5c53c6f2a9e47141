import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface PastTicket {
  officeId: string;
  satkerId: string;
  agentId: string;
  service: string;
  /** Months before the current WIB month (0 = this month). */
  monthsAgo: number;
  /** null: still open (no resolution result yet). */
  resolutionMet: boolean | null;
  /** Days since filing, for open tickets' age; default mid-month of `monthsAgo`. */
  daysAgo?: number;
  /** Its resolution deadline was missed (only for resolved tickets: the clock is stopped, so no sweep or recompute touches it). */
  breached?: boolean;
}

/** The WIB month `monthsAgo` before now, YYYY-MM, as the report names it. */
export function monthAgo(monthsAgo: number, now = new Date()): string {
  const wib = new Date(now.getTime() + 7 * 3600000);
  const d = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - monthsAgo, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * Tickets with their SLA results already recorded, filed in past months, by SQL (as
 * scripts/seed-history.js does): a history the report counts without living through it.
 */
export async function seedPastTickets(db: DataSource, tickets: PastTicket[]): Promise<string[]> {
  const ids: string[] = [];
  for (const t of tickets) {
    const open = t.resolutionMet === null;
    const status = open ? 'DIPROSES' : t.resolutionMet ? 'SELESAI' : 'DITOLAK';
    const [{ id }] = await db.query(
      `INSERT INTO tickets (number, office_id, satker_id, service_code, machine_id, machine_version, status, snapshot, subject, form,
                            assignee_id, filed_by, created_at, updated_at, resolved_at, first_response_at, response_minutes, response_met,
                            resolution_minutes, resolution_met, due_at)
       SELECT $1, $2, $3, $4, 'lifecycle', 1, $5::text,
              jsonb_build_object('value', $5::text, 'context', jsonb_build_object('assigneeId', $6::text, 'correctionRounds', 0)),
              'Riwayat uji', '{}'::jsonb, $6::uuid, $6::uuid, c.at, c.at, CASE WHEN $7::boolean IS NOT NULL THEN c.at + interval '1 day' END,
              c.at + interval '1 hour', 60, true,
              CASE WHEN $7::boolean IS NOT NULL THEN 400 END, $7::boolean, CASE WHEN $7::boolean IS NULL THEN c.at + interval '1 day' END
         FROM (SELECT CASE WHEN $9::int IS NOT NULL THEN now() - $9::int * interval '1 day'
                      ELSE LEAST(now() - interval '1 minute',
                                 (date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta') - $8::int * interval '1 month' + interval '9 days 10 hours')
                                   AT TIME ZONE 'Asia/Jakarta') END AS at) c
       RETURNING id`,
      [
        `UJI-${randomUUID().slice(0, 8)}`,
        t.officeId,
        t.satkerId,
        t.service,
        status,
        t.agentId,
        t.resolutionMet,
        t.monthsAgo,
        t.daysAgo ?? null,
      ],
    );
    if (t.breached) {
      await db.query(
        `INSERT INTO sla_clocks (ticket_id, office_id, kind, rule, calendar_id, calendar_version, started_at, target_minutes, due_at,
                                 stopped_at, stop_reason, used_minutes, breached_at)
         SELECT t.id, t.office_id, 'RESOLUTION', '{"kind":"WORKING_DAYS","days":1}', (SELECT id FROM calendars WHERE code = 'STANDAR-WITA'), 1,
                t.created_at, 450, t.created_at + interval '1 day', t.resolved_at, 'RESOLVED', 900, LEAST(now(), t.created_at + interval '1 day')
           FROM tickets t WHERE t.id = $1`,
        [id],
      );
    }
    ids.push(id);
  }
  return ids;
}

/** A supervisor of the given office (a KPPN, a Kanwil or Kantor Pusat). */
export async function makeSupervisor(db: DataSource, personId: string, officeId: string): Promise<void> {
  await db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, 'SUPERVISOR')`, [
    personId,
    officeId,
  ]);
}
