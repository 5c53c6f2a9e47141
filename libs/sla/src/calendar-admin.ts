import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fail, isRealDate } from '@loket/common';
import { many, one, type Queryable } from '@loket/db';
import type { WeeklyWindows } from './calendar.types';
import { SlaClocks } from './sla-clocks.service';

export type CalendarChange =
  | {
      change: 'HOLIDAY_ADDED';
      calendarCode: string | null;
      date: string;
      name: string;
      kind: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | 'LOKAL';
    }
  | { change: 'HOLIDAY_REMOVED'; calendarCode: string | null; date: string }
  | { change: 'WEEKLY_CHANGED'; calendarCode: string; weekly: WeeklyWindows }
  | { change: 'OVERRIDE_ADDED'; calendarCode: string; name: string; from: string; to: string; weekly: WeeklyWindows }
  | { change: 'SUSPENSION_DECLARED'; calendarCode: string | null; startsAt: Date; endsAt: Date; reason: string }
  /** An office's own calendar (for its local holidays), starting as a copy of one it used until now. */
  | { change: 'CALENDAR_CREATED'; calendarCode: string; name: string; officeCode: string; copyOf: string };

const calendarNotFound = (code: string) => fail('CALENDAR_NOT_FOUND', { code });

function checkWeekly(weekly: WeeklyWindows): void {
  for (const [day, windows] of Object.entries(weekly)) {
    const valid =
      /^[1-7]$/.test(day) &&
      Array.isArray(windows) &&
      windows.every(
        (w, i) =>
          Array.isArray(w) &&
          w.length === 2 &&
          Number.isInteger(w[0]) &&
          Number.isInteger(w[1]) &&
          w[0] >= 0 &&
          w[1] <= 1440 &&
          w[0] < w[1] &&
          (i === 0 || windows[i - 1][1] <= w[0]),
      );
    if (!valid) throw fail('INVALID_WEEKLY_WINDOWS', { reason: 'DAY', day });
  }
}

function checkDates(c: CalendarChange): void {
  if ((c.change === 'HOLIDAY_ADDED' || c.change === 'HOLIDAY_REMOVED') && !isRealDate(c.date)) {
    throw fail('INVALID_CALENDAR_CHANGE', { reason: 'DATE', date: c.date });
  }
  if (c.change === 'OVERRIDE_ADDED' && (!isRealDate(c.from) || !isRealDate(c.to) || c.from > c.to)) {
    throw fail('INVALID_CALENDAR_CHANGE', { reason: 'RANGE' });
  }
  if (c.change === 'SUSPENSION_DECLARED' && !(c.endsAt > c.startsAt)) {
    throw fail('INVALID_CALENDAR_CHANGE', { reason: 'SUSPENSION' });
  }
}

/**
 * Calendar changes, each a new version of the calendars it touches (a national holiday or a
 * suspension for all: every calendar), logged with how many open clocks were recomputed.
 */
@Injectable()
export class CalendarAdmin {
  constructor(
    private readonly db: DataSource,
    private readonly clocks: SlaClocks,
  ) {}

  list() {
    return many(
      this.db,
      `SELECT code, name, time_zone AS "timeZone", weekly, version, updated_at AS "updatedAt" FROM calendars ORDER BY code`,
    );
  }

  async apply(change: CalendarChange, actorId: string) {
    return this.applyAll([change], actorId);
  }

  /**
   * Several changes in one transaction (e.g. an office's own calendar created and its first local
   * holiday added), with `within` run in the same transaction last (the caller's audit entry). The
   * result is the last change's.
   */
  async applyAll(changes: CalendarChange[], actorId: string, within?: (em: Queryable) => Promise<void>) {
    return this.db.transaction(async (em) => {
      let result: { calendars: Array<{ code: string; version: number }>; clocksRecomputed: number } | null = null;
      for (const change of changes) result = await this.applyIn(em, change, actorId);
      await within?.(em);
      return result!;
    });
  }

