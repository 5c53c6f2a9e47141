import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WriteBatch } from '@loket/db';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import type { StoredUpload } from '@loket/files';
import { ServiceEffects } from '@loket/services';
import { readsClocks, SlaClocks } from '@loket/sla';
import { allowedEvents, applyEvent, Catalogue, EVENT_SPECS, eventRequirement, type ActorRole } from '@loket/workflow';
import { inactiveAssignee, TicketAssignment } from './assignment';
import { checkEventPayload, type EventCommand, type MessageCommand } from './event-command';
import { AttachmentIntake, GENERIC_KIND } from './attachment-intake';
import { reopenRefusal } from './reopen';
import { factsFor, SYSTEM_FACTS } from './scope';
import { TicketNotices } from './ticket-notices';
import { AgentNotices } from './workspace/agent-notices';
import { WorkspaceRepository } from './workspace/workspace.repository';
import { TicketRepository, type StoredFile } from './ticket.repository';
import type { TicketRow } from './ticket.types';

export type { EventCommand, MessageCommand } from './event-command';

const isAgent = (roles: ActorRole[]) => roles.includes('AGENT') || roles.includes('ESCALATION_AGENT');
const CLOSED_STATUSES = ['DIBATALKAN', 'DITUTUP'];

/**
 * The one path by which a ticket changes: lock the row, check version and scope, run the machine,
 * apply its effects, append the event and write the new snapshot, all in one transaction.
 */
@Injectable()
export class TicketWorkflowService {
  constructor(
    private readonly db: DataSource,
    private readonly catalogue: Catalogue,
    private readonly tickets: TicketRepository,
    private readonly effects: ServiceEffects,
    private readonly intake: AttachmentIntake,
    private readonly clocks: SlaClocks,
    private readonly notices: TicketNotices,
    private readonly workspace: WorkspaceRepository,
    private readonly agentNotices: AgentNotices,
    private readonly assignment: TicketAssignment,
  ) {}

