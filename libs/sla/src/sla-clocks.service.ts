import { Injectable } from '@nestjs/common';
import { many, one, writeNowOrIn, type Queryable, type WriteBatch } from '@loket/db';
import { DEFAULT_ESCALATION, type SlaPolicy } from '@loket/workflow';
import { nextOpening } from './calendar';
import { CALENDAR_HEAD, calendarIdSql, CalendarStore, type CalendarHead, type LoadedCalendar } from './calendar-store';
import { usedMinutes, type Deadline } from './clock-math';
import { answersSatker, movesClocks, type ClockEvent } from './clock-event';
import {
  clocksFromJson,
  clocksSql,
  deadlines,
  facts,
  resume,
  type ClockKind,
  type ClockRead,
  type ClockRow,
  type ClockWork,
} from './clock-work';
import { recordBreach } from './breach';
import { inForceSql, ServiceSettingsStore, type ServiceSettingsVersion } from './service-settings';
import { startResolutionCycle } from './reopen-cycle';
import { TicketClockPort } from './ticket-clock-port';

export { clocksJsonSql, type ClockKind, type ClockRead } from './clock-work';
export { readsClocks, type ClockEvent } from './clock-event';

/** A new ticket's clocks, planned before the ticket is written (see SlaClocks.plan). */
export interface ClockPlan {
  settingsId: string;
  calendarId: string;
  calendarVersion: number;
  startedAt: Date;
  officeId: string;
  clocks: Array<{ kind: ClockKind; rule: string; deadline: Deadline | null }>;
}

const RESOLVED = new Set(['SELESAI', 'DITOLAK']);

/**
 * The per-ticket response and resolution clocks, kept by the one transition path: started at
 * filing, paused while the ticket waits for the satker, stopped by the first visible agent action
 * (response) and by SELESAI/DITOLAK (resolution). Everything runs in the caller's transaction; the
 * clocks are read once per event and the ticket's own columns written once, by the tickets library
 * (TicketClockPort).
 */
@Injectable()
export class SlaClocks {
  constructor(
    private readonly calendars: CalendarStore,
    private readonly settings: ServiceSettingsStore,
    private readonly tickets: TicketClockPort,
  ) {}

  /**
   * The clocks a new ticket starts with, under the service's settings in force now on the office's
   * date: settings and calendar read in one statement, deadlines computed here. Written by
   * `insertPlanned` in the filing's own statement.
   */
  async plan(
    db: Queryable,
    service: { code: string; sla?: SlaPolicy },
    officeId: string,
    at: Date,
  ): Promise<ClockPlan | null> {
    if (!service.sla) return null;
    const sla = service.sla;
    const read = () =>
      one<CalendarHead & { id: string; settings: ServiceSettingsVersion | null }>(
        db,
        `SELECT (SELECT row_to_json(s) FROM (${inForceSql('$1', '$2', '$3')}) s) AS settings, c.id, ${CALENDAR_HEAD}
         FROM calendars c WHERE c.id = (${calendarIdSql('$4', '$2')})`,
        [service.code, officeId, at, sla.calendar],
      );
    let row = await read();
    if (!row) throw new Error(`No calendar for ${sla.calendar} (office ${officeId})`);
    if (!row.settings) {
      await this.settings.ensureCatalogueVersion(db, { code: service.code, sla });
      row = (await read())!;
    }
    const settings = row.settings!;
    const policy: SlaPolicy = {
      ...sla,
      response: settings.response,
      resolution: settings.resolution,
      warning: settings.warning,
    };
    const cal = await this.calendars.fromHead(db, row.id, row);
    const clocks: ClockRow[] = [
      ...(policy.response ? [['RESPONSE', policy.response] as const] : []),
      ['RESOLUTION', policy.resolution] as const,
    ].map(([kind, rule]) => ({
      ticketId: '',
      kind,
      rule,
      calendarId: row.id,
      startedAt: at,
      dueAt: null,
      pauses: [],
      pausedSince: null,
      stoppedAt: null,
      breachedAt: null,
      warning: policy.warning,
      anchor: null,
      cycle: 1,
    }));
    const due = await deadlines({ clocks, calendar: async () => cal });
    return {
      settingsId: settings.id,
      calendarId: row.id,
      calendarVersion: cal.version,
      startedAt: at,
      officeId,
      clocks: clocks.map((c) => ({
        kind: c.kind,
        // The escalation ladder travels with the clock, as the warning does: a later catalogue change never reaches a ticket in flight.
        rule: JSON.stringify({
          ...c.rule,
          _warning: policy.warning,
          _escalation: policy.escalation ?? DEFAULT_ESCALATION,
        }),
        deadline: due.get(c.kind) ?? null,
      })),
    };
  }

