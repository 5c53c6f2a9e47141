import type { TestApp } from '../support/app';
import { fileRegistration, newUser, type Suite } from '../support/api';
import { csrfOf, startPortalSuite, type PortalAgent } from '../support/portal';
import { randomNik } from '../support/world';
import { ask } from '../support/workspace';

const tab = (html: string, label: string) => new RegExp(`${label} <span class="count">(\\d+)</span>`).exec(html)?.[1];
const rows = (html: string) => [...html.matchAll(/<td><a href="\/tiket\/([0-9a-f-]{36})">/g)].map((m) => m[1]);

describe('portal: the agent queue with views, search and bulk actions', () => {
  let t: TestApp;
  let tok: Suite['tok'];
  let cso: PortalAgent;

  beforeAll(async () => ({ t, tok, cso } = await startPortalSuite()));
  afterAll(() => t.close());

  it('shows the views as tabs with counts, the perihal as title and the filed date', async () => {
    const filed = await ask(t, tok.satker, 'Permintaan data SP2D bulan lalu');
    const page = await cso.get('/antrian?tampilan=unassigned');
    expect(page.status).toBe(200);
    expect(tab(page.text, 'Belum diambil')).toBe('1');
    expect(tab(page.text, 'Tiket saya')).toBe('0');
    expect(page.text).toContain('<strong class="title">Permintaan data SP2D bulan lalu</strong>');
    expect(page.text).toContain('Belum Anda buka');
    expect(page.text).toMatch(/<th scope="col">Diajukan<\/th>/);
    expect(rows(page.text)).toEqual([filed.id]);
    expect(rows((await cso.get('/antrian?tampilan=mine')).text)).toEqual([]);
  });

  it('searches text by a shareable link, and a NIK only through the POSTed form (answered without a redirect)', async () => {
    const nik = randomNik();
    const reg = await fileRegistration(t, tok.satker, [newUser('Bambang Priyono Santoso', nik)]);
    const page = await cso.get('/antrian');
    const text = await cso
      .post('/antrian/cari')
      .type('form')
      .send({ _csrf: csrfOf(page.text), q: 'priyono', tampilan: 'open' });
    expect(text.status).toBe(303);
    expect(text.headers.location).toContain('q=priyono');
    expect(rows((await cso.get(text.headers.location)).text)).toEqual([reg.body.id]);
    const byNik = await cso
      .post('/antrian/cari')
      .type('form')
      .send({ _csrf: csrfOf(page.text), q: nik, tampilan: 'open' });
    expect(byNik.status).toBe(200);
    expect(rows(byNik.text)).toEqual([reg.body.id]);
    // No link on the page carries the NIK.
    expect([...byNik.text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => h.includes(nik))).toEqual([]);
    const refused = await cso.get(`/antrian?q=${nik}`);
    expect(refused.text).toContain('harus dikirim melalui POST');
  });

  it('claims the checked rows and lists the result of each ticket', async () => {
    const made = await Promise.all(['Massal 1', 'Massal 2', 'Massal 3'].map((p) => ask(t, tok.satker, p)));
    const page = await cso.get('/antrian?tampilan=unassigned');
    const res = await cso
      .post('/antrian/massal')
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(csrfOf(page.text))}&aksi=CLAIM&${made.map((m) => `tiket=${m.id}:${m.version}`).join('&')}`,
      );
    expect(res.status).toBe(200);
    expect(res.text).toContain('Ambil: 3 tiket berhasil, 0 tiket tidak diproses.');
    for (const m of made) expect(res.text).toContain(m.number);
    const again = await cso
      .post('/antrian/massal')
      .type('form')
      .send(`_csrf=${encodeURIComponent(csrfOf(page.text))}&aksi=CLAIM&tiket=${made[0].id}:${made[0].version}`);
    expect(again.text).toContain('Ambil: 0 tiket berhasil, 1 tiket tidak diproses.');
    expect(again.text).toContain('Tiket telah diubah oleh pengguna lain');
    const mine = await cso.get('/antrian?tampilan=mine');
    expect(tab(mine.text, 'Tiket saya')).toBe('3');
    const none = await cso
      .post('/antrian/massal')
      .type('form')
      .send({ _csrf: csrfOf(page.text), aksi: 'CLAIM' });
    expect([none.status, none.text.includes('Centang dulu tiket')]).toEqual([400, true]);
  });
});
