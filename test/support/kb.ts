import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { auth, type Http } from './api';
import { createPerson, type Person } from './world';

/** A person holding `role` at an office (EDITOR writes the office's articles; ADMIN too). */
export async function staffAt(db: DataSource, name: string, officeId: string, role = 'EDITOR'): Promise<Person> {
  const person = await createPerson(db, name);
  await db.query(`INSERT INTO staff_roles (person_id, office_id, role) VALUES ($1, $2, $3)`, [
    person.id,
    officeId,
    role,
  ]);
  return person;
}

/** A Kantor Pusat office of the suite's own (national articles belong to it). */
export async function pusatOffice(db: DataSource): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO offices (code, kind, name, time_zone) VALUES ($1, 'PUSAT', 'Kantor Pusat Uji', 'Asia/Jakarta') RETURNING id`,
    [`P${randomUUID().slice(0, 8)}`],
  );
  return id;
}

export const officeCode = async (db: DataSource, id: string): Promise<string> =>
  (await db.query(`SELECT code FROM offices WHERE id = $1`, [id]))[0].code;

/** A word no other suite's article contains, so searches see only this suite's articles. */
export const uniqueWord = (): string =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`;

export interface ArticleInput {
  title: string;
  body: string;
  category?: string;
  services?: string[];
  slug?: string;
}

export async function writeArticle(t: Http, token: string, input: ArticleInput, publish = true) {
  const res = await t.http
    .post('/api/v1/kb/articles')
    .set(auth(token))
    .send({ category: 'Umum', ...input });
  if (res.status !== 201) throw new Error(`article: ${res.status} ${JSON.stringify(res.body)}`);
  if (!publish) return res.body;
  const published = await t.http.post(`/api/v1/kb/articles/${res.body.id}/publish`).set(auth(token));
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}
