import { AccountsRegistry, type AccountForm } from '@loket/registry';
import type { EffectHandler } from '../definition';

export const effects: Record<string, EffectHandler> = {
  'accounts.apply': (ctx) =>
    ctx.use(AccountsRegistry).apply(ctx.db, ctx.ticket.id, ctx.ticket.form as unknown as AccountForm),
};