  /** `actor` null is the system (the worker). `expectedVersion` null skips the check (system only). */
  async dispatch(
    ticketId: string,
    actor: Actor | null,
    cmd: EventCommand,
    expectedVersion: number | null,
    uploads: StoredUpload[] = [],
  ): Promise<TicketRow> {
    if (!EVENT_SPECS[cmd.type]) throw fail('UNKNOWN_EVENT', { event: cmd.type });
    const check = (ticket: TicketRow) => this.checkCommand(ticket, cmd, uploads);
    if (uploads.length === 0) {
      // Nothing on disk to inspect: the command is checked against the locked row, in one transaction.
      return this.db.transaction((em) => this.transitionWithin(em, ticketId, actor, cmd, expectedVersion, [], check));
    }
    // Files are inspected before any row is locked, so a slow upload check never holds a ticket.
    const preview = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!preview) throw fail('TICKET_NOT_FOUND');
    await check(preview);
    return this.withStoredFiles(uploads, (em, files) =>
      this.transitionWithin(em, ticketId, actor, cmd, expectedVersion, files),
    );
  }

  /** What the event needs (texts, files) for this ticket's service. */
  private async checkCommand(ticket: TicketRow, cmd: EventCommand, uploads: StoredUpload[]): Promise<void> {
    const requirement = eventRequirement(this.catalogue.service(ticket.serviceCode), cmd.type);
    checkEventPayload(cmd, requirement);
    if (uploads.length && requirement.attachments.length === 0) {
      throw fail('ATTACHMENTS_NOT_ALLOWED');
    }
    await this.intake.check(uploads, requirement.attachments, requirement.attachmentsRequired);
  }

  /**
   * The transition itself, in the caller's transaction: lock, version and scope, machine, effects,
   * message and files, event, snapshot. Other services use it to change a ticket as part of their
   * own transaction (e.g. a newer request superseding an older one).
   */
  async transitionWithin(
    em: EntityManager,
    ticketId: string,
    actor: Actor | null,
    cmd: EventCommand,
    expectedVersion: number | null,
    files: StoredFile[] = [],
    check?: (ticket: TicketRow) => Promise<void>,
  ): Promise<TicketRow> {
    // An event that may send a notice reads its addressee with the lock.
    const locked = this.notices.mayTell(cmd.type)
      ? await this.tickets.lockWithFiler(em, ticketId, actor)
      : await this.tickets.lockVisible(em, ticketId, actor);
    if (!locked) throw fail('TICKET_NOT_FOUND');
    const { filer, ...ticket } = { filer: undefined, ...locked };
    await check?.(ticket);
    if (expectedVersion !== null && ticket.version !== expectedVersion) {
      throw fail('STALE_VERSION', {
        expectedVersion,
        currentVersion: ticket.version,
      });
    }
    const machine = this.catalogue.machine(ticket.machineId, ticket.machineVersion);
    const facts = { ...(actor ? factsFor(actor, ticket) : SYSTEM_FACTS) };
    // The machine's guard decides whether the named colleague works this office (or its Kanwil).
    const target = cmd.assigneeId ? await this.assignment.target(em, cmd.assigneeId, ticket) : null;
    if (target) facts.target = target;
    // A reopened ticket goes back to its agent only while they still work the office.
    if (cmd.type === 'REOPEN' && ticket.assigneeId)
      facts.assigneeServes = (await this.tickets.staffRolesOn(em, ticket.assigneeId, ticket)).includes('AGENT');
    const outcome = applyEvent(machine, ticket.snapshot, { type: cmd.type, facts, payload: { ...cmd } });
    // Errors list the work events, as views do; assignment is offered apart (assignmentEvents).
    const work = (allowed: string[]) => allowed.filter((t) => !EVENT_SPECS[t].assignment);
    if (!outcome.ok && outcome.reason === 'NOT_IN_STATE' && cmd.type === 'REOPEN') {
      const refusal = reopenRefusal(ticket.status);
      if (refusal) throw refusal;
    }
    if (!outcome.ok && outcome.reason === 'NOT_IN_STATE') {
      throw fail(
        'INVALID_TRANSITION',
        { event: cmd.type, status: ticket.status },
        {
          status: ticket.status,
          allowedEvents: work(outcome.allowed),
        },
      );
    }
    // The actor may assign here: what is wrong is the person named.
    const targetRefused =
      !outcome.ok &&
      !!facts.target &&
      allowedEvents(machine, ticket.snapshot, { ...facts, target: undefined }).includes(cmd.type);
    if (targetRefused && target?.inactive) throw inactiveAssignee(target.personId);
    if (targetRefused) {
      throw fail('ASSIGNEE_NOT_ELIGIBLE', {
        assigneeId: cmd.assigneeId,
      });
    }
    if (!outcome.ok) {
      throw fail(
        'EVENT_NOT_PERMITTED',
        { event: cmd.type },
        {
          status: ticket.status,
          allowedEvents: work(outcome.allowed),
        },
      );
    }
    const results = await this.effects.apply(
      { db: em, ticket, actorId: actor?.personId ?? null, event: cmd },
      outcome.effects,
    );
    const text = cmd.message ?? cmd.reason ?? cmd.note;
    const actorId = actor?.personId ?? null;
    const message = text?.trim()
      ? {
          id: randomUUID(),
          ticketId,
          authorId: actorId,
          visibility: cmd.note ? ('INTERNAL' as const) : ('PUBLIC' as const),
          body: text.trim(),
          eventType: cmd.type,
        }
      : null;
    const byAgent = isAgent(facts.roles);
    const clockEvent = {
      ticketId,
      from: ticket.status,
      to: outcome.snapshot.value,
      type: cmd.type,
      byAgent,
      at: new Date(),
    };
    const { version, clocks } = await this.tickets.applyTransition(em, {
      event: {
        ticketId,
        type: cmd.type,
        from: ticket.status,
        actorId,
        payload: {
          messageId: message?.id ?? null,
          reference: cmd.reference ?? null,
          attachments: files.map((f) => f.kind),
          effects: results,
        },
      },
      snapshot: outcome.snapshot,
      message,
      // An agent's own step does not mark the ticket as changed in their queue.
      seenBy: actor && byAgent ? actor.personId : null,
      readClocks: readsClocks(clockEvent),
    });
    await this.tickets.insertAttachments(em, ticketId, message?.id ?? null, actorId, files);
    // The clocks' last writes and the notices travel together in one statement.
    const after = new WriteBatch();
    await this.clocks.afterEvent(em, clockEvent, after, clocks);
    await this.notices.afterEvent(em, ticket, { type: cmd.type, text: text?.trim(), byAgent }, filer, after);
    await after.flush(em);
    if (cmd.type === 'SUBMIT_CORRECTION')
      await this.agentNotices.satkerActed(em, ticket, outcome.snapshot.context.assigneeId, 'CORRECTION_SUBMITTED');
    // The row as the transition left it; a caller wanting deadlines and names reads the view afterwards.
    const { value: status, context } = outcome.snapshot;
    return {
      ...ticket,
      status,
      snapshot: outcome.snapshot,
      assigneeId: context.assigneeId,
      correctionRounds: context.correctionRounds,
      version,
    };
  }

  /** A reply or internal note. It does not change the status, so it does not move the version. */
  async postMessage(ticketId: string, actor: Actor, cmd: MessageCommand, uploads: StoredUpload[]): Promise<TicketRow> {
    const preview = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!preview) throw fail('TICKET_NOT_FOUND');
    const facts = factsFor(actor, preview);
    const isStaff = isAgent(facts.roles);
    if (!isStaff && !facts.roles.includes('SATKER')) {
      throw fail('MESSAGE_NOT_PERMITTED');
    }
    if (cmd.visibility === 'INTERNAL' && !isStaff) {
      throw fail('INTERNAL_NOTE_NOT_PERMITTED');
    }
    await this.intake.check(uploads, [GENERIC_KIND], false);
    return this.withStoredFiles(uploads, async (em, files) => {
      const ticket = await this.tickets.lockVisible(em, ticketId, actor);
      if (!ticket) throw fail('TICKET_NOT_FOUND');
      if (CLOSED_STATUSES.includes(ticket.status)) {
        throw fail('TICKET_CLOSED');
      }
      const messageId = await this.tickets.insertMessage(em, {
        ticketId,
        authorId: actor.personId,
        visibility: cmd.visibility,
        body: cmd.body.trim(),
        eventType: null,
      });
      await this.tickets.insertAttachments(em, ticketId, messageId, actor.personId, files);
      const type = cmd.visibility === 'INTERNAL' ? 'INTERNAL_NOTE' : 'MESSAGE';
      await this.tickets.insertEvent(em, {
        ticketId,
        type,
        from: ticket.status,
        to: ticket.status,
        actorId: actor.personId,
        payload: { messageId, attachments: files.map((f) => f.kind) },
      });
      await em.query(`UPDATE tickets SET updated_at = now() WHERE id = $1`, [ticketId]);
      if (cmd.visibility === 'PUBLIC') {
        await this.clocks.afterEvent(em, {
          ticketId,
          from: ticket.status,
          to: ticket.status,
          type,
          byAgent: isStaff,
          at: new Date(),
        });
        await this.notices.afterEvent(em, ticket, { type, text: cmd.body.trim(), byAgent: isStaff });
      }
      if (isStaff) await this.workspace.markSeen(em, actor.personId, ticketId);
      else if (cmd.visibility === 'PUBLIC')
        await this.agentNotices.satkerActed(em, ticket, ticket.assigneeId, 'SATKER_REPLIED');
      return ticket;
    });
  }

  /** Moves uploads into the store, runs the transaction, and takes the files out again if it fails. */
  private async withStoredFiles<T>(
    uploads: StoredUpload[],
    work: (em: EntityManager, files: StoredFile[]) => Promise<T>,
  ): Promise<T> {
    const files = await this.intake.adopt(uploads);
    try {
      return await this.db.transaction((em) => work(em, files));
    } catch (err) {
      await this.intake.discard(files);
      throw err;
    }
  }
}
