import { Injectable } from '@nestjs/common';
import type { Queryable } from '@loket/db';
import {
  AccountsRegistry,
  DigipayRegistry,
  MembershipRequests,
  MyIntressRegistry,
  type AccountForm,
  type DigipayPerson,
  type ListedUser,
} from '@loket/registry';
import type { Effect } from '@loket/workflow';
import { TicketLettersService } from './ticket-letters.service';
import type { TicketRow } from './ticket.types';

export interface EffectContext {
  db: Queryable;
  ticket: TicketRow;
  actorId: string | null;
  /** The event's text payload (reason, reference...) as the client sent it. */
  event: { reason?: string; reference?: string };
}

const listedMemberships = (form: Record<string, unknown>) =>
  (form.pengguna as Array<{ membershipId: string }>).map((p) => p.membershipId);

type Handler = (ctx: EffectContext, params: Record<string, unknown> | undefined) => Promise<unknown>;

/**
 * Machines name their effects; this maps each name to the registry call that performs it inside the
 * ticket's transaction. What a handler returns is kept in the event's payload as the record of it.
 */
@Injectable()
export class TicketEffects {
  private readonly handlers: Record<string, Handler>;
  private readonly filingChecks: Record<
    string,
    (db: Queryable, satkerId: string, form: Record<string, unknown>) => Promise<unknown>
  >;

  constructor(
    myintress: MyIntressRegistry,
    requests: MembershipRequests,
    letters: TicketLettersService,
    accounts: AccountsRegistry,
    digipay: DigipayRegistry,
  ) {
    const ref = (ctx: EffectContext) => ({ id: ctx.ticket.id, satkerId: ctx.ticket.satkerId, actorId: ctx.actorId });
    const membershipId = (ctx: EffectContext) => ctx.ticket.form.membershipId as string;
    this.handlers = {
      'myintress.registerListedUsers': (ctx) =>
        myintress.registerListedUsers(ctx.db, ref(ctx), ctx.ticket.form.pengguna as ListedUser[]),
      'myintress.approvePending': (ctx) => requests.approve(ctx.db, ref(ctx), membershipId(ctx)),
      'myintress.rejectPending': (ctx) => requests.reject(ctx.db, ref(ctx), membershipId(ctx), ctx.event.reason ?? ''),
      'myintress.deleteListed': (ctx) =>
        requests.delete(
          ctx.db,
          ref(ctx),
          listedMemberships(ctx.ticket.form),
          ctx.event.reason ?? '',
          ctx.event.reference ?? '',
        ),
      'digipay.activateAdmin': (ctx) =>
        digipay.activateAdmin(ctx.db, ref(ctx), ctx.ticket.form as unknown as DigipayPerson),
      'accounts.apply': (ctx) => accounts.apply(ctx.db, ctx.ticket.id, ctx.ticket.form as unknown as AccountForm),
      'letters.deletionConfirmation': (ctx) =>
        letters.issueDeletionConfirmation(
          ctx.db,
          ctx.ticket,
          ctx.actorId,
          ctx.event.reason ?? '',
          ctx.event.reference ?? '',
        ),
    };
    this.filingChecks = {
      'myintress.checkDeletable': (db, satkerId, form) =>
        requests.assertDeletable(db, satkerId, listedMemberships(form)),
      'accounts.check': (db, _satkerId, form) => accounts.check(db, form as unknown as AccountForm),
    };
  }

  /** Runs a service's named filing checks inside the filing transaction. */
  async checkFiling(db: Queryable, names: string[], satkerId: string, form: Record<string, unknown>): Promise<void> {
    for (const name of names) {
      const check = this.filingChecks[name];
      if (!check) throw new Error(`No filing check ${name}`);
      await check(db, satkerId, form);
    }
  }

  has(type: string): boolean {
    return type in this.handlers;
  }

  async apply(ctx: EffectContext, effects: Effect[]): Promise<Record<string, unknown>> {
    const results: Record<string, unknown> = {};
    for (const effect of effects) {
      const handler = this.handlers[effect.type];
      if (!handler) throw new Error(`No handler for effect ${effect.type}`);
      results[effect.type] = await handler(ctx, effect.params);
    }
    return results;
  }
}
