import type { EffectContext } from './definition';

/** How a registry records which ticket changed it, and who acted. */
export const ticketRef = (ctx: EffectContext) => ({
  id: ctx.ticket.id,
  satkerId: ctx.ticket.satkerId,
  actorId: ctx.actorId,
});
