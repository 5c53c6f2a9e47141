import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, formatDateTime, type AppConfig } from '@loket/common';
import { many } from '@loket/db';
import { LettersService } from '@loket/letters';
import { Mailer, PermanentMailError } from './mailer';

interface Row {
  id: string;
  topic: string;
  recipient: string;
  payload: Record<string, unknown>;
  attempts: number;
  ticketId: string | null;
}

const BATCH = 20;
const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 10;
const CLOCK_LABELS: Record<string, string> = { RESPONSE: 'tanggapan pertama', RESOLUTION: 'penyelesaian' };

/**
 * Delivers outbox rows. Rows are claimed with SKIP LOCKED and a lease, so several workers share the work; each
 * message carries a Message-ID derived from its row, so a resend after a crash between sending and
 * marking it sent is recognisable as the same message. Failures retry with exponential backoff;
 * permanent ones (and exhausted retries) stay as FAILED rows for admins to see.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  readonly mailer: Mailer;
  private readonly logger = new Logger('Outbox');
  /** Rows this process has leased and not yet marked: handed back at shutdown. */
  private readonly leased = new Set<string>();

  constructor(
    private readonly db: DataSource,
    private readonly letters: LettersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.mailer = new Mailer(config.smtpUrl, config.mailFrom, config.mailDir);
  }

  static messageId(id: string): string {
    return `<${id}@loket.kemenkeu.go.id>`;
  }

  async run(): Promise<{ sent: number; retried: number; failed: number }> {
    // Claim a batch in a short transaction: each row gets a lease (its next attempt moves out), so other
    // workers skip it. Sending happens outside any transaction; a crash after sending and before the
    // row is marked only means a resend when the lease ends, with the same Message-ID.
    const rows = await many<Row>(
      this.db,
      `UPDATE outbox SET next_attempt_at = now() + interval '${LEASE_SECONDS} seconds'
        WHERE id IN (SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id, topic, recipient, payload, attempts, ticket_id AS "ticketId"`,
    );
    const result = { sent: 0, retried: 0, failed: 0 };
    rows.forEach((row) => this.leased.add(row.id));
    await Promise.all(
      rows.map(async (row) => {
        let permanent = true; // a notice that cannot be rendered will not render next time either
        try {
          const mail = this.letters.renderer.email(row.topic, this.context(row));
          permanent = false;
          await this.mailer.send({ messageId: OutboxRelay.messageId(row.id), to: row.recipient, ...mail });
          // Links carrying a secret are not kept once delivered.
          await this.db.query(
            `UPDATE outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_attempt_at = now(), last_error = NULL,
                  payload = payload - 'activationUrl' - 'resetUrl'
            WHERE id = $1`,
            [row.id],
          );
          result.sent++;
        } catch (err) {
          const giveUp = permanent || err instanceof PermanentMailError || row.attempts + 1 >= MAX_ATTEMPTS;
          await this.db.query(
            `UPDATE outbox SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2,
                  status = CASE WHEN $3 THEN 'FAILED' ELSE 'PENDING' END,
                  payload = CASE WHEN $3 THEN payload - 'activationUrl' - 'resetUrl' ELSE payload END,
                  next_attempt_at = now() + make_interval(secs => $4 * power(2, attempts))
            WHERE id = $1`,
            [row.id, String((err as Error).message).slice(0, 1000), giveUp, this.config.outboxRetrySeconds],
          );
          if (giveUp) result.failed++;
          else result.retried++;
        } finally {
          this.leased.delete(row.id);
        }
      }),
    );
    if (result.failed) this.logger.warn(`${result.failed} notifikasi gagal permanen (lihat /api/v1/admin/outbox)`);
    return result;
  }

  /** Values every template may use, beside the row's own payload. */
  private context(row: Row): Record<string, unknown> {
    const p = row.payload;
    const extra: Record<string, unknown> = {};
    if (row.ticketId) extra.ticketUrl = `${this.config.publicUrl}/tiket/${row.ticketId}`;
    if (typeof p.clock === 'string') extra.clockLabel = CLOCK_LABELS[p.clock] ?? p.clock;
    if (typeof p.dueAt === 'string' && typeof p.timeZone === 'string')
      extra.dueAtLocal = formatDateTime(p.dueAt, p.timeZone);
    return { ...p, ...extra };
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }

  /**
   * At shutdown, once the worker's jobs had their grace period: rows still leased by this process (a
   * send cut short) are due again at once for another worker, instead of waiting for their lease to end.
   */
  async releaseLeases(): Promise<void> {
    if (!this.leased.size) return;
    await this.db
      .query(`UPDATE outbox SET next_attempt_at = now() WHERE id = ANY($1) AND status = 'PENDING'`, [[...this.leased]])
      .catch((err: Error) => this.logger.warn(`sewa outbox tidak dapat dilepas: ${err.message}`));
  }
}
