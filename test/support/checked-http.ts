import supertest from 'supertest';
import { apiDocumentOf, reportOrThrow, type ApiDocument } from './openapi-validator';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options'] as const;

/**
 * supertest against `url`, with every /api/v1 answer held against the app's OpenAPI document: each
 * request gets one more assertion, so a mismatch fails the test that sent it.
 */
export async function checkedHttp(url: string): Promise<ReturnType<typeof supertest>> {
  const doc = await apiDocumentOf(url);
  return new Proxy(supertest(url), {
    get(agent, prop, receiver) {
      const value = Reflect.get(agent, prop, receiver);
      if (typeof prop !== 'string' || !(METHODS as readonly string[]).includes(prop)) return value;
      return (path: string) => withCheck((value as (p: string) => supertest.Test).call(agent, path), doc, prop, path);
    },
  });
}

function withCheck(test: supertest.Test, doc: ApiDocument, method: string, path: string): supertest.Test {
  const verb = method === 'del' ? 'delete' : method;
  return test.expect((res) => reportOrThrow(doc.problem(verb, path, res)));
}
