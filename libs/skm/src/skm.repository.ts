import { Injectable } from '@nestjs/common';
import type { Actor } from '@loket/auth';
import { many, one, type Queryable } from '@loket/db';
import { visibleClause } from '@loket/tickets';
import type { SkmAnswers } from './answers';
import type { SkmPeriod } from './period';

/** Ticket statuses after which the survey may be answered. */
export const SURVEYED_STATUSES = ['SELESAI', 'DITOLAK', 'DITUTUP'];

export interface SurveyTicket {
  id: string;
  number: string;
  subject: string;
  status: string;
  satkerId: string;
  officeId: string;
  serviceCode: string;
  answered: boolean;
  skipped: boolean;
  /** The satker already answered for this service in the period. */
  periodAnswered: boolean;
}

const FACTS = (
  period: string,
) => `t.id, t.number, t.subject, t.status, t.satker_id AS "satkerId", t.office_id AS "officeId", t.service_code AS "serviceCode",
  EXISTS (SELECT 1 FROM skm_responses r WHERE r.ticket_id = t.id) AS answered,
  EXISTS (SELECT 1 FROM skm_skips k WHERE k.ticket_id = t.id) AS skipped,
  EXISTS (SELECT 1 FROM skm_responses r WHERE r.satker_id = t.satker_id AND r.service_code = t.service_code
                 AND r.period_year = ${period}) AS "periodAnswered"`;

/** SQL of the survey. Ticket reads take the actor's scope, so another satker's ticket is not there. */
@Injectable()
export class SkmRepository {
  /** The ticket and its survey facts if the actor may see it; locked when `lock`. */
  ticket(db: Queryable, actor: Actor, ticketId: string, period: SkmPeriod, lock = false): Promise<SurveyTicket | null> {
    const scope = visibleClause(actor, 't', 4);
    return one<SurveyTicket>(
      db,
      `SELECT ${FACTS('$2 AND r.period_half = $3')} FROM tickets t
        WHERE t.id = $1 AND ${scope.sql} ${lock ? 'FOR UPDATE OF t' : ''}`,
      [ticketId, period.year, period.semester, ...scope.params],
    );
  }

  /** The satkers' tickets closed since the period began that still wait for a survey, newest first. */
  pending(db: Queryable, satkerIds: string[], period: SkmPeriod, since: Date, limit: number): Promise<SurveyTicket[]> {
    return many<SurveyTicket>(
      db,
      `SELECT * FROM (
         SELECT ${FACTS('$2 AND r.period_half = $3')}, t.resolved_at FROM tickets t
          WHERE t.satker_id = ANY($1::uuid[]) AND t.resolved_at IS NOT NULL AND t.resolved_at >= $4
            AND t.status = ANY($5::text[])) x
        WHERE NOT (answered OR skipped OR "periodAnswered")
        ORDER BY resolved_at DESC LIMIT $6`,
      [satkerIds, period.year, period.semester, since, SURVEYED_STATUSES, limit],
    );
  }

  /** Inserts the questionnaire unless the ticket, or the satker for this service and period, already has one. */
  async insert(
    db: Queryable,
    t: SurveyTicket,
    personId: string,
    period: SkmPeriod,
    a: SkmAnswers,
  ): Promise<string | null> {
    const row = await one<{ id: string }>(
      db,
      `INSERT INTO skm_responses (ticket_id, satker_id, office_id, service_code, period_year, period_half, person_id,
                                  u1, u2, u3, u4, u5, u6, u7, u8, u9, jenis_kelamin, pendidikan, pekerjaan, pekerjaan_lainnya, umur, saran)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        t.id,
        t.satkerId,
        t.officeId,
        t.serviceCode,
        period.year,
        period.semester,
        personId,
        ...a.scores,
        a.jenisKelamin,
        a.pendidikan,
        a.pekerjaan,
        a.pekerjaanLainnya,
        a.umur,
        a.saran,
      ],
    );
    return row?.id ?? null;
  }

  async skip(db: Queryable, t: SurveyTicket, personId: string): Promise<void> {
    await db.query(
      `INSERT INTO skm_skips (ticket_id, satker_id, person_id) VALUES ($1, $2, $3) ON CONFLICT (ticket_id) DO NOTHING`,
      [t.id, t.satkerId, personId],
    );
  }
}
