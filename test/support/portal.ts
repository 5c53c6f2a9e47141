import supertest from 'supertest';
import { startSuite } from './api';
import type { TestApp } from './app';
import { PASSWORD, type Person } from './world';

export type PortalAgent = ReturnType<typeof supertest.agent>;

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]*)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** A cookie-keeping client that signed in through the login form, like a browser does. */
export async function portalLogin(t: TestApp, person: Person, password = PASSWORD): Promise<PortalAgent> {
  const agent = supertest.agent(t.url);
  const form = await agent.get('/masuk');
  const res = await agent
    .post('/masuk')
    .type('form')
    .send({ _csrf: csrfOf(form.text), nik: person.nik, password, lanjut: '/' });
  if (res.status !== 303) throw new Error(`portal login ${person.name}: ${res.status} ${res.text.slice(0, 300)}`);
  return agent;
}

/** The value of a Set-Cookie header by cookie name, with its attributes. */
export function setCookieOf(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return all.find((c) => c.startsWith(`${name}=`));
}

/** startSuite, plus the satker user and the CSO signed in to the portal. */
export async function startPortalSuite() {
  const suite = await startSuite();
  const [satker, cso] = await Promise.all([
    portalLogin(suite.t, suite.w.satkerUser),
    portalLogin(suite.t, suite.w.cso),
  ]);
  return { ...suite, satker, cso };
}
