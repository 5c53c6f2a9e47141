import { formatDateTime } from '@loket/common';
import type { TestApp } from '../support/app';
import { fileRegistration, newUser, startSuite, type Suite } from '../support/api';
import { portalLogin } from '../support/portal';
import { createSupervisor, type World } from '../support/world';

describe("portal: a supervisor's home, the menu and the favicon", () => {
  let t: TestApp;
  let w: World;
  let tok: Suite['tok'];

  beforeAll(async () => ({ t, w, tok } = await startSuite()));
  afterAll(() => t.close());

  it('shows a supervisor the open tickets past their deadline and links the queue, in the menu too', async () => {
    const late = await fileRegistration(t, tok.satker, [newUser('Sudah Lewat')]);
    const onTime = await fileRegistration(t, tok.satker, [newUser('Masih Sempat')]);
    await t.db.query(`UPDATE tickets SET due_at = now() - interval '2 hours' WHERE id = $1`, [late.body.id]);
    const elsewhere = await fileRegistration(t, tok.otherSatker, [newUser('Kantor Lain')]);
    await t.db.query(`UPDATE tickets SET due_at = now() - interval '2 hours' WHERE id = $1`, [elsewhere.body.id]);
    const supervisor = await portalLogin(t, await createSupervisor(t.db, 'Supervisor Beranda', w.kppnId));
    const home = await supervisor.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<h1>Beranda supervisor</h1>');
    const table = /<caption class="sr-only">Tiket terbuka yang lewat tenggat<\/caption>[\s\S]*?<\/table>/.exec(
      home.text,
    )![0];
    expect(table).toContain(late.body.number);
    expect(table).not.toContain(onTime.body.number);
    expect(table).not.toContain(elsewhere.body.number);
    expect(home.text).toMatch(/<li><a href="\/antrian">Antrian<\/a><\/li>/);
    expect(home.text).toContain('href="/antrian?tampilan=open&amp;urut=deadline"');
  });

  it("writes the drill-down's times on the ticket's office clock (WITA here), in the one date style", async () => {
    const filed = await fileRegistration(t, tok.satker, [newUser('Waktu Rincian')]);
    const supervisor = await portalLogin(t, await createSupervisor(t.db, 'Supervisor Rincian', w.kppnId));
    const year = new Date().getUTCFullYear();
    const list = await supervisor.get('/laporan-sla/tiket').query({ dari: `${year}-01-01`, sampai: `${year}-12-31` });
    expect(list.status).toBe(200);
    expect(list.text).toContain(filed.body.number);
    expect(list.text).toContain(formatDateTime(filed.body.createdAt, 'Asia/Makassar'));
    expect(list.text).not.toMatch(/\d WIB</);
  });

  it('serves a content-hashed favicon like the other assets', async () => {
    const page = await (await portalLogin(t, w.satkerUser)).get('/');
    const href = /<link rel="icon" href="(\/aset\/favicon\.[0-9a-f]{10}\.svg)" type="image\/svg\+xml">/.exec(
      page.text,
    )![1];
    const icon = await t.http.get(href);
    expect([icon.status, icon.headers['content-type'], icon.headers['cache-control']]).toEqual([
      200,
      'image/svg+xml',
      'public, max-age=31536000, immutable',
    ]);
  });
});