  /** Adds the planned clocks to a filing's statement; the new ticket is its CTE `t`. */
  static insertPlanned(batch: WriteBatch, plan: ClockPlan): void {
    batch.with(
      'clocks',
      `INSERT INTO sla_clocks (ticket_id, kind, rule, calendar_id, calendar_version, started_at, office_id, due_at, warn_at, target_minutes, settings_id)
      SELECT t.id, k.kind, k.rule, $1, $2, $3, $4, k.due, k.warn, k.target, $5
        FROM t, unnest($6::text[], $7::jsonb[], $8::timestamptz[], $9::timestamptz[], $10::int[]) AS k(kind, rule, due, warn, target)`,
      [
        plan.calendarId,
        plan.calendarVersion,
        plan.startedAt,
        plan.officeId,
        plan.settingsId,
        plan.clocks.map((c) => c.kind),
        plan.clocks.map((c) => c.rule),
        plan.clocks.map((c) => c.deadline?.due ?? null),
        plan.clocks.map((c) => c.deadline?.warnAt ?? null),
        plan.clocks.map((c) => c.deadline?.targetMinutes ?? null),
      ],
    );
  }

  /**
   * Keeps the clocks in step with a ticket event (a status change or a visible message). With `batch`,
   * the last writes (stopped clocks, deadlines, the ticket's columns) become its parts, for the caller to send;
   * `read`: the clocks as the caller read them within its own statement, when `readsClocks` said so.
   */
  async afterEvent(db: Queryable, e: ClockEvent, batch?: WriteBatch, read?: ClockRead[]): Promise<void> {
    if (e.type === 'REOPEN') await startResolutionCycle(db, this.tickets, e.ticketId, e.at);
    const answers = answersSatker(e);
    if (!answers && !movesClocks(e)) return; // nothing a clock cares about (a claim, an escalation, an internal note)
    const work = await this.work(db, e.ticketId, read);
    if (work.clocks.length === 0) return;
    if (answers) {
      if (!work.clocks[0].anchor) work.ticket.firstResponseAt = e.at;
      for (const c of work.clocks) c.anchor ??= e.at;
      await this.stop(work, 'RESPONSE', e.at, 'ANSWERED');
    }
    // A clock stopped above is written before a pause or resume, which must not touch it.
    if (e.from !== e.to && [e.from, e.to].includes('MENUNGGU_PERBAIKAN')) await this.writeStops(work, e.ticketId);
    if (e.to === 'MENUNGGU_PERBAIKAN' && e.from !== e.to) {
      await db.query(
        `UPDATE sla_clocks SET paused_since = $2 WHERE ticket_id = $1 AND stopped_at IS NULL AND paused_since IS NULL`,
        [e.ticketId, e.at],
      );
      for (const c of work.clocks) if (!c.stoppedAt && !c.pausedSince) c.pausedSince = e.at;
    }
    if (e.from === 'MENUNGGU_PERBAIKAN' && e.to !== e.from) {
      await db.query(
        `UPDATE sla_clocks SET pauses = pauses || jsonb_build_array(jsonb_build_object('from', paused_since, 'to', $2::timestamptz)),
                paused_since = NULL
          WHERE ticket_id = $1 AND paused_since IS NOT NULL`,
        [e.ticketId, e.at],
      );
      for (const c of work.clocks) resume(c, e.at);
    }
    if (RESOLVED.has(e.to)) await this.stop(work, 'RESOLUTION', e.at, 'RESOLVED');
    if (e.to === 'DIBATALKAN' || e.to === 'DITUTUP') {
      for (const kind of ['RESPONSE', 'RESOLUTION'] as ClockKind[]) await this.stop(work, kind, e.at, 'CANCELLED');
    }
    await this.finish(work, e.ticketId, batch);
  }

  /** Recomputes due and warning instants of the ticket's running clocks and the ticket's queue deadline. */
  async recompute(db: Queryable, ticketId: string): Promise<void> {
    await this.finish(await this.work(db, ticketId), ticketId);
  }

