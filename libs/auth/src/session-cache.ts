import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor } from './actor';

/** Where the database announces session changes (see migration SessionChangeNotices). */
export const SESSION_CHANNEL = 'loket_sessions';
/** A safety net only: revocations arrive by NOTIFY at once; this bounds what a lost one could cost. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
const RETRY_MS = 2_000;

interface Entry {
  actor: Actor;
  /** The earlier of the session's own expiry and the TTL. */
  until: number;
}

/**
 * Authenticated sessions of this api process, by token hash, so a request normally reads no session
 * row. Every process LISTENs on one connection; triggers NOTIFY the person whose session, password,
 * roles or memberships changed (or '*' for all), and their entries go (see `get` for why that is
 * never late). While the LISTEN connection is down nothing is cached or served from the cache.
 */
@Injectable()
export class SessionCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  /** Bumped by every notification: a read that began before one must not be cached after it. */
  private generation = 0;
  private waiting: Array<(ok: boolean) => void> = [];
  private syncing = false;

  constructor(private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect().catch((err: Error) =>
      this.log.warn(`LISTEN failed (${err.message}); sessions are read on every request until it works`),
    );
  }

  /**
   * The cached actor of a session, once every change committed before this call has reached this
   * process: one `SELECT 1` on the LISTEN connection, shared by all requests that arrive while the
   * previous one is under way, returns only after PostgreSQL delivered the notifications queued
   * before it. So a logout, a role removed or a password changed anywhere is refused on the very
   * next request here, and that costs a shared round trip instead of a session read per request.
   */
  async get(tokenHash: string): Promise<Actor | null> {
    if (!this.client || !this.entries.has(tokenHash)) return null;
    if (!(await this.sync())) return null;
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until > Date.now()) return entry.actor;
    this.entries.delete(tokenHash);
    return null;
  }

  private sync(): Promise<boolean> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.syncing) void this.drain();
    });
  }

  /** Pings in rounds: each round answers the requests that arrived before it was sent. */
  private async drain(): Promise<void> {
    this.syncing = true;
    while (this.waiting.length) {
      const round = this.waiting;
      this.waiting = [];
      const client = this.client;
      const ok = client
        ? await client.query('SELECT 1').then(
            () => this.client === client,
            () => false,
          )
        : false;
      for (const resolve of round) resolve(ok);
    }
    this.syncing = false;
  }

  /** The generation to hand back to `put` with what a read found. */
  mark(): number {
    return this.generation;
  }

  put(tokenHash: string, actor: Actor, sessionExpiresAt: Date, readAt: number): void {
    if (!this.client || readAt !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor, until: Math.min(sessionExpiresAt.getTime(), Date.now() + TTL_MS) });
  }

  private forget(personId: string): void {
    this.generation++;
    if (personId === '*') return this.entries.clear();
    for (const [hash, entry] of this.entries) if (entry.actor.personId === personId) this.entries.delete(hash);
  }

  private connect(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new Client({
      connectionString: (this.db.options as { url: string }).url,
      application_name: 'loket-sessions',
    });
    client.on('notification', (n) => {
      if (n.channel === SESSION_CHANNEL && n.payload) this.forget(n.payload);
    });
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.log.warn(`LISTEN connection lost (${why}); reconnecting`);
      // Changes may be missed while down: nothing cached survives, nothing is cached meanwhile.
      this.client = null;
      this.forget('*');
      void client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void this.connect().catch(() => undefined), RETRY_MS).unref();
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('closed'));
    await client.connect();
    await client.query(`LISTEN ${SESSION_CHANNEL}`);
    this.forget('*');
    this.client = client;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
