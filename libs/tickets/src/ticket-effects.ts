import { Injectable } from '@nestjs/common';
import type { Queryable } from '@loket/db';
import { MyIntressRegistry, type ListedUser } from '@loket/registry';
import type { Effect } from '@loket/workflow';
import type { TicketRow } from './ticket.types';

export interface EffectContext {
  db: Queryable;
  ticket: TicketRow;
}

type Handler = (ctx: EffectContext, params: Record<string, unknown> | undefined) => Promise<unknown>;

/**
 * Machines name their effects; this maps each name to the registry call that performs it inside the
 * ticket's transaction. What a handler returns is kept in the event's payload as the record of it.
 */
@Injectable()
export class TicketEffects {
  private readonly handlers: Record<string, Handler>;

  constructor(myintress: MyIntressRegistry) {
    this.handlers = {
      'myintress.registerListedUsers': ({ db, ticket }) =>
        myintress.registerListedUsers(db, { id: ticket.id, satkerId: ticket.satkerId }, ticket.form.pengguna as ListedUser[]),
    };
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
