import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail, isRealDate } from '@loket/common';
import { ServiceSettingsStore, type ServiceSettingsVersion } from '@loket/sla';
import { Catalogue, type CatalogueEntry, type SlaPolicy, type SlaRule } from '@loket/workflow';
import { AuditLog } from '@loket/audit';
import { adminScopeOf } from './admin-scope';

/** A requested new version, as the API and the page hand it over (checked here, field by field). */
export interface SettingsChange {
  effectiveFrom: string;
  response: unknown;
  resolution: unknown;
  warning: unknown;
  reason: string;
}

type Problem = { field: string; problem: string };

const MAX_MINUTES = 60 * 450;
const MAX_DAYS = 60;
const invalidSettings = (problems: Problem[]) =>
  fail(
    'INVALID_SERVICE_SETTINGS',
    problems.map((p) => ({ field: p.field, problems: [p.problem] })),
  );

/** Today's date in WIB: Kantor Pusat's clock, and the earliest "today" of any Indonesian office. */
export const todayWib = (now = new Date()): string => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

const whole = (v: unknown, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;

/** Rebuilds a rule from known fields only, or says why it cannot. */
function ruleOf(field: string, raw: unknown, catalogue: SlaRule | null, problems: Problem[]): SlaRule | null {
  const r = (raw ?? {}) as Record<string, unknown>;
  if (r.kind === 'BUSINESS_MINUTES' && whole(r.minutes, MAX_MINUTES))
    return { kind: 'BUSINESS_MINUTES', minutes: r.minutes };
  if (r.kind === 'WORKING_DAYS' && whole(r.days, MAX_DAYS)) return { kind: 'WORKING_DAYS', days: r.days };
  // The SC03-1 cut-off is a rule of its own service windows: only a service that has it keeps it.
  if (r.kind === 'SC03_CUTOFF' && catalogue?.kind === 'SC03_CUTOFF') return { kind: 'SC03_CUTOFF' };
  problems.push({
    field,
    problem:
      `harus {kind: BUSINESS_MINUTES, minutes: 1-${MAX_MINUTES}} atau {kind: WORKING_DAYS, days: 1-${MAX_DAYS}}` +
      (catalogue?.kind === 'SC03_CUTOFF' ? ' atau {kind: SC03_CUTOFF}' : ''),
  });
  return null;
}

function warningOf(raw: unknown, problems: Problem[]): SlaPolicy['warning'] | null {
  const w = (raw ?? {}) as Record<string, unknown>;
  const keys = Object.keys(w);
  if (keys.length === 1 && whole(w.percent, 99)) return { percent: w.percent };
  if (keys.length === 1 && whole(w.minutesBefore, MAX_MINUTES)) return { minutesBefore: w.minutesBefore };
  problems.push({
    field: 'warning',
    problem: 'harus {percent: 1-99} atau {minutesBefore: menit kerja sebelum batas waktu}',
  });
  return null;
}

/**
 * Kantor Pusat admins schedule new versions of a service's SLA targets and warning threshold from a
 * date that has not passed; tickets keep the version in force on their filing date. Every admin may read.
 */
@Injectable()
export class ServiceSettingsAdmin {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
    private readonly store: ServiceSettingsStore,
    private readonly audit: AuditLog,
  ) {}

  /** Every service with an SLA: the version in force today (WIB) and the versions scheduled after it. */
  async list(actor: Actor) {
    adminScopeOf(actor);
    const today = todayWib();
    const out = [];
    for (const service of this.sla()) {
      const versions = await this.store.history(this.db, service);
      out.push(summary(service, versions, today));
    }
    return out;
  }

  async show(actor: Actor, code: string) {
    adminScopeOf(actor);
    const service = this.service(code);
    const versions = await this.store.history(this.db, service);
    return { ...summary(service, versions, todayWib()), versions: versions.map(view) };
  }

  async change(actor: Actor, code: string, c: SettingsChange) {
    const pusat = actor.staff.find((s) => s.role === 'ADMIN' && s.officeKind === 'PUSAT');
    if (!pusat) throw fail('NOT_A_NATIONAL_ADMIN');
    const service = this.service(code);
    const problems: Problem[] = [];
    const today = todayWib();
    if (!isRealDate(c.effectiveFrom)) problems.push({ field: 'effectiveFrom', problem: 'harus tanggal YYYY-MM-DD' });
    else if (c.effectiveFrom < today)
      problems.push({ field: 'effectiveFrom', problem: `tidak boleh sebelum hari ini (${today})` });
    // A service that sends the satker no reply has no response target, and one that does keeps it.
    const response =
      service.sla.response === null
        ? c.response === null || c.response === undefined
          ? null
          : (problems.push({ field: 'response', problem: 'layanan ini tidak memiliki target respons pertama' }), null)
        : ruleOf('response', c.response, service.sla.response, problems);
    const resolution = ruleOf('resolution', c.resolution, service.sla.resolution, problems);
    const warning = warningOf(c.warning, problems);
    const reason = typeof c.reason === 'string' ? c.reason.trim() : '';
    if (reason.length < 5 || reason.length > 500)
      problems.push({ field: 'reason', problem: 'alasan perubahan wajib diisi (5-500 karakter)' });
    if (problems.length) throw invalidSettings(problems);
    return this.db.transaction(async (em) => {
      const before = (await this.store.history(em, service))[0];
      const added = await this.store.append(
        em,
        service.code,
        { effectiveFrom: c.effectiveFrom, response, resolution: resolution!, warning: warning!, reason },
        actor.personId,
      );
      await this.audit.record(em, {
        actorId: actor.personId,
        officeId: pusat.officeId,
        action: 'SERVICE_SETTINGS_SCHEDULED',
        entityType: 'SERVICE_SETTING',
        entityKey: `${service.code} v${added.version}`,
        before: settingsOf(before),
        after: settingsOf(added),
        reason,
      });
      return view(added);
    });
  }

  private sla() {
    return this.catalogue.list().filter((s): s is CatalogueEntry & { sla: SlaPolicy } => !!s.sla);
  }

  private service(code: string) {
    const service = this.sla().find((s) => s.code === code);
    if (!service) throw fail('SERVICE_NOT_FOUND', { code });
    return service;
  }
}

const settingsOf = (v: ServiceSettingsVersion) => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  response: v.response,
  resolution: v.resolution,
  warning: v.warning,
});

const view = (v: ServiceSettingsVersion) => ({ ...settingsOf(v), reason: v.reason, createdAt: v.createdAt });

function summary(service: CatalogueEntry, versions: ServiceSettingsVersion[], today: string) {
  // Newest start first, then newest version: the first one that has started is in force.
  const ordered = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version);
  const current = ordered.find((v) => v.effectiveFrom <= today)!;
  return {
    code: service.code,
    title: service.title,
    inForce: view(current),
    scheduled: ordered
      .filter((v) => v.effectiveFrom > today)
      .reverse()
      .map(view),
  };
}
