import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor, SatkerMembership } from '@loket/auth';
import { fail, type DomainError } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import type { StoredUpload } from '@loket/files';
import { ServiceEffects } from '@loket/services';
import { SlaClocks } from '@loket/sla';
import {
  Catalogue,
  startSnapshot,
  subjectFor,
  validateForm,
  type CatalogueEntry,
  type FormProblem,
} from '@loket/workflow';
import { AttachmentIntake } from './attachment-intake';
import { TicketNotices } from './ticket-notices';
import { TicketRepository, type FiledTicket, type StoredFile } from './ticket.repository';
import type { TicketRow } from './ticket.types';

export interface FileCommand {
  serviceCode: string;
  form: unknown;
  /** Kode satker chosen by a person who acts for several (header X-Satker); never trusted blindly. */
  satkerCode: string | null;
  idempotencyKey: string | null;
}

export interface FileResult {
  ticket: TicketRow;
  replayed: boolean;
}

const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,100}$/;
const keyReused = () => fail('IDEMPOTENCY_KEY_REUSED');

class DuplicateKey extends Error {}

/** A refused file as the problems of a form: one entry per attachment kind, with the refusal's code. */
const fileProblems =
  (service: CatalogueEntry) =>
  (err: DomainError): FormProblem[] => {
    const details = (err.details ?? {}) as { field?: string; missing?: string[]; unknown?: string[] };
    const label = (kind: string) => service.attachments.find((a) => a.kind === kind)?.label ?? kind;
    if (details.missing)
      return details.missing.map((kind) => ({
        field: kind,
        code: err.code,
        message: `${label(kind)}: lampiran ini wajib diunggah.`,
      }));
    if (details.unknown)
      return details.unknown.map((kind) => ({
        field: kind,
        code: err.code,
        message: `Jenis lampiran tidak dikenal: ${kind}.`,
      }));
    return [{ field: details.field ?? 'lampiran', code: err.code, message: err.message }];
  };

/**
 * The satker a person acts for: the one named (kode satker), which must be one of their active
 * memberships, or their only one. A dormant membership is refused with its own message.
 */
export function resolveSatker(actor: Actor, code: string | null): SatkerMembership {
  if (code !== null && actor.dormantSatkerCodes.includes(code)) {
    throw fail('MEMBERSHIP_DORMANT', { satkers: code });
  }
  if (actor.satkers.length === 0) {
    throw fail('NOT_A_SATKER_USER');
  }
  if (code === null) {
    if (actor.satkers.length > 1) {
      throw fail('SATKER_REQUIRED', {
        satkers: actor.satkers.map((s) => s.satkerCode),
      });
    }
    return actor.satkers[0];
  }
  const chosen = actor.satkers.find((s) => s.satkerCode === code);
  if (!chosen) throw fail('SATKER_NOT_ALLOWED', { satkerCode: code });
  return chosen;
}

