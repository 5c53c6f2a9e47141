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

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
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
