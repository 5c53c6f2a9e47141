import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, newSecret, sha256Hex } from '@loket/common';
import { one, type Queryable } from '@loket/db';
import { enqueueNotice } from '@loket/notify';

export interface PersonRow {
  id: string;
  nik: string;
  name: string;
  email: string;
  nip: string | null;
  activated_at: Date | null;
}

export interface NewPerson {
  nik: string;
  name: string;
  email: string;
  nip: string | null;
  phone: string | null;
}

/** DIGIT, the ministry's single sign-on: one identity per NIK, activated by a single-use link. */
@Injectable()
export class DigitIdentities {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  findByNik(db: Queryable, nik: string): Promise<PersonRow | null> {
    return one<PersonRow>(db, `SELECT id, nik, name, email, nip, activated_at FROM persons WHERE nik = $1`, [nik]);
  }

  /**
   * Creates the identity and queues its activation e-mail in the caller's transaction. Returns null
   * when another transaction created the same NIK first; the caller then reads that one.
   */
  async create(db: Queryable, person: NewPerson, sourceTicketId: string | null): Promise<PersonRow | null> {
    const created = await one<PersonRow>(
      db,
      `INSERT INTO persons (nik, name, email, nip, phone) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (nik) DO NOTHING RETURNING id, nik, name, email, nip, activated_at`,
      [person.nik, person.name, person.email, person.nip, person.phone],
    );
    if (!created) return null;
    await this.sendActivation(db, created, sourceTicketId);
    return created;
  }

  /**
   * A new activation link for an identity registered again before it was ever activated (its first
   * link may have expired); the newer link replaces every earlier one. An activated identity gets none.
   */
  async renewActivation(db: Queryable, person: PersonRow, sourceTicketId: string | null): Promise<void> {
    if (!person.activated_at) await this.sendActivation(db, person, sourceTicketId);
  }

  private async sendActivation(
    db: Queryable,
    person: Pick<PersonRow, 'id' | 'name' | 'email'>,
    sourceTicketId: string | null,
  ): Promise<void> {
    const token = newSecret();
    // clock_timestamp, not the transaction's now(): "newest link" must also order two links of one transaction.
    await db.query(
      `INSERT INTO activation_tokens (person_id, token_hash, source_ticket_id, expires_at, created_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4), clock_timestamp())`,
      [person.id, sha256Hex(token), sourceTicketId, this.config.activationTtlHours],
    );
    await enqueueNotice(db, {
      topic: 'digit.activation',
      recipient: person.email,
      ticketId: sourceTicketId,
      payload: {
        name: person.name,
        activationUrl: `${this.config.publicUrl}/aktivasi?token=${token}`,
        expiresInHours: this.config.activationTtlHours,
      },
    });
  }
}
