import { AuditLog } from '@loket/admin';
import { startTestApp, type TestApp } from './support/app';
import { createWorld, type World } from './support/world';

describe('audit log (append-only)', () => {
  let t: TestApp;
  let w: World;
  const audit = () => t.app.get(AuditLog);
  const rowsOf = (key: string) =>
    t.db.query(`SELECT action, before, after, reason FROM audit_log WHERE entity_key = $1 ORDER BY id`, [key]);

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t.db);
  });
  afterAll(() => t.close());

  it("commits an entry with the caller's transaction and drops it when that transaction rolls back", async () => {
    const key = `uji-${w.kppnId}`;
    await t.db.transaction((em) =>
      audit().record(em, {
        actorId: w.cso.id,
        officeId: w.kppnId,
        action: 'OFFICE_UPDATED',
        entityType: 'OFFICE',
        entityKey: key,
        before: { name: 'Lama' },
        after: { name: 'Baru' },
        reason: 'ganti nama',
      }),
    );
    await expect(
      t.db.transaction(async (em) => {
        await audit().record(em, {
          actorId: w.cso.id,
          officeId: w.kppnId,
          action: 'OFFICE_UPDATED',
          entityType: 'OFFICE',
          entityKey: key,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(key)).toEqual([
      { action: 'OFFICE_UPDATED', before: { name: 'Lama' }, after: { name: 'Baru' }, reason: 'ganti nama' },
    ]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const key = `tetap-${w.kppnId}`;
    const { id } = await audit().record(t.db, {
      actorId: null,
      officeId: null,
      action: 'SATKER_CREATED',
      entityType: 'SATKER',
      entityKey: key,
    });
    await expect(t.db.query(`UPDATE audit_log SET reason = 'diubah' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await rowsOf(key)).toEqual([{ action: 'SATKER_CREATED', before: null, after: null, reason: null }]);
  });
});
