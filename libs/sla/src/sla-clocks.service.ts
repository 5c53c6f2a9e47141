import { Injectable } from '@nestjs/common';
import { many, type Queryable } from '@loket/db';
import type { SlaPolicy, SlaRule } from '@loket/workflow';
import { nextOpening } from './calendar';
import type { Interval } from './calendar.types';
import { CalendarStore } from './calendar-store';
import { deadlineOf, usedMinutes, type ClockFacts } from './clock-math';
import { recordBreach } from './breach';

export type ClockKind = 'RESPONSE' | 'RESOLUTION';

interface ClockRow {
  ticketId: string;
  kind: ClockKind;
  rule: SlaRule;
  calendarId: string;
  startedAt: Date;
  dueAt: Date | null;
  pauses: Array<{ from: string; to: string }>;
  pausedSince: Date | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  warning: SlaPolicy['warning'];
  anchor: Date | null;
}

/** Agent actions the satker can see: they end the response clock. */
const VISIBLE_AGENT_EVENTS = new Set(['MESSAGE', 'REQUEST_CORRECTION', 'COMPLETE', 'REJECT', 'STATUS_NOTICE']);
const RESOLVED = new Set(['SELESAI', 'DITOLAK']);
/** Entering or leaving these pauses, resumes or stops clocks. */
const CLOCK_STATUSES = new Set(['MENUNGGU_PERBAIKAN', 'SELESAI', 'DITOLAK', 'DIBATALKAN', 'DITUTUP']);

const CLOCK_COLUMNS = `ticket_id AS "ticketId", kind, rule, calendar_id AS "calendarId", started_at AS "startedAt",
  due_at AS "dueAt", pauses, paused_since AS "pausedSince", stopped_at AS "stoppedAt", breached_at AS "breachedAt",
  rule -> '_warning' AS warning, (SELECT first_response_at FROM tickets WHERE id = sla_clocks.ticket_id) AS anchor`;

const facts = (c: ClockRow): ClockFacts => ({
  rule: c.rule,
  startedAt: c.startedAt,
  pauses: c.pauses.map((p): Interval => ({ from: new Date(p.from), to: new Date(p.to) })),
  pausedSince: c.pausedSince,
  anchor: c.anchor,
});

/**
 * The per-ticket response and resolution clocks, kept by the one transition path: started at
 * filing, paused while the ticket waits for the satker, stopped by the first visible agent action
 * (response) and by SELESAI/DITOLAK (resolution). Everything runs in the caller's transaction.
 */
@Injectable()
export class SlaClocks {
  constructor(private readonly calendars: CalendarStore) {}

