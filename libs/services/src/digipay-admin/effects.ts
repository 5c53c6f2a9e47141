import { DigipayRegistry, type DigipayPerson } from '@loket/registry';
import type { EffectHandler } from '../definition';
import { ticketRef } from '../ticket-ref';

export const effects: Record<string, EffectHandler> = {
  'digipay.activateAdmin': (ctx) =>
    ctx.use(DigipayRegistry).activateAdmin(ctx.db, ticketRef(ctx), ctx.ticket.form as unknown as DigipayPerson),
};
