import { Injectable } from '@nestjs/common';
import { many, one, type Queryable } from '@loket/db';
import type { SlaPolicy, SlaRule } from '@loket/workflow';

/** One version of a service's SLA settings; the calendar stays the catalogue's. */
export interface ServiceSettingsVersion {
  id: string;
  serviceCode: string;
  version: number;
  /** First date (on the queue office's clock) on which tickets are filed under this version. */
  effectiveFrom: string;
  response: SlaRule | null;
  resolution: SlaRule;
  warning: SlaPolicy['warning'];
  reason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

const COLUMNS = `id, service_code AS "serviceCode", version, effective_from::text AS "effectiveFrom", response, resolution,
  warning, reason, created_by AS "createdBy", created_at AS "createdAt"`;

/** The version of service `code` in force at `at` on office `office`'s date (SQL expressions, e.g. $1). */
export const inForceSql = (code: string, office: string, at: string) =>
  `SELECT ${COLUMNS} FROM service_settings
    WHERE service_code = ${code}
      AND effective_from <= (${at}::timestamptz AT TIME ZONE (SELECT time_zone FROM offices WHERE id = ${office}))::date
    ORDER BY effective_from DESC, version DESC LIMIT 1`;

/** Version 1 is the catalogue as it stood when the service was first used: it starts "forever ago". */
const CATALOGUE_START = '2000-01-01';

/**
 * The effective-dated SLA settings of each service. Filing reads the version in force on the queue
 * office's date and the clocks keep its id, so a later version never changes a ticket already filed.
 */
@Injectable()
export class ServiceSettingsStore {
  /** The version in force for a ticket filed at `at` in the office's queue (version 1 written on first use). */
  async inForce(
    db: Queryable,
    service: { code: string; sla: SlaPolicy },
    officeId: string,
    at: Date,
  ): Promise<ServiceSettingsVersion> {
    const find = () => one<ServiceSettingsVersion>(db, inForceSql('$1', '$2', '$3'), [service.code, officeId, at]);
    const found = await find();
    if (found) return found;
    await this.ensureCatalogueVersion(db, service);
    return (await find())!;
  }

  /** Every version of a service, newest first (version 1 written on first use). */
  async history(db: Queryable, service: { code: string; sla: SlaPolicy }): Promise<ServiceSettingsVersion[]> {
    await this.ensureCatalogueVersion(db, service);
    return many<ServiceSettingsVersion>(
      db,
      `SELECT ${COLUMNS} FROM service_settings WHERE service_code = $1 ORDER BY version DESC`,
      [service.code],
    );
  }

  /** Appends a version; concurrent changes of one service queue on the row lock of its version 1. */
  async append(
    db: Queryable,
    serviceCode: string,
    v: Pick<ServiceSettingsVersion, 'effectiveFrom' | 'response' | 'resolution' | 'warning' | 'reason'>,
    actorId: string,
  ): Promise<ServiceSettingsVersion> {
    await db.query(`SELECT 1 FROM service_settings WHERE service_code = $1 AND version = 1 FOR UPDATE`, [serviceCode]);
    return (await one<ServiceSettingsVersion>(
      db,
      `INSERT INTO service_settings (service_code, version, effective_from, response, resolution, warning, reason, created_by)
       SELECT $1, max(version) + 1, $2, $3, $4, $5, $6, $7 FROM service_settings WHERE service_code = $1
       RETURNING ${COLUMNS}`,
      [
        serviceCode,
        v.effectiveFrom,
        v.response === null ? null : JSON.stringify(v.response),
        JSON.stringify(v.resolution),
        JSON.stringify(v.warning),
        v.reason,
        actorId,
      ],
    ))!;
  }

  async ensureCatalogueVersion(db: Queryable, service: { code: string; sla: SlaPolicy }): Promise<void> {
    await db.query(
      `INSERT INTO service_settings (service_code, version, effective_from, response, resolution, warning)
       VALUES ($1, 1, $2, $3, $4, $5) ON CONFLICT (service_code, version) DO NOTHING`,
      [
        service.code,
        CATALOGUE_START,
        service.sla.response === null ? null : JSON.stringify(service.sla.response),
        JSON.stringify(service.sla.resolution),
        JSON.stringify(service.sla.warning),
      ],
    );
  }
}
