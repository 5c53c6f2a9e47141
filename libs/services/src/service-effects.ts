import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queryable } from '@loket/db';
import type { Effect } from '@loket/workflow';
import type { EffectContext, Use } from './definition';
import { ServiceRegistry } from './service-registry';

/**
 * Runs what a service's folder defines, inside the caller's transaction: the effects its machine
 * names on a transition and its filing checks. Handlers reach the providers they need through
 * `use`, so a new service needs no change here.
 */
@Injectable()
export class ServiceEffects {
  private readonly use: Use;

  constructor(
    private readonly services: ServiceRegistry,
    moduleRef: ModuleRef,
  ) {
    this.use = (provider) => moduleRef.get(provider, { strict: false });
  }

  /** Runs a service's filing checks inside the filing transaction. */
  async checkFiling(
    db: Queryable,
    serviceCode: string,
    satkerId: string,
    form: Record<string, unknown>,
  ): Promise<void> {
    for (const check of this.services.filingChecks(serviceCode)) await check({ db, satkerId, form, use: this.use });
  }

  /** Applies the effects of a transition; what each returns is kept in the event's payload. */
  async apply(ctx: Omit<EffectContext, 'use'>, effects: Effect[]): Promise<Record<string, unknown>> {
    const results: Record<string, unknown> = {};
    for (const effect of effects) {
      const handler = this.services.effect(ctx.ticket.serviceCode, effect.type);
      if (!handler) throw new Error(`No handler for effect ${effect.type} of ${ctx.ticket.serviceCode}`);
      results[effect.type] = await handler({ ...ctx, use: this.use });
    }
    return results;
  }
}
