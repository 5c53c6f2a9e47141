import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { DomainError, fail } from '@loket/common';
import { TicketRepository } from '../ticket.repository';
import { TicketWorkflowService, type EventCommand } from '../ticket-workflow.service';

export const BULK_ACTIONS = ['CLAIM', 'ASSIGN', 'UNASSIGN'] as const;

export interface BulkCommand {
  action: string;
  tickets: Array<{ id: string; version: number }>;
  assigneeId?: string;
  note?: string;
}

export interface BulkResult {
  id: string;
  number: string | null;
  ok: boolean;
  status: string | null;
  version: number | null;
  error: { code: string; message: string } | null;
}

/**
 * One action on many selected tickets. Each ticket goes through the one transition path in its own
 * transaction, so a refused ticket (taken meanwhile, stale, out of scope) changes nothing and does
 * not hold back the others; the answer says, per ticket, what happened.
 */
@Injectable()
export class BulkActionsService {
  constructor(
    private readonly db: DataSource,
    private readonly workflow: TicketWorkflowService,
    private readonly tickets: TicketRepository,
  ) {}

  async run(actor: Actor, cmd: BulkCommand) {
    if (cmd.action === 'ASSIGN' && !cmd.assigneeId) {
      throw fail('VALIDATION_FAILED', [{ field: 'assigneeId', problems: ['Petugas yang ditugaskan wajib dipilih.'] }]);
    }
    if (cmd.action !== 'ASSIGN' && cmd.assigneeId) {
      throw fail('VALIDATION_FAILED', [
        { field: 'assigneeId', problems: [`Kolom 'assigneeId' tidak berlaku untuk aksi ${cmd.action}.`] },
      ]);
    }
    const event: EventCommand = {
      type: cmd.action,
      ...(cmd.assigneeId ? { assigneeId: cmd.assigneeId } : {}),
      ...(cmd.note?.trim() ? { note: cmd.note } : {}),
    };
    const unique = [...new Map(cmd.tickets.map((t) => [t.id, t])).values()];
    const results: BulkResult[] = [];
    // One after another: each is short, and parallel transitions of one agent would only contend.
    for (const ref of unique) results.push(await this.one(actor, ref, event));
    return {
      action: cmd.action,
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
      results,
    };
  }

  private async one(actor: Actor, ref: { id: string; version: number }, event: EventCommand): Promise<BulkResult> {
    try {
      const row = await this.workflow.dispatch(ref.id, actor, event, ref.version);
      return { id: ref.id, number: row.number, ok: true, status: row.status, version: row.version, error: null };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const seen = await this.tickets.findVisible(this.db, ref.id, actor);
      return {
        id: ref.id,
        number: seen?.number ?? null,
        ok: false,
        status: seen?.status ?? null,
        version: seen?.version ?? null,
        error: { code: err.code, message: err.message },
      };
    }
  }
}
