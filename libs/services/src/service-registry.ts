import { Catalogue, COMMON_MACHINES, type CatalogueEntry, type TicketMachine } from '@loket/workflow';
import { byPosition, type EffectHandler, type FilingCheck, type ServiceDefinition } from './definition';
import type { ServiceNotices } from './notices';
import { TICKET_NOTICES } from './ticket-notices';

type Transition = { actions?: unknown } | undefined;

/** The effect names a machine's transitions carry (the `effect` action markers of the builders). */
function effectsNamed(machine: TicketMachine): string[] {
  const transitions = Object.values(machine.root.states).flatMap((state) =>
    Object.values(state.config.on ?? {}).flat(),
  ) as Transition[];
  const actions = transitions.flatMap((t) => [t?.actions ?? []].flat()) as Array<{ type?: string; params?: unknown }>;
  return actions.filter((a) => a?.type === 'effect').map((a) => (a.params as { name: string }).name);
}

/** The catalogue entry of a definition: its pure data, without handlers and machines. */
function entryOf(definition: ServiceDefinition): CatalogueEntry {
  const { position: _p, machines: _m, effects: _e, filing: _f, notices: _n, letters: _l, ...entry } = definition;
  return entry;
}

/**
 * The services the application runs, one definition per folder. The ticket layer asks it for a
 * service's effects, filing checks and notices, and never names a service itself. Built once at
 * start-up; a definition that contradicts itself (a machine naming an effect it has no handler
 * for, a machine id twice) stops the start.
 */
export class ServiceRegistry {
  readonly catalogue: Catalogue;
  private readonly definitions = new Map<string, ServiceDefinition>();

  constructor(definitions: ServiceDefinition[]) {
    const machines = new Map<string, TicketMachine>(COMMON_MACHINES.map((m) => [m.id, m]));
    const sorted = [...definitions].sort(byPosition);
    for (const definition of sorted) {
      if (this.definitions.has(definition.code)) throw new Error(`Service ${definition.code} is defined twice`);
      this.definitions.set(definition.code, definition);
      for (const machine of definition.machines ?? []) {
        if (machines.has(machine.id)) throw new Error(`Machine ${machine.id} is defined twice (${definition.code})`);
        machines.set(machine.id, machine);
        const missing = effectsNamed(machine).filter((name) => !definition.effects?.[name]);
        if (missing.length) throw new Error(`Service ${definition.code} has no handler for ${missing.join(', ')}`);
      }
    }
    this.catalogue = new Catalogue(
      sorted.map(entryOf),
      [...machines.values()].filter((m) => !COMMON_MACHINES.includes(m)),
    );
  }

  list(): ServiceDefinition[] {
    return [...this.definitions.values()];
  }

  definition(code: string): ServiceDefinition | undefined {
    return this.definitions.get(code);
  }

  effect(code: string, name: string): EffectHandler | undefined {
    return this.definitions.get(code)?.effects?.[name];
  }

  filingChecks(code: string): FilingCheck[] {
    return this.definitions.get(code)?.filing ?? [];
  }

  /** A service's notices; the common ones for a service that names none (or is no longer defined). */
  notices(code: string): ServiceNotices {
    return this.definitions.get(code)?.notices ?? TICKET_NOTICES;
  }
}
