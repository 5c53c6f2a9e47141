import { Injectable } from '@nestjs/common';
import { zoneName } from '@loket/common';
import { many, type Queryable } from '@loket/db';
import type { SlaRule } from '@loket/workflow';
import { CalendarStore } from './calendar-store';
import { businessMinutesBetween } from './calendar';
import { usedMinutes } from './clock-math';
import { offsetAt, toMinute } from './zone';

/**
 * "2026-11-18 10:00 WITA": an instant on the office's wall clock in the API's machine-readable
 * explanation (GET /tickets/{id}/sla). What people read uses formatDateTime of @loket/common.
 */
export function localLabel(timeZone: string, at: Date): string {
  const t = toMinute(at);
  const shifted = new Date((t + offsetAt(timeZone, t)) * 60000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} ${zoneName(timeZone)}`;
}

const RULE_TEXT = (r: SlaRule): string =>
  r.kind === 'BUSINESS_MINUTES'
    ? `${r.minutes} menit kerja`
    : r.kind === 'WORKING_DAYS'
      ? `${r.days} hari kerja (${r.days} x 450 menit kerja)`
      : 'Batas waktu SC03-1: dijawab 08.00-12.00 selesai 16.00 hari itu; dijawab 12.00-16.00 selesai 12.00 hari kerja berikutnya';

interface Row {
  kind: string;
  cycle: number;
  rule: SlaRule & { _warning: unknown; _escalation?: unknown };
  calendarId: string;
  calendarVersion: number;
  startedAt: Date;
  targetMinutes: number | null;
  dueAt: Date | null;
  warnAt: Date | null;
  pauses: Array<{ from: string; to: string }>;
  pausedSince: Date | null;
  stoppedAt: Date | null;
  stopReason: string | null;
  usedMinutes: number | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  settings: { version: number; effectiveFrom: string; reason: string | null } | null;
}

/** GET .../sla: every clock with the rule, calendar version, pauses and minutes that make its deadline. */
@Injectable()
export class SlaExplainer {
  constructor(private readonly calendars: CalendarStore) {}

  async explain(db: Queryable, ticketId: string, now: Date = new Date()) {
    const columns = `kind, cycle, rule, calendar_id AS "calendarId", calendar_version AS "calendarVersion", started_at AS "startedAt",
              target_minutes AS "targetMinutes", due_at AS "dueAt", warn_at AS "warnAt", pauses, paused_since AS "pausedSince",
              stopped_at AS "stoppedAt", stop_reason AS "stopReason", used_minutes AS "usedMinutes",
              warned_at AS "warnedAt", breached_at AS "breachedAt"`;
    const live = await many<Row>(
      db,
      `SELECT ${columns},
              (SELECT json_build_object('version', v.version, 'effectiveFrom', v.effective_from::text, 'reason', v.reason)
                 FROM service_settings v WHERE v.id = sla_clocks.settings_id) AS settings
         FROM sla_clocks WHERE ticket_id = $1 ORDER BY kind DESC`,
      [ticketId],
    );
    // A reopened ticket's earlier resolution cycles, each as it ended, listed before the running one.
    const earlier = await many<Row>(
      db,
      `SELECT ${columns}, NULL AS settings FROM sla_clock_cycles WHERE ticket_id = $1 ORDER BY cycle`,
      [ticketId],
    );
    const settingsOf = live.find((c) => c.kind === 'RESOLUTION')?.settings ?? null;
    const rows = [
      ...live.filter((c) => c.kind !== 'RESOLUTION'),
      ...earlier.map((c) => ({ ...c, settings: settingsOf })),
      ...live.filter((c) => c.kind === 'RESOLUTION'),
    ];
    return Promise.all(
      rows.map(async (c) => {
        const cal = await this.calendars.load(db, c.calendarId);
        const { _warning: warning, _escalation: escalation, ...rule } = c.rule;
        const pauses = c.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) }));
        const until = c.stoppedAt ?? now;
        const used =
          c.usedMinutes ??
          usedMinutes(cal.spec, { rule, startedAt: c.startedAt, pauses, pausedSince: c.pausedSince }, until);
        const late = c.dueAt && until > c.dueAt ? businessMinutesBetween(cal.spec, c.dueAt, until) : 0;
        const state = c.pausedSince
          ? 'PAUSED'
          : c.stopReason === 'CANCELLED'
            ? 'CANCELLED'
            : c.breachedAt || late > 0 || (c.dueAt && until > c.dueAt)
              ? 'BREACHED'
              : c.stoppedAt
                ? 'MET'
                : 'RUNNING';
        return {
          clock: c.kind,
          // 1, then one more per reopening: each cycle of the resolution clock is explained on its own.
          cycle: c.cycle,
          rule: { ...rule, description: RULE_TEXT(rule as SlaRule) },
          warning,
          // The service's escalation ladder this clock follows (absent on clocks started before levels existed: the default).
          escalation: escalation ?? null,
          // The service settings version in force when the ticket was filed (later versions never apply to it).
          settings: c.settings && {
            ...c.settings,
            description: `Pengaturan layanan versi ${c.settings.version}${c.settings.version === 1 ? ' (katalog)' : ''}, berlaku mulai ${c.settings.effectiveFrom}`,
          },
          calendar: { code: cal.code, version: c.calendarVersion, timeZone: cal.spec.timeZone },
          startedAt: c.startedAt,
          startedAtLocal: localLabel(cal.spec.timeZone, c.startedAt),
          pauses: pauses.map((p) => ({ ...p, businessMinutes: businessMinutesBetween(cal.spec, p.from, p.to) })),
          pausedSince: c.pausedSince,
          targetMinutes: c.targetMinutes,
          usedMinutes: used,
          leftMinutes: c.targetMinutes === null ? null : Math.max(0, c.targetMinutes - used),
          dueAt: c.dueAt,
          dueAtLocal: c.dueAt ? localLabel(cal.spec.timeZone, c.dueAt) : null,
          warnAt: c.warnAt,
          warnedAt: c.warnedAt,
          stoppedAt: c.stoppedAt,
          state,
          breachedAt: c.breachedAt ?? (state === 'BREACHED' ? c.dueAt : null),
          breachedByMinutes: state === 'BREACHED' ? late : 0,
        };
      }),
    );
  }
}
