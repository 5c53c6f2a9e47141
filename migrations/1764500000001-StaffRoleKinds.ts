import type { MigrationInterface, QueryRunner } from 'typeorm';

// Two more staff roles: the KPPN's Digipay admin and a knowledge-base editor (writes FAQ articles
// without being an office admin). Kept in one constraint so later migrations need not redefine it.
export class StaffRoleKinds1764500000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_role_check`);
    await q.query(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check
      CHECK (role IN ('CSO', 'SUPERVISOR', 'ADMIN', 'DIGIPAY_ADMIN', 'EDITOR'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM staff_roles WHERE role IN ('DIGIPAY_ADMIN', 'EDITOR')`);
    await q.query(`ALTER TABLE staff_roles DROP CONSTRAINT staff_roles_role_check`);
    await q.query(`ALTER TABLE staff_roles ADD CONSTRAINT staff_roles_role_check CHECK (role IN ('CSO', 'SUPERVISOR', 'ADMIN'))`);
  }
}
