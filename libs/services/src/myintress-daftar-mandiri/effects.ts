import { MembershipRequests } from '@loket/registry';
import type { EffectContext, EffectHandler } from '../definition';
import { ticketRef } from '../ticket-ref';

const membershipId = (ctx: EffectContext) => ctx.ticket.form.membershipId as string;

export const effects: Record<string, EffectHandler> = {
  'myintress.approvePending': (ctx) => ctx.use(MembershipRequests).approve(ctx.db, ticketRef(ctx), membershipId(ctx)),
  'myintress.rejectPending': (ctx) =>
    ctx.use(MembershipRequests).reject(ctx.db, ticketRef(ctx), membershipId(ctx), ctx.event.reason ?? ''),
};
