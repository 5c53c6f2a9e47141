import net from 'node:net';
import { apiDocumentOf, reportOrThrow } from './openapi-validator';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: any;
}

/**
 * One HTTP/1.1 request written byte for byte on a socket: what supertest cannot send (a declared
 * length the body never reaches, raw bytes in part headers, an undecodable path). The answer is held
 * against the app's OpenAPI document like every other (openapi-validator.ts).
 */
export async function rawRequest(
  baseUrl: string,
  head: string,
  body: Buffer = Buffer.alloc(0),
  opts: { contentLength?: number; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const doc = await apiDocumentOf(baseUrl);
  const res = await exchange(baseUrl, head, body, opts);
  const [method, target] = head.split(' ');
  reportOrThrow(doc.problem(method, target, { status: res.status, headers: res.headers, text: res.body }));
  return res;
}

function exchange(
  baseUrl: string,
  head: string,
  body: Buffer = Buffer.alloc(0),
  opts: { contentLength?: number; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const extra = Object.entries(opts.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(
        `${head}\r\nHost: x\r\n${extra}Content-Length: ${opts.contentLength ?? body.length}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(body);
      // A body shorter than its Content-Length: the client stops sending but keeps listening.
      if (opts.contentLength !== undefined && opts.contentLength > body.length) socket.end();
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const [statusLine, ...headerLines] = raw.subarray(0, split).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(
        headerLines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      let bytes: Buffer = raw.subarray(split + 4);
      if (headers['transfer-encoding'] === 'chunked') bytes = dechunk(bytes);
      const text = bytes.toString('utf8');
      let json: any = null;
      try {
        json = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: text, json });
    });
  });
}

function dechunk(bytes: Buffer): Buffer {
  const out: Buffer[] = [];
  let rest = bytes;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(out);
    out.push(rest.subarray(eol + 2, eol + 2 + size));
    rest = rest.subarray(eol + 2 + size + 2);
  }
}

/** A multipart/form-data body from raw parts: each part's header lines exactly as given. */
export function multipartBody(
  boundary: string,
  parts: { headers: string[]; content: Buffer | string }[],
  close = true,
): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`, 'utf8'));
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
