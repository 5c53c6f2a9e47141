import { MembershipRequests } from '@loket/registry';
import type { EffectHandler } from '../definition';
import { ticketRef } from '../ticket-ref';
import { issueDeletionConfirmation } from './confirmation-letter';
import { listedMemberships } from './listed';

export const effects: Record<string, EffectHandler> = {
  'myintress.deleteListed': (ctx) =>
    ctx
      .use(MembershipRequests)
      .delete(
        ctx.db,
        ticketRef(ctx),
        listedMemberships(ctx.ticket.form),
        ctx.event.reason ?? '',
        ctx.event.reference ?? '',
      ),
  'letters.deletionConfirmation': issueDeletionConfirmation,
};
