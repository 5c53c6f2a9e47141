import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { many, one } from '@loket/db';
import { DigipayRegistry, type DigipayPerson, type VendorInput } from '@loket/registry';

/**
 * Digipay steps inside Digipay (not tickets) on behalf of the signed-in person, each in its own
 * transaction, and the KPPN's view of its satkers' progress within the actor's offices.
 */
@Injectable()
export class DigipayService {
  constructor(
    private readonly db: DataSource,
    private readonly digipay: DigipayRegistry,
  ) {}

  async createSatkerUser(actor: Actor, satkerCode: string, role: string, person: DigipayPerson) {
    const nik = await this.nikOf(actor);
    return this.db.transaction((em) =>
      this.digipay.createSatkerUser(em, nik, actor.personId, satkerCode, role, person),
    );
  }

  async registerVendor(actor: Actor, satkerCode: string, vendor: VendorInput, admin: DigipayPerson) {
    const nik = await this.nikOf(actor);
    return this.db.transaction((em) => this.digipay.registerVendor(em, nik, actor.personId, satkerCode, vendor, admin));
  }

  async createVendorUser(actor: Actor, vendorId: string, role: string, person: DigipayPerson) {
    const nik = await this.nikOf(actor);
    return this.db.transaction((em) => this.digipay.createVendorUser(em, nik, actor.personId, vendorId, role, person));
  }

  async progress(actor: Actor, laggingOnly: boolean) {
    return this.digipay.progress(this.db, await this.kppnScope(actor), laggingOnly);
  }

  async importTransactions(actor: Actor, csv: Buffer) {
    const kppnIds = await this.kppnScope(actor);
    return this.db.transaction((em) => this.digipay.importTransactions(em, kppnIds, actor.personId, csv));
  }

  /** The registry records who acted by NIK; the session carries only the person's id. */
  private async nikOf(actor: Actor): Promise<string> {
    return (await one<{ nik: string }>(this.db, `SELECT nik FROM persons WHERE id = $1`, [actor.personId]))!.nik;
  }

  /** KPPN staff: their KPPN; Kanwil staff: the KPPNs under it. */
  private async kppnScope(actor: Actor): Promise<string[]> {
    const offices = actor.staff.filter((s) => s.role === 'CSO' || s.role === 'SUPERVISOR').map((s) => s.officeId);
    if (offices.length === 0) throw fail('NOT_KPPN_STAFF');
    return (
      await many<{ id: string }>(
        this.db,
        `SELECT id FROM offices WHERE kind = 'KPPN' AND (id = ANY($1::uuid[]) OR parent_id = ANY($1::uuid[]))`,
        [offices],
      )
    ).map((o) => o.id);
  }
}
