import { Catalogue } from '@loket/workflow';
import type { EffectHandler } from '@loket/services';

export const effects: Record<string, EffectHandler> = {
  // Reaches a provider of the application through `use`, and leaves its record in the event.
  'uji.catat': async (ctx) => ({
    jenis: ctx.ticket.form.jenis,
    layanan: ctx.use(Catalogue).service(ctx.ticket.serviceCode)?.title,
  }),
};
