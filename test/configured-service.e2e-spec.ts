import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutboxRelay } from '@loket/notify';
import { loadServiceFolders, SERVICE_DEFINITIONS } from '@loket/services';
import { startTestApp, type TestApp } from './support/app';
import { auth, login, sendEvent } from './support/api';
import { createWorld, type World } from './support/world';

// Adding a service is adding its folder (catalogue entry and machine, effects, filing checks,
// notices) and its templates. The folder under test/support/services is found the way the
// application finds its own: nothing else names it, and it runs through the real HTTP stack.
const folders = path.join(__dirname, 'support/services');
const services = [...SERVICE_DEFINITIONS, ...loadServiceFolders(folders)];
const templates = mkdtempSync(path.join(tmpdir(), 'loket-templates-'));
cpSync(path.resolve('templates'), templates, { recursive: true });
cpSync(path.join(folders, 'uji-persetujuan/templates'), templates, { recursive: true });

describe('a service added as one folder', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ services, env: { TEMPLATES_DIR: templates } });
    w = await createWorld(t.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(templates, { recursive: true, force: true });
  });

  it('is listed in the catalogue after the built-in services', async () => {
    const list = await t.http.get('/api/v1/services');
    const codes = list.body.map((s: { code: string }) => s.code);
    expect(codes).toEqual([
      'MYINTRESS_DAFTAR_KPPN',
      'MYINTRESS_DAFTAR_MANDIRI',
      'MYINTRESS_HAPUS',
      'DIGIPAY_ADMIN',
      'DIGIPAY_ASISTENSI',
      'PUSINTEK_AKSES',
      'PERTANYAAN',
      'PENGADUAN',
      'UJI_PERSETUJUAN',
    ]);
  });

  it('refuses a filing its own check refuses, and keeps nothing', async () => {
    const satker = await login(t, w.satkerUser);
    const count = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM tickets WHERE service_code = 'UJI_PERSETUJUAN'`))[0].n;
    const before = await count();
    const refused = await t.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .send({ service: 'UJI_PERSETUJUAN', form: { alasan: 'Tanpa alasan', jenis: 'A' } });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(refused.body.error.details).toEqual([{ field: 'alasan', problems: ['Alasan ini tidak diterima.'] }]);
    expect(await count()).toBe(before);
  });

  it('is filed, validated, approved with its own effect and notified with its own template', async () => {
    const [satker, cso] = await Promise.all([login(t, w.satkerUser), login(t, w.cso)]);
    const bad = await t.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .send({ service: 'UJI_PERSETUJUAN', form: { alasan: 'x', jenis: 'C' } });
    expect([bad.status, bad.body.error.details[0].code]).toEqual([400, 'INVALID_CHOICE']);
    const filed = await t.http
      .post('/api/v1/tickets')
      .set(auth(satker))
      .send({ service: 'UJI_PERSETUJUAN', form: { alasan: 'Perlu', jenis: 'A' } });
    expect(filed.status).toBe(201);
    expect(filed.body.subject).toBe(`Persetujuan Uji ${w.satker.name}`);
    const queue = await t.http.get('/api/v1/tickets').query({ service: 'UJI_PERSETUJUAN' }).set(auth(cso));
    expect(queue.body.items[0].allowedEvents.map((e: { type: string }) => e.type)).toEqual(['COMPLETE', 'REJECT']);
    const done = await sendEvent(t, cso, filed.body.id, 1, { type: 'COMPLETE' });
    expect(done.body.status).toBe('SELESAI');
    const [event] = await t.db.query(`SELECT payload FROM ticket_events WHERE ticket_id = $1 AND type = 'COMPLETE'`, [
      filed.body.id,
    ]);
    expect(event.payload.effects).toEqual({ 'uji.catat': { jenis: 'A', layanan: 'Persetujuan Uji' } });
    const sla = await t.http.get(`/api/v1/tickets/${filed.body.id}/sla`).set(auth(cso));
    expect(sla.body.clocks.map((c: { clock: string; state: string }) => [c.clock, c.state])).toEqual([
      ['RESOLUTION', 'MET'],
    ]);
    while ((await t.app.get(OutboxRelay).run()).sent > 0);
    const mails = readdirSync(t.config.mailDir).map((f) => readFileSync(path.join(t.config.mailDir, f), 'utf8'));
    expect(mails.some((m) => m.includes(`Permohonan ${filed.body.number} disetujui`))).toBe(true);
  });
});
