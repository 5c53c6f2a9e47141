import type { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './app';
import { makePdf } from './pdf';
import { createWorld, randomNik, type Person, type World } from './world';

export interface UserEntry {
  nik: string;
  nama: string;
  nip?: string;
  telepon: string;
  email: string;
  peran: string;
}

/** Anything that reaches the API over HTTP: the in-process test app or an api process of the fault suite. */
export type Http = Pick<TestApp, 'http'>;

export const newUser = (nama: string, nik = randomNik()): UserEntry => ({
  nik,
  nama,
  telepon: '081234567890',
  email: `${nik}@satker.go.id`,
  peran: 'Operator',
});

export async function login(t: Http, person: Person, password = 'RahasiaUji123'): Promise<string> {
  const res = await t.http.post('/api/v1/auth/login').send({ nik: person.nik, password });
  if (res.status !== 200) throw new Error(`login ${person.name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Files MYINTRESS_DAFTAR_KPPN as multipart, the way the portal and integrators do. */
export function fileRegistration(
  t: Http,
  token: string,
  users: UserEntry[],
  opts: { idempotencyKey?: string; sk?: Buffer; formulir?: Buffer } = {},
) {
  const req = t.http
    .post('/api/v1/tickets')
    .set(auth(token))
    .field('service', 'MYINTRESS_DAFTAR_KPPN')
    .field('form', JSON.stringify({ pengguna: users }))
    .attach('SK_PENUNJUKAN', opts.sk ?? makePdf({ title: 'SK Penunjukan' }), {
      filename: 'sk-penunjukan.pdf',
      contentType: 'application/pdf',
    })
    .attach('FORMULIR_PENDAFTARAN', opts.formulir ?? makePdf({ title: 'Formulir' }), {
      filename: 'formulir.pdf',
      contentType: 'application/pdf',
    });
  return opts.idempotencyKey ? req.set('Idempotency-Key', opts.idempotencyKey) : req;
}

export function sendEvent(t: Http, token: string, ticketId: string, version: number, body: Record<string, unknown>) {
  return t.http.post(`/api/v1/tickets/${ticketId}/events`).set(auth(token)).set('If-Match', `"${version}"`).send(body);
}

/** Files a registration and has the CSO claim it; returns the ticket as the CSO sees it. */
export async function claimedRegistration(t: Http, satkerToken: string, csoToken: string, users: UserEntry[]) {
  const filed = await fileRegistration(t, satkerToken, users);
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const claimed = await sendEvent(t, csoToken, filed.body.id, filed.body.version, { type: 'CLAIM' });
  if (claimed.status !== 200) throw new Error(`claim failed: ${claimed.status} ${JSON.stringify(claimed.body)}`);
  return claimed.body;
}

/**
 * Everything a refused request could have touched for one satker (tickets, history, files,
 * memberships, notices) plus the identities of the given NIKs and the file store, so a test can
 * assert that a refusal changed nothing at all. Scoped, because other suites run in parallel.
 */
export async function footprint(t: TestApp, satkerId: string, niks: string[] = []) {
  const [row] = await (t.db as DataSource).query(
    `SELECT
       (SELECT count(*) FROM tickets WHERE satker_id = $1)::int AS tickets,
       (SELECT coalesce(sum(version), 0) FROM tickets WHERE satker_id = $1)::int AS versions,
       (SELECT string_agg(status, ',' ORDER BY id) FROM tickets WHERE satker_id = $1) AS statuses,
       (SELECT count(*) FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE t.satker_id = $1)::int AS events,
       (SELECT count(*) FROM ticket_messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.satker_id = $1)::int AS messages,
       (SELECT count(*) FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id WHERE t.satker_id = $1)::int AS attachments,
       (SELECT count(*) FROM myintress_memberships WHERE satker_id = $1)::int AS memberships,
       (SELECT count(*) FROM persons WHERE nik = ANY($2::text[]))::int AS persons,
       (SELECT count(*) FROM outbox o JOIN tickets t ON t.id = o.ticket_id WHERE t.satker_id = $1)::int AS outbox`,
    [satkerId, niks],
  );
  return { ...row, files: t.storedFiles().length, temp: t.tempFiles().length };
}

export interface Suite {
  t: TestApp;
  w: World;
  /** Bearer tokens of the world's people, logged in once per suite. */
  tok: { satker: string; otherSatker: string; cso: string; cso2: string; otherCso: string };
}

/** A running app, a world of its own and everyone logged in: the usual start of an e2e suite. */
export async function startSuite(): Promise<Suite> {
  const t = await startTestApp();
  const w = await createWorld(t.db);
  const [satker, otherSatker, cso, cso2, otherCso] = await Promise.all(
    [w.satkerUser, w.otherSatkerUser, w.cso, w.cso2, w.otherCso].map((p) => login(t, p)),
  );
  return { t, w, tok: { satker, otherSatker, cso, cso2, otherCso } };
}

export interface TambahInput {
  nik: string;
  nama: string;
  nip?: string;
  telepon?: string;
  email?: string;
  nomorSk?: string;
}

/** Tambah Pengguna as the satker's own user: fields plus the one SK PDF. */
export function tambahPengguna(
  t: TestApp,
  token: string,
  satkerCode: string,
  input: TambahInput,
  sk: Buffer | null = makePdf({ title: 'SK' }),
) {
  const req = t.http
    .post(`/api/v1/satkers/${satkerCode}/pengguna`)
    .set(auth(token))
    .field('nik', input.nik)
    .field('nama', input.nama)
    .field('telepon', input.telepon ?? '081355500011')
    .field('email', input.email ?? `${input.nik}@satker.go.id`)
    .field('nomorSk', input.nomorSk ?? 'SK-01/2026');
  if (input.nip) req.field('nip', input.nip);
  return sk ? req.attach('SK_PENUNJUKAN', sk, { filename: 'sk.pdf', contentType: 'application/pdf' }) : req;
}

export async function daftarPengguna(t: TestApp, token: string, satkerCode: string) {
  const res = await t.http.get(`/api/v1/satkers/${satkerCode}/pengguna`).set(auth(token));
  if (res.status !== 200) throw new Error(`daftar pengguna: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.pengguna as Array<{
    id: string;
    nama: string;
    status: number;
    statusLabel: string;
    rejectReason: string | null;
    skNumber: string | null;
    nik: string;
  }>;
}

/** supertest parser that keeps a response body as raw bytes (PDFs, attachments). */
export function binaryParser(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