  async start(db: Queryable, ticketId: string, policy: SlaPolicy | undefined, officeId: string, at: Date): Promise<void> {
    if (!policy) return;
    const calendarId = await this.calendars.resolveId(db, policy.calendar, officeId);
    const { version } = await this.calendars.load(db, calendarId);
    const clocks: Array<[ClockKind, SlaRule]> = [
      ...(policy.response ? [['RESPONSE', policy.response] as [ClockKind, SlaRule]] : []),
      ['RESOLUTION', policy.resolution],
    ];
    for (const [kind, rule] of clocks) {
      await db.query(
        `INSERT INTO sla_clocks (ticket_id, kind, rule, calendar_id, calendar_version, started_at, office_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [ticketId, kind, JSON.stringify({ ...rule, _warning: policy.warning }), calendarId, version, at, officeId]);
    }
    await this.recompute(db, ticketId);
  }

  /** Keeps the clocks in step with a ticket event (a status change or a visible message). */
  async afterEvent(db: Queryable, e: { ticketId: string; from: string; to: string; type: string; byAgent: boolean; at: Date }): Promise<void> {
    const answers = e.byAgent && VISIBLE_AGENT_EVENTS.has(e.type);
    const moves = e.from !== e.to && [e.from, e.to].some((s) => CLOCK_STATUSES.has(s));
    if (!answers && !moves) return; // nothing a clock cares about (a claim, an escalation, an internal note)
    const clocks = await this.clocks(db, e.ticketId);
    if (clocks.length === 0) return;
    if (answers) {
      await db.query(`UPDATE tickets SET first_response_at = COALESCE(first_response_at, $2) WHERE id = $1`, [e.ticketId, e.at]);
      await this.stop(db, clocks, 'RESPONSE', e.at, 'ANSWERED');
    }
    if (e.to === 'MENUNGGU_PERBAIKAN' && e.from !== e.to) {
      await db.query(`UPDATE sla_clocks SET paused_since = $2 WHERE ticket_id = $1 AND stopped_at IS NULL AND paused_since IS NULL`, [e.ticketId, e.at]);
    }
    if (e.from === 'MENUNGGU_PERBAIKAN' && e.to !== e.from) {
      await db.query(
        `UPDATE sla_clocks SET pauses = pauses || jsonb_build_array(jsonb_build_object('from', paused_since, 'to', $2::timestamptz)),
                paused_since = NULL
          WHERE ticket_id = $1 AND paused_since IS NOT NULL`, [e.ticketId, e.at]);
    }
    const fresh = await this.clocks(db, e.ticketId);
    if (RESOLVED.has(e.to)) await this.stop(db, fresh, 'RESOLUTION', e.at, 'RESOLVED');
    if (e.to === 'DIBATALKAN' || e.to === 'DITUTUP') {
      for (const kind of ['RESPONSE', 'RESOLUTION'] as ClockKind[]) await this.stop(db, fresh, kind, e.at, 'CANCELLED');
    }
    await this.recompute(db, e.ticketId);
  }

  /** Recomputes due and warning instants of the ticket's running clocks and the ticket's queue deadline. */
  async recompute(db: Queryable, ticketId: string): Promise<void> {
    const clocks = await this.clocks(db, ticketId);
    // RESPONSE sorts first, so its fresh deadline is known when the SC03-1 cut-off needs it.
    const responseDue = new Map<string, Date | null>();
    for (const c of clocks) {
      if (c.stoppedAt) {
        responseDue.set(c.kind, c.dueAt);
        continue;
      }
      const cal = await this.calendars.load(db, c.calendarId);
      const anchor = c.kind === 'RESOLUTION' && c.rule.kind === 'SC03_CUTOFF' ? c.anchor ?? responseDue.get('RESPONSE') ?? null : null;
      const deadline = deadlineOf(cal.spec, { ...facts(c), anchor }, c.warning);
      await db.query(
        `UPDATE sla_clocks SET due_at = $3, warn_at = $4, target_minutes = $5, calendar_version = $6 WHERE ticket_id = $1 AND kind = $2`,
        [ticketId, c.kind, deadline?.due ?? null, deadline?.warnAt ?? null, deadline?.targetMinutes ?? null, cal.version]);
      responseDue.set(c.kind, deadline?.due ?? null);
    }
    await db.query(
      `UPDATE tickets SET due_at = (SELECT due_at FROM sla_clocks WHERE ticket_id = $1 AND kind = 'RESOLUTION' AND stopped_at IS NULL)
        WHERE id = $1`, [ticketId]);
  }

  private async stop(db: Queryable, clocks: ClockRow[], kind: ClockKind, at: Date, reason: 'ANSWERED' | 'RESOLVED' | 'CANCELLED') {
    const c = clocks.find((x) => x.kind === kind && !x.stoppedAt);
    if (!c) return;
    const cal = await this.calendars.load(db, c.calendarId);
    const used = usedMinutes(cal.spec, facts(c), at);
    const met = reason === 'CANCELLED' || !c.dueAt ? null : at <= c.dueAt;
    await db.query(
      `UPDATE sla_clocks SET stopped_at = $3, stop_reason = $4, used_minutes = $5,
              pauses = CASE WHEN paused_since IS NULL THEN pauses ELSE pauses || jsonb_build_array(jsonb_build_object('from', paused_since, 'to', $3::timestamptz)) END,
              paused_since = NULL
        WHERE ticket_id = $1 AND kind = $2`, [c.ticketId, kind, at, reason, used]);
    const prefix = kind === 'RESPONSE' ? 'response' : 'resolution';
    if (reason !== 'CANCELLED') {
      await db.query(`UPDATE tickets SET ${prefix}_minutes = $2, ${prefix}_met = $3 WHERE id = $1`, [c.ticketId, used, met]);
    }
    // Stopped late and the sweeper had not got to it yet: the breach is still recorded, at the due instant.
    if (met === false && !c.breachedAt) await recordBreach(db, { ticketId: c.ticketId, kind, dueAt: c.dueAt! }, nextOpening(cal.spec, at));
  }

  private clocks(db: Queryable, ticketId: string): Promise<ClockRow[]> {
    return many<ClockRow>(db, `SELECT ${CLOCK_COLUMNS} FROM sla_clocks WHERE ticket_id = $1 ORDER BY kind DESC`, [ticketId]);
  }
}
