import type { Type } from '@nestjs/common';
import type { Queryable } from '@loket/db';
import type { CatalogueEntry, TicketMachine } from '@loket/workflow';
import type { ServiceNotices } from './notices';

/** The ticket as a service's effects and notices see it (the ticket layer's row has all of it). */
export interface ServiceTicket {
  id: string;
  number: string;
  subject: string;
  serviceCode: string;
  officeId: string;
  satkerId: string;
  form: Record<string, unknown>;
}

/**
 * A provider of the application (a registry, the letters service), resolved when a handler runs:
 * a service folder names the classes it needs and nothing outside the folder has to list them.
 */
export type Use = <T>(provider: Type<T>) => T;

export interface EffectContext {
  db: Queryable;
  ticket: ServiceTicket;
  actorId: string | null;
  /** The event's text payload (reason, reference...) as the client sent it. */
  event: { reason?: string; reference?: string };
  use: Use;
}

/** Applied inside the transition's transaction; what it returns is kept in the event as its record. */
export type EffectHandler = (ctx: EffectContext) => Promise<unknown>;

export interface FilingContext {
  db: Queryable;
  satkerId: string;
  form: Record<string, unknown>;
  use: Use;
}

/** A check beyond the form schema, run inside the filing transaction; it throws to refuse. */
export type FilingCheck = (ctx: FilingContext) => Promise<unknown>;

/**
 * Everything about one service, registered by its own folder under libs/services/src: the catalogue
 * entry (pure data), the machines its tickets run on, the effects those machines name, its filing
 * checks, which e-mail goes out on which event, and the letter templates it issues.
 */
export interface ServiceDefinition extends CatalogueEntry {
  /** Where it stands in the catalogue's lists (lower first). */
  position: number;
  /** Every version still in flight; none when it runs the common lifecycle (COMMON_MACHINES). */
  machines?: TicketMachine[];
  /** By the names its machines give them. */
  effects?: Record<string, EffectHandler>;
  filing?: FilingCheck[];
  /** Absent: the common ticket notices (TICKET_NOTICES). */
  notices?: ServiceNotices;
  /** Letter templates (templates/letters) the service issues or hands out. */
  letters?: string[];
}

/** Catalogue order: by position, then by code. */
export const byPosition = (a: ServiceDefinition, b: ServiceDefinition) =>
  a.position - b.position || a.code.localeCompare(b.code);
