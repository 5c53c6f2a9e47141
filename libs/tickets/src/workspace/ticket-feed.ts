import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { TICKET_CHANNEL } from '../ticket.repository';

/** A ticket change as announced by NOTIFY (ids, type and status only). */
export interface TicketChange {
  ticketId: string;
  officeId: string;
  satkerId: string;
  type: string;
  status: string;
  version: number;
}

type Listener = (change: TicketChange) => void;

const RETRY_MS = 2_000;

/** Whether the change concerns a ticket this person may see (the same rule as visibleClause). */
export function inScope(actor: Actor, change: TicketChange): boolean {
  return (
    actor.queueOfficeIds.includes(change.officeId) ||
    actor.satkers.some((s) => s.satkerId === change.satkerId) ||
    actor.staff.some((s) => s.role === 'SUPERVISOR' && s.officeKind === 'PUSAT')
  );
}

/**
 * Ticket changes of every api process, as they commit: one LISTEN connection per process (opened
 * when the first subscriber arrives, reopened if it drops), fanned out to this process's live pages.
 */
@Injectable()
export class TicketFeed implements OnApplicationShutdown {
  private readonly log = new Logger(TicketFeed.name);
  private readonly listeners = new Set<Listener>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly db: DataSource) {}

  /** Calls `listener` for each change until the returned function is called; resolves once listening. */
  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    await this.connect();
    return () => this.listeners.delete(listener);
  }

  private connect(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({
      connectionString: (this.db.options as { url: string }).url,
      application_name: 'loket-feed',
    });
    client.on('notification', (n) => {
      if (n.channel !== TICKET_CHANNEL || !n.payload) return;
      const change = JSON.parse(n.payload) as TicketChange;
      for (const listener of this.listeners) listener(change);
    });
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.log.warn(`LISTEN connection lost (${why}); reconnecting`);
      this.client = null;
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), RETRY_MS).unref();
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('closed'));
    await client.connect();
    await client.query(`LISTEN ${TICKET_CHANNEL}`);
    this.client = client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.listeners.clear();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
