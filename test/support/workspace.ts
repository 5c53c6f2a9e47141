import type { TestApp } from './app';
import { auth } from './api';

/** Files a general question (no attachments) with the given perihal; answers the ticket as filed. */
export async function ask(t: TestApp, token: string, perihal: string, uraian = 'Mohon penjelasan.') {
  const res = await t.http
    .post('/api/v1/tickets')
    .set(auth(token))
    .send({ service: 'PERTANYAAN', form: { perihal, uraian } });
  if (res.status !== 201) throw new Error(`filing: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; number: string };
}

/** The ids of a list answer, in order. */
export const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);
