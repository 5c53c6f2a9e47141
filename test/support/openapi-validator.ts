import { appendFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import supertest from 'supertest';
import { toJsonSchema } from './openapi-schema';

// Every answer the e2e suites receive from /api/v1 is held against the OpenAPI document the same app
// serves: the status must be documented for the operation, the content type declared for that status,
// and a JSON body must match its schema. A mismatch fails the request's test with the operation, the
// status and the schema error. OPENAPI_REPORT=<file> appends mismatches to that file (one JSON line
// each) instead of failing, to collect all of them while the document is being corrected.

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  responses: Record<string, { content?: Record<string, unknown> }>;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as text, when it was read as text. */
  text?: string;
  /** The parsed body (supertest's res.body). */
  body?: unknown;
}

export class ApiDocument {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly operations: Operation[] = [];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Record<string, any>) {
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(toJsonSchema(document), 'openapi');
    for (const [template, item] of Object.entries<Record<string, any>>(document.paths ?? {})) {
      const segments = template.split('/');
      const pattern = new RegExp(
        '^' +
          segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/') +
          '$',
      );
      for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']) {
        if (!item[method]) continue;
        const literalSegments = segments.filter((s) => !/^\{.+\}$/.test(s)).length;
        this.operations.push({ method, template, pattern, literalSegments, responses: item[method].responses ?? {} });
      }
    }
    // A literal segment wins over a parameter (/tickets/views before /tickets/{id}), as in the router.
    this.operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** What is wrong with this answer to `method path`, or null when the document describes it. */
  problem(method: string, url: string, answer: Answer): string | null {
    const path = url.split('?')[0];
    if (!path.startsWith('/api/v1/')) return null;
    const m = method.toLowerCase();
    const op = this.operations.find((o) => o.method === m && o.pattern.test(path));
    const name = `${method.toUpperCase()} ${op?.template ?? path}`;
    if (!op) return [404, 405].includes(answer.status) ? null : `${name}: no such operation in the document`;
    const key = String(answer.status);
    const response = op.responses[key] ?? op.responses.default;
    if (!response) {
      return `${name} answered ${key}, which is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
    }
    const contentType = String(answer.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    const declared = Object.keys(response.content ?? {});
    const hasBody = !!contentType && answer.status !== 204 && answer.status !== 304;
    if (!hasBody) {
      return declared.length && m !== 'head' ? `${name} answered ${key} without a body; documented: ${declared}` : null;
    }
    if (!declared.length) return `${name} answered ${key} with a ${contentType} body; documented without a body`;
    const mediaType = declared.find((d) => d === contentType || matchesRange(d, contentType));
    if (!mediaType) return `${name} answered ${key} as ${contentType}; documented: ${declared.join(', ')}`;
    if (!/json/.test(mediaType)) return null;
    const validate = this.validator(op, key in op.responses ? key : 'default', mediaType);
    if (validate(parsedBody(answer))) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
    return `${name} answered ${key}; the body does not match the documented schema:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(parsedBody(answer)).slice(0, 1500)}`;
  }

  private validator(op: Operation, status: string, mediaType: string): ValidateFunction {
    const pointer = ['paths', op.template, op.method, 'responses', status, 'content', mediaType, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const id = `openapi#/${pointer}`;
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.compile({ $ref: id });
      this.compiled.set(id, validate);
    }
    return validate;
  }
}

const matchesRange = (range: string, type: string) =>
  range === '*/*' || (range.endsWith('/*') && type.startsWith(range.slice(0, -1)));

function parsedBody(answer: Answer): unknown {
  if (typeof answer.text === 'string' && answer.text.length) {
    try {
      return JSON.parse(answer.text);
    } catch {
      return answer.text;
    }
  }
  return answer.body;
}

/** Fails the test (throws) or, with OPENAPI_REPORT set, records the mismatch and lets it pass. */
export function reportOrThrow(problem: string | null): void {
  if (!problem) return;
  const file = process.env.OPENAPI_REPORT;
  if (!file) throw new Error(`OpenAPI mismatch: ${problem}`);
  const { testPath, currentTestName } = expect.getState();
  appendFileSync(file, JSON.stringify({ suite: testPath ?? null, test: currentTestName ?? null, problem }) + '\n');
}

const documents = new Map<string, Promise<ApiDocument>>();

/** The document an app serves at /api/docs/openapi.json (fetched once per base URL). */
export function apiDocumentOf(baseUrl: string): Promise<ApiDocument> {
  let doc = documents.get(baseUrl);
  if (!doc) {
    // supertest rather than fetch: fetch keeps the connection alive and the suite's process with it.
    doc = supertest(baseUrl)
      .get('/api/docs/openapi.json')
      .then((res) => {
        if (res.status !== 200)
          throw new Error(`OpenAPI document: ${res.status} from ${baseUrl}/api/docs/openapi.json`);
        return new ApiDocument(res.body as Record<string, any>);
      });
    documents.set(baseUrl, doc);
  }
  return doc;
}