  private async applyIn(em: Queryable, change: CalendarChange, actorId: string) {
    const moved = change.change === 'CALENDAR_CREATED' ? await this.create(em, change) : null;
    const calendarId = change.calendarCode ? await this.idOf(em, change.calendarCode) : null;
    await this.write(em, change, calendarId);
    const touched = await many<{ id: string; code: string; version: number }>(
      em,
      `UPDATE calendars SET version = version + 1, updated_at = now() WHERE $1::uuid IS NULL OR id = $1 RETURNING id, code, version`,
      [calendarId],
    );
    const open = await many<{ ticketId: string }>(
      em,
      `SELECT DISTINCT ticket_id AS "ticketId" FROM sla_clocks
        WHERE stopped_at IS NULL AND (calendar_id = ANY($1::uuid[]) OR (office_id = $2 AND calendar_id = $3))`,
      [touched.map((c) => c.id), moved?.officeId ?? null, moved?.fromCalendarId ?? null],
    );
    // Same lock order as the transition path (ticket row, then its clocks), so the two cannot deadlock.
    await em.query(`SELECT id FROM tickets WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      open.map((o) => o.ticketId),
    ]);
    if (moved) {
      // Open clocks of that office move to its own calendar; the recompute below gives them new deadlines.
      await em.query(
        `UPDATE sla_clocks SET calendar_id = $2 WHERE office_id = $1 AND stopped_at IS NULL AND calendar_id = $3`,
        [moved.officeId, calendarId, moved.fromCalendarId],
      );
    }
    for (const { ticketId } of open) await this.clocks.recompute(em, ticketId);
    await em.query(
      `INSERT INTO calendar_changes (calendar_id, change, detail, actor_id, clocks_recomputed) VALUES ($1, $2, $3, $4, $5)`,
      [calendarId, change.change, JSON.stringify(change), actorId, open.length],
    );
    return { calendars: touched.map(({ code, version }) => ({ code, version })), clocksRecomputed: open.length };
  }

  private async create(em: Queryable, c: Extract<CalendarChange, { change: 'CALENDAR_CREATED' }>) {
    const source = await this.idOf(em, c.copyOf);
    const created = await one<{ id: string }>(
      em,
      `INSERT INTO calendars (code, name, time_zone, weekly) SELECT $1, $2, time_zone, weekly FROM calendars WHERE id = $3
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [c.calendarCode, c.name, source],
    );
    if (!created) throw fail('CALENDAR_EXISTS', { code: c.calendarCode });
    await em.query(
      `INSERT INTO calendar_overrides (calendar_id, name, date_from, date_to, weekly)
      SELECT $1, name, date_from, date_to, weekly FROM calendar_overrides WHERE calendar_id = $2`,
      [created.id, source],
    );
    const office = await one<{ id: string }>(em, `UPDATE offices SET calendar_id = $2 WHERE code = $1 RETURNING id`, [
      c.officeCode,
      created.id,
    ]);
    if (!office) throw fail('OFFICE_NOT_FOUND', { code: c.officeCode });
    return { officeId: office.id, fromCalendarId: source };
  }

  private async idOf(db: Queryable, code: string): Promise<string> {
    const row = await one<{ id: string }>(db, `SELECT id FROM calendars WHERE code = $1`, [code]);
    if (!row) throw calendarNotFound(code);
    return row.id;
  }

  private async write(em: Queryable, c: CalendarChange, calendarId: string | null): Promise<void> {
    checkDates(c);
    switch (c.change) {
      case 'HOLIDAY_ADDED':
        if ((c.kind === 'LOKAL') !== (calendarId !== null)) {
          throw fail('INVALID_HOLIDAY');
        }
        await em.query(
          `INSERT INTO holidays (date, name, kind, calendar_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [c.date, c.name, c.kind, calendarId],
        );
        return;
      case 'HOLIDAY_REMOVED':
        await em.query(`DELETE FROM holidays WHERE date = $1 AND calendar_id IS NOT DISTINCT FROM $2`, [
          c.date,
          calendarId,
        ]);
        return;
      case 'WEEKLY_CHANGED':
        checkWeekly(c.weekly);
        await em.query(`UPDATE calendars SET weekly = $2 WHERE id = $1`, [calendarId, JSON.stringify(c.weekly)]);
        return;
      case 'OVERRIDE_ADDED':
        checkWeekly(c.weekly);
        await em.query(
          `INSERT INTO calendar_overrides (calendar_id, name, date_from, date_to, weekly) VALUES ($1, $2, $3, $4, $5)`,
          [calendarId, c.name, c.from, c.to, JSON.stringify(c.weekly)],
        );
        return;
      case 'CALENDAR_CREATED':
        return;
      case 'SUSPENSION_DECLARED':
        await em.query(
          `INSERT INTO calendar_suspensions (calendar_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4)`,
          [calendarId, c.startsAt, c.endsAt, c.reason],
        );
    }
  }
}
