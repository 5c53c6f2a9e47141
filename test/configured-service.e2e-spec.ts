import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutboxRelay } from '@loket/notify';
import { buildApprovalMachine, Catalogue, DEFAULT_MACHINES, DEFAULT_SERVICES, SLA } from '@loket/workflow';
import { startTestApp, type TestApp } from './support/app';
import { auth, login, sendEvent } from './support/api';
import { createWorld, type World } from './support/world';

// Adding a service is configuration: a catalogue entry, a machine and a template. Nothing below
// touches engine code; the service is defined here and runs through the real HTTP stack.
const templates = mkdtempSync(path.join(tmpdir(), 'loket-templates-'));
cpSync(path.resolve('templates'), templates, { recursive: true });
writeFileSync(path.join(templates, 'emails/uji.disetujui.subject.hbs'), 'Permohonan {{ticketNumber}} disetujui\n');
writeFileSync(
  path.join(templates, 'emails/uji.disetujui.txt.hbs'),
  'Yth. {{name}}, permohonan cuti layanan {{ticketNumber}} disetujui oleh {{officeName}}.\n',
);
writeFileSync(
  path.join(templates, 'emails/uji.disetujui.html.hbs'),
  '<p>Yth. {{name}}, permohonan {{ticketNumber}} disetujui oleh {{officeName}}.</p>\n',
);

const catalogue = new Catalogue(
  [
    ...DEFAULT_SERVICES,
    {
      code: 'UJI_PERSETUJUAN',
      title: 'Persetujuan Uji',
      subjectPattern: 'Persetujuan Uji {satkerName}',
      description: 'Layanan dari konfigurasi',
      form: {
        alasan: { kind: 'text', label: 'Alasan', required: true, maxLength: 200 },
        jenis: { kind: 'choice', label: 'Jenis', required: true, options: ['A', 'B'] },
      },
      attachments: [],
      filedBy: ['SATKER'],
      queue: 'SATKER_KPPN',
      machine: { id: 'uji-persetujuan', version: 1 },
      sla: SLA.approval,
      notices: { COMPLETE: 'uji.disetujui' },
    },
  ],
  [
    ...DEFAULT_MACHINES,
    buildApprovalMachine({ id: 'uji-persetujuan', version: 1, approveEffects: [], rejectEffects: [] }),
  ],
);

describe('a service defined purely from configuration', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ catalogue, env: { TEMPLATES_DIR: templates } });
    w = await createWorld(t.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(templates, { recursive: true, force: true });
  });

  it('is filed, validated, approved in one step and notified with its own template', async () => {
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
    const sla = await t.http.get(`/api/v1/tickets/${filed.body.id}/sla`).set(auth(cso));
    expect(sla.body.clocks.map((c: { clock: string; state: string }) => [c.clock, c.state])).toEqual([
      ['RESOLUTION', 'MET'],
    ]);
    while ((await t.app.get(OutboxRelay).run()).sent > 0);
    const mails = readdirSync(t.config.mailDir).map((f) => readFileSync(path.join(t.config.mailDir, f), 'utf8'));
    expect(mails.some((m) => m.includes(`Permohonan ${filed.body.number} disetujui`))).toBe(true);
  });
});
