import type { MigrationInterface, QueryRunner } from 'typeorm';

// Digipay: the satker admin, satker-level users, vendors and their users, and monthly transaction
// counts per satker (imported), for the KPPN's implementation progress.
export class Digipay1764400000000 implements MigrationInterface {
  name = 'Digipay1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE satkers ADD COLUMN manages_up boolean NOT NULL DEFAULT true;

      CREATE TABLE digipay_vendors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        name text NOT NULL,
        nib text NOT NULL,
        npwp text NOT NULL,
        tdp text NOT NULL,
        skkpp text NOT NULL,
        phone text NOT NULL,
        email text NOT NULL,
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT digipay_vendors_nib_uq UNIQUE (satker_id, nib)
      );

      CREATE TABLE digipay_users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        satker_id uuid NOT NULL REFERENCES satkers(id),
        vendor_id uuid REFERENCES digipay_vendors(id),
        role text NOT NULL CHECK (role IN ('ADMIN_SATKER', 'PPK', 'PEMESAN', 'PEJABAT_PENGADAAN', 'PENERIMA', 'BENDAHARA',
                                           'ADMIN_VENDOR', 'STAF_VENDOR', 'KURIR_VENDOR')),
        nik text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
        name text NOT NULL,
        email text NOT NULL,
        phone text NOT NULL,
        status text NOT NULL DEFAULT 'AKTIF' CHECK (status IN ('AKTIF', 'NONAKTIF')),
        source_ticket_id uuid REFERENCES tickets(id),
        created_by uuid REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX digipay_users_nik_idx ON digipay_users (nik) WHERE status = 'AKTIF';
      CREATE INDEX digipay_users_satker_idx ON digipay_users (satker_id, role) WHERE status = 'AKTIF';
      CREATE UNIQUE INDEX digipay_users_one_admin_uq ON digipay_users (satker_id) WHERE status = 'AKTIF' AND role = 'ADMIN_SATKER';

      CREATE TABLE digipay_transactions (
        satker_id uuid NOT NULL REFERENCES satkers(id),
        month date NOT NULL,
        count integer NOT NULL CHECK (count >= 0),
        imported_by uuid NOT NULL REFERENCES persons(id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (satker_id, month)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE digipay_transactions, digipay_users, digipay_vendors;
      ALTER TABLE satkers DROP COLUMN manages_up;
    `);
  }
}
