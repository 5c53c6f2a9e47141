import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, type Queryable } from '@loket/db';
import type { ActorRole } from '@loket/workflow';
import { TicketRepository } from './ticket.repository';
import type { TicketRow } from './ticket.types';

type TicketOffices = Pick<TicketRow, 'officeId' | 'officeParentId'>;

/** The person an ASSIGN names: the agent roles they would hold, and whether their account is not yet active. */
export interface AssignmentTarget {
  personId: string;
  roles: ActorRole[];
  /** A CSO of the tier whose DIGIT identity is not activated: they could not sign in to work the ticket. */
  inactive: boolean;
}

export const inactiveAssignee = (assigneeId: string) => fail('ASSIGNEE_INACTIVE', { assigneeId });

/**
 * Who a ticket may be handed to. Only CSOs who can sign in (an activated DIGIT identity) count: a
 * ticket handed to someone who cannot open it would wait unseen.
 */
@Injectable()
export class TicketAssignment {
  constructor(
    private readonly db: DataSource,
    private readonly tickets: TicketRepository,
  ) {}

  /** The roles the machine's guard checks; none for an inactive CSO, who is named apart. */
  async target(db: Queryable, personId: string, ticket: TicketOffices): Promise<AssignmentTarget> {
    const rows = await many<{ officeId: string; active: boolean }>(
      db,
      `SELECT r.office_id AS "officeId", p.password_hash IS NOT NULL AS active
         FROM staff_roles r JOIN persons p ON p.id = r.person_id
        WHERE r.person_id = $1 AND r.role = 'CSO' AND r.office_id = ANY($2::uuid[])`,
      [personId, [ticket.officeId, ticket.officeParentId].filter((o) => o !== null)],
    );
    const active = rows.filter((r) => r.active);
    const roles: ActorRole[] = [];
    if (active.some((r) => r.officeId === ticket.officeId)) roles.push('AGENT');
    if (active.some((r) => r.officeId === ticket.officeParentId)) roles.push('ESCALATION_AGENT');
    return { personId, roles, inactive: rows.length > 0 && active.length === 0 };
  }

  /**
   * The active CSOs of the tier that works the ticket now (its KPPN; the Kanwil while it is
   * escalated), by name, without the one holding it.
   */
  async candidates(actor: Actor, ticketId: string): Promise<Array<{ id: string; name: string }>> {
    const ticket = await this.tickets.findVisible(this.db, ticketId, actor);
    if (!ticket) throw fail('TICKET_NOT_FOUND');
    const office = ticket.status === 'DIESKALASI' ? ticket.officeParentId : ticket.officeId;
    return many<{ id: string; name: string }>(
      this.db,
      `SELECT p.id, p.name FROM staff_roles r JOIN persons p ON p.id = r.person_id
        WHERE r.office_id = $1 AND r.role = 'CSO' AND p.password_hash IS NOT NULL
          AND p.id IS DISTINCT FROM $2::uuid
        ORDER BY p.name, p.id`,
      [office, ticket.assigneeId],
    );
  }
}
