import type { PGlite } from '@electric-sql/pglite';

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
}

const SYNC = 0x53; // 'S': ends an extended-protocol exchange (Parse/Bind/Describe/Execute/Sync)
const QUERY = 0x51; // 'Q': a simple query is its own exchange
const TERMINATE = 0x58; // 'X'
const STARTUP = 0x00; // startup messages begin with their length, whose first byte is 0
const PARSE = 0x50; // 'P'
const NOTIFICATION = 0x41; // 'A': NotificationResponse from the backend

/** The NotificationResponse messages in a chunk of backend output (whole messages only). */
function notificationsIn(data: Uint8Array): Uint8Array[] {
  const found: Uint8Array[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 0; at + 5 <= data.length;) {
    const end = at + 1 + view.getInt32(at + 1);
    if (end > data.length || end <= at) break;
    if (data[at] === NOTIFICATION) found.push(data.slice(at, end));
    at = end;
  }
  return found;
}

/**
 * PGlite is one session. Many client connections can share it only if their protocol exchanges never
 * interleave: once a connection starts an exchange (or a transaction), only its messages run until the
 * exchange ends at Sync/Query and no transaction is open. pglite-socket's own queue keeps transactions
 * together but lets the Parse of one connection meet the Bind of another ("bind message supplies 2
 * parameters, but prepared statement requires 1"), so the embedded server uses this queue instead.
 * Upstream: electric-sql/pglite issue #1046 ("pglite-socket: concurrent extended-protocol batches
 * interleave across connections") and pull request #977; test/embedded-concurrency.e2e-spec.ts reproduces it.
 */
export class ProtocolQueue {
  private readonly queue: Pending[] = [];
  private owner: number | null = null;
  private draining = false;
  /**
   * Connections that ran LISTEN, with the way to write to them. PGlite is one session, so a NOTIFY
   * comes back in the output of whichever connection committed it; it is passed on to these, as
   * PostgreSQL would deliver it to each listening session.
   */
  private readonly listeners = new Map<number, (data: Uint8Array) => void>();

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if ((message[0] === QUERY || message[0] === PARSE) && /\bLISTEN\s/i.test(Buffer.from(message).toString('utf8'))) {
      this.listeners.set(handlerId, onData);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.listeners.delete(handlerId);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId === handlerId) this.queue.splice(i, 1)[0].reject(new Error('Handler disconnected'));
    }
  }

  /** A connection that went away mid-exchange must not leave its transaction holding the session. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        if (index === -1 || this.queue.length === 0) break;
        const item = this.queue.splice(index, 1)[0];
        this.owner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
                if (this.listeners.size === 0) return;
                for (const note of notificationsIn(data)) {
                  for (const [id, write] of this.listeners) if (id !== item.handlerId) write(note);
                }
              },
            }),
          );
          item.resolve(bytes);
        } catch (err) {
          item.reject(err);
        }
        const type = item.message[0];
        const endsExchange = type === SYNC || type === QUERY || type === TERMINATE || type === STARTUP;
        if (endsExchange && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.draining = false;
    }
  }
}
