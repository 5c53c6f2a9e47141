import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail, readCsv, type CsvProblem } from '@loket/common';
import { adminScopeOf } from '../admin-scope';
import { AuditLog } from '@loket/audit';
import { IMPORT_KINDS, type ApplyCounts, type ImportContext, type ImportKind, type Importer } from './import-types';
import { OfficeImport } from './office-import';
import { SatkerImport } from './satker-import';
import { StaffImport } from './staff-import';

export interface ImportRequest {
  kind: string;
  dryRun: boolean;
  fileName: string;
  bytes: Buffer;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  delimiter: ',' | ';';
  rows: number;
  /** Every bad row with its line and reason; a real run with any of them changed nothing (it is refused). */
  problems: CsvProblem[];
  created: number;
  updated: number;
  unchanged: number;
  /** created + updated: 0 when the same file is imported again. */
  changed: number;
}

/** Thrown inside a dry run's transaction so that everything it wrote rolls back. */
class DryRunDone extends Error {
  constructor(readonly counts: ApplyCounts) {
    super('dry run');
  }
}

/**
 * Bulk import of offices, satkers or staff from CSV. Every row is checked first (format, references,
 * the importer's admin scope); a dry run then writes inside a transaction it rolls back, so its counts
 * are exactly what the real run would do. The real run is one transaction: any bad row refuses it
 * whole. Upserts change only rows that differ, so importing the same file twice changes nothing.
 * Audit: one row per changed entity (written by the same set-based statement as the change) plus one
 * summary row per import that changed anything, naming the file by name and SHA-256; the entity rows
 * carry the same file in their reason, so either leads to the other.
 */
@Injectable()
export class ImportService {
  private readonly importers: Record<ImportKind, Importer<unknown>>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    offices: OfficeImport,
    satkers: SatkerImport,
    staff: StaffImport,
  ) {
    this.importers = { offices, satkers, staff } as Record<ImportKind, Importer<unknown>>;
  }

  async run(actor: Actor, req: ImportRequest): Promise<ImportReport> {
    const scope = adminScopeOf(actor);
    if (!(IMPORT_KINDS as readonly string[]).includes(req.kind)) {
      throw fail(
        'INVALID_IMPORT_KIND',
        { kinds: IMPORT_KINDS.join(', ') },
        {
          field: 'kind',
        },
      );
    }
    const kind = req.kind as ImportKind;
    const importer = this.importers[kind];
    const table = readCsv(req.bytes, importer.columns);
    if (!table.rows.length && !table.problems.length) throw fail('EMPTY_IMPORT');
    const sha256 = createHash('sha256').update(req.bytes).digest('hex');
    const ctx: ImportContext = {
      actor,
      scope,
      reason: `Impor CSV ${kind} "${req.fileName}" (sha256 ${sha256.slice(0, 12)})`,
    };
    const report = (problems: CsvProblem[], counts: ApplyCounts): ImportReport => ({
      kind,
      dryRun: req.dryRun,
      delimiter: table.delimiter,
      rows: table.rows.length + table.problems.length,
      problems: [...problems].sort((a, b) => a.line - b.line),
      ...counts,
      unchanged: table.rows.length + table.problems.length - problems.length - counts.created - counts.updated,
      changed: counts.created + counts.updated,
    });
    const problems = [...table.problems];
    try {
      const counts = await this.db.transaction(async (em) => {
        const plan = await importer.check(em, table.rows, ctx, problems);
        if (problems.length && !req.dryRun) {
          throw fail(
            'IMPORT_INVALID',
            { count: problems.length },
            report(problems, { created: 0, updated: 0 }).problems,
          );
        }
        const applied = await importer.apply(em, plan, ctx);
        if (req.dryRun) throw new DryRunDone(applied);
        if (applied.created + applied.updated > 0)
          await this.summary(em, actor, kind, req, sha256, report(problems, applied));
        return applied;
      });
      return report(problems, counts);
    } catch (err) {
      if (err instanceof DryRunDone) return report(problems, err.counts);
      throw err;
    }
  }

  private async summary(
    em: EntityManager,
    actor: Actor,
    kind: ImportKind,
    req: ImportRequest,
    sha256: string,
    r: ImportReport,
  ) {
    const office =
      actor.staff.find((s) => s.role === 'ADMIN' && s.officeKind === 'PUSAT') ??
      actor.staff.find((s) => s.role === 'ADMIN' && s.officeKind === 'KANWIL') ??
      actor.staff.find((s) => s.role === 'ADMIN');
    await this.audit.record(em, {
      actorId: actor.personId,
      officeId: office?.officeId ?? null,
      action: 'IMPORT_APPLIED',
      entityType: 'IMPORT',
      entityKey: `${kind}/${sha256.slice(0, 12)}`,
      after: {
        kind,
        fileName: req.fileName,
        sha256,
        rows: r.rows,
        created: r.created,
        updated: r.updated,
        unchanged: r.unchanged,
      },
    });
  }
}
