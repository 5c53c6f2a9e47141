import { MyIntressRegistry, type ListedUser } from '@loket/registry';
import type { EffectHandler } from '../definition';
import { ticketRef } from '../ticket-ref';

export const effects: Record<string, EffectHandler> = {
  'myintress.registerListedUsers': (ctx) =>
    ctx.use(MyIntressRegistry).registerListedUsers(ctx.db, ticketRef(ctx), ctx.ticket.form.pengguna as ListedUser[]),
};