/** Filing: validates form and files, then writes ticket, first event and files in one transaction. */
@Injectable()
export class TicketFilingService {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
    private readonly tickets: TicketRepository,
    private readonly intake: AttachmentIntake,
    private readonly effects: ServiceEffects,
    private readonly clocks: SlaClocks,
    private readonly notices: TicketNotices,
  ) {}

  async file(actor: Actor, cmd: FileCommand, uploads: StoredUpload[]): Promise<FileResult> {
    const service = this.catalogue.service(cmd.serviceCode);
    if (!service) throw fail('UNKNOWN_SERVICE', { unknown: [cmd.serviceCode] });
    if (cmd.idempotencyKey !== null && !KEY_FORMAT.test(cmd.idempotencyKey)) {
      throw fail('INVALID_IDEMPOTENCY_KEY');
    }
    if (service.filedBy.length === 0) {
      throw fail('SERVICE_NOT_FILEABLE', { title: service.title });
    }
    const satker = resolveSatker(actor, cmd.satkerCode);
    await this.checkFormAndFiles(service, cmd.form, uploads);

    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          service.code,
          satker.satkerId,
          cmd.form,
          uploads.map((u) => [u.fieldname, u.sha256, u.size]).sort(),
        ]),
      )
      .digest('hex');
    const files = await this.intake.adopt(uploads);
    try {
      // The key is claimed in the filing's own statement: a key seen before writes nothing, and its
      // earlier answer is replayed below (a second request racing the first waits for its commit).
      const claim = cmd.idempotencyKey ? { personId: actor.personId, key: cmd.idempotencyKey, requestHash } : null;
      const ticket = await this.db.transaction((em) =>
        this.createTicket(em, service, satker, cmd.form as Record<string, unknown>, actor.personId, files, claim),
      );
      if (!ticket) throw new DuplicateKey();
      return { ticket, replayed: false };
    } catch (err) {
      await this.intake.discard(files);
      if (cmd.idempotencyKey) {
        // A key already answered replays that answer, even where this attempt failed a filing check
        // that the earlier filing itself made untrue (a deletion already requested).
        const earlier = await this.replay(this.db, actor, cmd.idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      if (err instanceof DuplicateKey) throw fail('IDEMPOTENCY_IN_PROGRESS');
      throw err;
    }
  }

  /**
   * Every problem of the form and of the files in one answer, so the satker fixes all in one go:
   * several problems (or any in the form) are VALIDATION_FAILED listing each (files by attachment
   * kind, with their own code); a single file problem keeps its own code and status.
   */
  private async checkFormAndFiles(service: CatalogueEntry, form: unknown, uploads: StoredUpload[]): Promise<void> {
    const problems = validateForm(service.form, form);
    const fileErrors = await this.intake.problems(uploads, service.attachments, true);
    if (problems.length === 0 && fileErrors.length === 1) throw fileErrors[0];
    if (problems.length || fileErrors.length) {
      throw fail('VALIDATION_FAILED', [...problems, ...fileErrors.flatMap(fileProblems(service))]);
    }
  }

  /**
   * Writes a new ticket with its first event, files, clocks and notices in the caller's transaction,
   * after the service's filing checks: two reads (number and filer; SLA settings and calendar) and one
   * write. Null when `claim` names a key an earlier request holds. Also used where the system files on
   * a person's behalf.
   */
  async createTicket(
    em: Queryable,
    service: CatalogueEntry,
    satker: SatkerMembership,
    form: Record<string, unknown>,
    filedBy: string,
    files: StoredFile[],
    claim: FiledTicket['claim'] = null,
  ): Promise<TicketRow | null> {
    await this.effects.checkFiling(em, service.code, satker.satkerId, form);
    const machine = this.catalogue.machine(service.machine.id, service.machine.version);
    const { snapshot } = startSnapshot(machine);
    const officeId = await this.queueOffice(em, service, satker);
    const { number, filer } = await this.tickets.filingFacts(em, { officeId, satkerId: satker.satkerId, filedBy });
    const plan = await this.clocks.plan(em, service, officeId, new Date());
    const id = randomUUID();
    const subject = subjectFor(service, { name: satker.satkerName, code: satker.satkerCode });
    const notices = this.notices.tells(service.code, 'FILED')
      ? await this.notices.compose(
          em,
          { id, number, subject, serviceCode: service.code, form },
          { type: 'FILED', byAgent: false },
          filer,
        )
      : [];
    const resolution = plan?.clocks.find((c) => c.kind === 'RESOLUTION')?.deadline ?? null;
    const ticket = await this.tickets.insertFiled(
      em,
      {
        id,
        number,
        officeId,
        satkerId: satker.satkerId,
        serviceCode: service.code,
        machineId: service.machine.id,
        machineVersion: service.machine.version,
        snapshot,
        subject,
        form,
        filedBy,
        dueAt: resolution?.due ?? null,
        files,
        claim,
        eventPayload: { attachments: files.map((f) => f.kind) },
        notices,
      },
      (batch) => plan && SlaClocks.insertPlanned(batch, plan),
    );
    // The clocks are written by the same statement, so its own reading of the warning comes from the plan.
    return ticket && { ...ticket, warnAt: resolution?.warnAt ?? null };
  }

  /** The office whose queue the ticket lands in. */
  private async queueOffice(db: Queryable, service: CatalogueEntry, satker: SatkerMembership): Promise<string> {
    if (service.queue === 'SATKER_KPPN') return satker.kppnId;
    const row = await one<{ id: string }>(
      db,
      `SELECT id FROM offices WHERE kind = 'PUSINTEK' ORDER BY created_at LIMIT 1`,
    );
    if (!row) throw fail('QUEUE_UNAVAILABLE');
    return row.id;
  }

  /** The ticket an earlier request with this key created, or a 422 if the key came with another body. */
  private async replay(db: Queryable, actor: Actor, key: string, requestHash: string): Promise<FileResult | null> {
    const row = await one<{ request_hash: string; ticket_id: string | null }>(
      db,
      `SELECT request_hash, ticket_id FROM idempotency_keys WHERE person_id = $1 AND key = $2`,
      [actor.personId, key],
    );
    if (!row) return null;
    if (row.request_hash !== requestHash) throw keyReused();
    if (!row.ticket_id) return null;
    const ticket = await this.tickets.findVisible(db, row.ticket_id, actor);
    return ticket ? { ticket, replayed: true } : null;
  }
}
