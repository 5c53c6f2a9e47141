import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '@loket/auth';
import { APP_CONFIG, fail, type AppConfig } from '@loket/common';
import { many } from '@loket/db';
import type { StoredUpload } from '@loket/files';
import {
  DigitIdentities,
  Dukcapil,
  maskNik,
  MembershipRequests,
  nameScore,
  type PendingDetails,
} from '@loket/registry';
import { SELF_REGISTRATION } from '@loket/services';
import { Catalogue, validateForm, type CatalogueEntry, type FormSchema } from '@loket/workflow';
import { AttachmentIntake } from '../attachment-intake';
import { TicketFilingService } from '../ticket-filing.service';
import { TicketWorkflowService } from '../ticket-workflow.service';
import { actingSatker, type SatkerRef } from './satker-access';

export interface SelfRegistration {
  nik: string;
  nama: string;
  nip?: string;
  telepon: string;
  email: string;
  nomorSk: string;
}

const TIPE_PENGGUNA = 'Satker';

/** What the satker types in Tambah Pengguna: the approval ticket's own fields, less the system's. */
const inputSchema = (service: CatalogueEntry): FormSchema => {
  const { jenis: _jenis, membershipId: _membershipId, ...typed } = service.form;
  return typed;
};

/**
 * Tambah Pengguna: a satker user registers someone for their own satker. The person is checked with
 * Dukcapil, gets a DIGIT identity if they have none, and a pending membership (1) whose approval
 * ticket lands in the KPPN queue, all in one transaction.
 */
@Injectable()
export class SelfRegistrationService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogue: Catalogue,
    private readonly dukcapil: Dukcapil,
    private readonly digit: DigitIdentities,
    private readonly requests: MembershipRequests,
    private readonly intake: AttachmentIntake,
    private readonly filing: TicketFilingService,
    private readonly workflow: TicketWorkflowService,
  ) {}

  async register(actor: Actor, satkerCode: string, input: SelfRegistration, uploads: StoredUpload[]) {
    const satker = actingSatker(actor, satkerCode);
    const service = this.catalogue.service(SELF_REGISTRATION)!;
    const problems = validateForm(inputSchema(service), input);
    if (problems.length) throw fail('VALIDATION_FAILED', problems);
    await this.checkDukcapil(input);
    await this.intake.check(uploads, service.attachments, true);
    const files = await this.intake.adopt(uploads);
    try {
      return await this.db.transaction(async (em) => {
        if (!(await this.requests.satkerHasActiveMember(em, satker.satkerId))) {
          throw fail('SATKER_HAS_NO_ACTIVE_USER');
        }
        const existing = await this.digit.findByNik(em, input.nik);
        const person =
          existing ??
          (await this.digit.create(
            em,
            {
              nik: input.nik,
              name: input.nama,
              email: input.email,
              nip: input.nip?.trim() || null,
              phone: input.telepon,
            },
            null,
          ));
        if (!person) throw fail('IDENTITY_BUSY');
        if (existing) await this.digit.renewActivation(em, existing, null);
        const details: PendingDetails = {
          peran: TIPE_PENGGUNA,
          telepon: input.telepon,
          email: existing?.email ?? input.email,
          nip: existing ? existing.nip : input.nip?.trim() || null,
          nomorSk: input.nomorSk,
        };
        const { membershipId, jenis } = await this.placeRequest(em, actor, satker, person.id, input.nik, details);
        const form = {
          jenis,
          membershipId,
          nik: input.nik,
          nama: existing?.name ?? input.nama,
          nip: details.nip ?? '',
          telepon: input.telepon,
          email: details.email,
          nomorSk: input.nomorSk,
        };
        const ticketId = (await this.filing.createTicket(em, service, satker, form, actor.personId, files))!.id;
        return { membershipId, ticketId, jenis, status: jenis === 'REAKTIVASI' ? 3 : 1 };
      });
    } catch (err) {
      await this.intake.discard(files);
      throw err;
    }
  }

  private async checkDukcapil(input: SelfRegistration): Promise<void> {
    const resident = await this.dukcapil.lookup(this.db, input.nik);
    if (!resident) {
      throw fail('DUKCAPIL_NIK_NOT_FOUND', {
        nik: maskNik(input.nik),
      });
    }
    const threshold = this.config.dukcapilNameThreshold;
    const score = nameScore(resident.fullName, input.nama);
    if (score < threshold) {
      throw fail('DUKCAPIL_NAME_MISMATCH', { score, threshold }, { score, threshold });
    }
  }

  /**
   * The re-entry rules: active (2) is refused; pending (1) is replaced, latest SK wins and the older
   * approval ticket is closed as superseded; dormant (3) asks for reactivation, likewise replacing an
   * open request; otherwise (none, 0 or 5) a new pending row stands beside the old ones.
   * Locks follow the approval path's order (the approval ticket, then the membership).
   */
  private async placeRequest(
    em: EntityManager,
    actor: Actor,
    satker: SatkerRef,
    personId: string,
    nik: string,
    details: PendingDetails,
  ) {
    const open = await many<{ id: string; membershipId: string }>(
      em,
      `SELECT id, form->>'membershipId' AS "membershipId" FROM tickets
        WHERE satker_id = $1 AND service_code = $2 AND status = 'BARU' AND form->>'nik' = $3 ORDER BY id FOR UPDATE`,
      [satker.satkerId, SELF_REGISTRATION, nik],
    );
    const live = await this.requests.liveMembership(em, personId, satker.satkerId);
    if (live?.status === 2) {
      throw fail(
        'MEMBERSHIP_ALREADY_ACTIVE',
        { nama: live.nama },
        {
          membershipId: live.id,
        },
      );
    }
    if (!live) {
      return {
        membershipId: await this.requests.createPending(em, personId, satker.satkerId, details, actor.personId),
        jenis: 'PENDAFTARAN',
      };
    }
    await this.requests.replaceRequest(em, live, details, actor.personId);
    for (const ticket of open.filter((t) => t.membershipId === live.id)) {
      await this.workflow.transitionWithin(em, ticket.id, null, { type: 'SUPERSEDE' }, null);
    }
    return { membershipId: live.id, jenis: live.status === 3 ? 'REAKTIVASI' : 'PENDAFTARAN' };
  }
}