  /** The ticket's clocks with their calendars' head rows, read in one statement; a calendar is loaded on first use. */
  private async work(db: Queryable, ticketId: string, read?: ClockRead[]): Promise<ClockWork> {
    const rows = read
      ? clocksFromJson(read)
      : await many<ClockRead>(db, `${clocksSql('$1')} ORDER BY kind DESC`, [ticketId]);
    const heads = new Map(rows.map((r) => [r.calendarId, r.calendarHead]));
    const loaded = new Map<string, Promise<LoadedCalendar>>();
    const calendar = (id: string) => {
      const head = heads.get(id);
      if (!loaded.has(id)) loaded.set(id, head ? this.calendars.fromHead(db, id, head) : this.calendars.load(db, id));
      return loaded.get(id)!;
    };
    const clocks = rows.map(({ calendarHead: _, ...c }) => c);
    return { db, clocks, ticket: {}, calendar, stops: [] };
  }

  /** The clocks stopped since the last write, in one statement. */
  private async writeStops(work: ClockWork, ticketId: string, batch?: WriteBatch): Promise<void> {
    if (work.stops.length === 0) return;
    const stops = work.stops.splice(0);
    await writeNowOrIn(
      work.db,
      batch,
      'clock_stops',
      `UPDATE sla_clocks c SET stopped_at = s.at, stop_reason = s.reason, used_minutes = s.used,
              pauses = CASE WHEN c.paused_since IS NULL THEN c.pauses ELSE c.pauses || jsonb_build_array(jsonb_build_object('from', c.paused_since, 'to', s.at)) END,
              paused_since = NULL
         FROM unnest($2::text[], $3::timestamptz[], $4::text[], $5::int[]) AS s(kind, at, reason, used)
        WHERE c.ticket_id = $1 AND c.kind = s.kind`,
      [
        ticketId,
        stops.map((x) => x.kind),
        stops.map((x) => x.at),
        stops.map((x) => x.reason),
        stops.map((x) => x.used),
      ],
    );
  }

  /** Writes the running clocks' deadlines, then the ticket's deadline and results in one write. */
  private async finish(work: ClockWork, ticketId: string, batch?: WriteBatch): Promise<void> {
    await this.writeStops(work, ticketId, batch);
    const due = await deadlines(work);
    for (const [kind, deadline] of due) {
      const cal = await work.calendar(work.clocks.find((c) => c.kind === kind)!.calendarId);
      await writeNowOrIn(
        work.db,
        batch,
        `clock_due_${kind.toLowerCase()}`,
        `UPDATE sla_clocks SET due_at = $3, warn_at = $4, target_minutes = $5, calendar_version = $6 WHERE ticket_id = $1 AND kind = $2`,
        [ticketId, kind, deadline?.due ?? null, deadline?.warnAt ?? null, deadline?.targetMinutes ?? null, cal.version],
      );
    }
    const results = { dueAt: due.get('RESOLUTION')?.due ?? null, ...work.ticket };
    await this.tickets.recordClocks(work.db, ticketId, results, batch);
  }

  private async stop(work: ClockWork, kind: ClockKind, at: Date, reason: 'ANSWERED' | 'RESOLVED' | 'CANCELLED') {
    const c = work.clocks.find((x) => x.kind === kind && !x.stoppedAt);
    if (!c) return;
    const cal = await work.calendar(c.calendarId);
    const used = usedMinutes(cal.spec, facts(c), at);
    const met = reason === 'CANCELLED' || !c.dueAt ? null : at <= c.dueAt;
    work.stops.push({ kind, at, reason, used });
    resume(c, at);
    c.stoppedAt = at;
    if (reason !== 'CANCELLED' && c.cycle > 1)
      // A reopened cycle is counted apart: the first cycle's result stays what reports show for it.
      await this.tickets.countReopenedCycle(work.db, c.ticketId, met);
    else if (reason !== 'CANCELLED')
      work.ticket[kind === 'RESPONSE' ? 'response' : 'resolution'] = { minutes: used, met };
    // Stopped late and the sweeper had not got to it yet: the breach is still recorded, at the due instant.
    if (met === false && !c.breachedAt)
      await recordBreach(
        work.db,
        this.tickets,
        { ticketId: c.ticketId, kind, dueAt: c.dueAt! },
        nextOpening(cal.spec, at),
      );
  }
}
