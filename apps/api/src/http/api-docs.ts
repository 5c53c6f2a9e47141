import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSecurity,
  getSchemaPath,
  type ContentObject,
  type HeadersObject,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { ERROR_CATALOGUE, messageTemplates, type ErrorCode } from '@loket/common';

// How the document describes what an operation answers. Every response is declared with its real
// status and content type, so the e2e suites can hold each answer against the document.

export class ErrorDto {
  @ApiProperty({ description: 'Kode galat yang stabil (bahasa Inggris)', example: 'TICKET_NOT_FOUND' })
  code!: string;

  @ApiProperty({ description: 'Pesan untuk pengguna, berbahasa Indonesia', example: 'Tiket tidak ditemukan.' })
  message!: string;

  @ApiPropertyOptional({
    description: 'Rincian menurut kode, mis. daftar kolom yang tidak valid; null bila tidak ada',
    anyOf: [
      { type: 'object', additionalProperties: true, nullable: true },
      { type: 'array', items: {}, nullable: true },
    ],
  })
  details?: unknown;

  @ApiProperty({ description: 'Id permintaan (sama dengan header X-Request-Id), untuk dilaporkan ke petugas' })
  requestId!: string;
}

export class ErrorBodyDto {
  @ApiProperty({ type: ErrorDto })
  error!: ErrorDto;
}

/** Codes any route can answer before its handler runs: a path or query that is not clean text, a body that is not JSON. */
const EVERYWHERE: readonly ErrorCode[] = ['INVALID_TEXT', 'MALFORMED_JSON'];

/**
 * Answered by the HTTP stack for every operation (declared once, on the whole document): a body over
 * the limit, an encoding it cannot read, a fault, the database out of reach.
 */
export const GLOBAL_ERRORS: readonly ErrorCode[] = [
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
];

export const statusOf = (code: ErrorCode): number => ERROR_CATALOGUE[code].status;

/** The error body whose `code` is one of `codes`. */
export function errorContent(codes: readonly ErrorCode[]): ContentObject {
  const schema: SchemaObject = {
    allOf: [
      { $ref: getSchemaPath(ErrorBodyDto) },
      { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: [...codes] } } } } },
    ],
  };
  return { 'application/json': { schema } };
}

/** A markdown list of the codes with their messages (placeholders such as {field} left as they are). */
const describeCodes = (codes: readonly ErrorCode[]) =>
  codes.map((c) => `- \`${c}\`: ${messageTemplates(c).join(' / ')}`).join('\n');

/** One response object per status, for the given codes (sorted, without duplicates). */
export function errorResponses(codes: readonly ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [...new Set(codes)].sort()) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

/**
 * Declares the error answers of an operation: the codes grouped by their HTTP status, each status
 * with the error body whose `code` is limited to that status's codes (listed in the description too).
 * The codes every route can answer are added here; those of the whole stack are on the document.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const groups = errorResponses([...EVERYWHERE, ...codes]);
  // A status the stack answers too (413) keeps the stack's codes beside the operation's own.
  for (const [status, group] of groups) {
    const extra = GLOBAL_ERRORS.filter((c) => statusOf(c) === status && !group.includes(c));
    if (extra.length) groups.set(status, [...group, ...extra].sort());
  }
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...[...groups].map(([status, group]) =>
      ApiResponse({ status, description: describeCodes(group), content: errorContent(group) }),
    ),
  );
}

/** The responses of the whole stack, for DocumentBuilder.addGlobalResponse. */
export const globalErrorResponses = () =>
  [...errorResponses(GLOBAL_ERRORS)].map(([status, group]) => ({
    status,
    description: describeCodes(group),
    content: errorContent(group),
  }));

/** An operation anyone may call: no credentials required (`security: [{}]`). */
export const ApiPublic = () => ApiSecurity({});

/** An operation that answers anyone, and says more to a signed-in caller (bearer token optional). */
export const ApiOptionalAuth = () => applyDecorators(ApiSecurity({}), ApiSecurity('bearer'));

/** A JSON body: a DTO class, `[Dto]` for an array of it, or `{ anyOf: [A, B] }` for either. */
type Body = Type<unknown> | [Type<unknown>] | { anyOf: Type<unknown>[] };

const modelsOf = (body: Body): Type<unknown>[] =>
  Array.isArray(body) ? [body[0]] : 'anyOf' in body ? body.anyOf : [body as Type<unknown>];

function jsonSchema(body: Body): SchemaObject | ReferenceObject {
  if (Array.isArray(body)) return { type: 'array', items: { $ref: getSchemaPath(body[0]) } };
  if ('anyOf' in body) return { anyOf: body.anyOf.map((t) => ({ $ref: getSchemaPath(t) })) };
  return { $ref: getSchemaPath(body as Type<unknown>) };
}

export interface SuccessOptions {
  description: string;
  json?: Body;
  /** Other content types the same status may answer with (downloads): 'text/csv', 'application/pdf'... */
  files?: string[];
  headers?: HeadersObject;
}

/** A success answer with its real status, JSON body and/or file content types. */
export function ApiSuccess(status: number, options: SuccessOptions): MethodDecorator & ClassDecorator {
  const content: ContentObject = {};
  if (options.json) content['application/json'] = { schema: jsonSchema(options.json) };
  for (const type of options.files ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
  const models = options.json ? modelsOf(options.json) : [];
  return applyDecorators(
    ApiExtraModels(...models),
    ApiResponse({
      status,
      description: options.description,
      headers: options.headers,
      ...(Object.keys(content).length ? { content } : {}),
    }),
  );
}

export const ApiOk = (json: Body, description = 'Berhasil') => ApiSuccess(200, { json, description });
export const ApiCreated = (json: Body, description = 'Dibuat') => ApiSuccess(201, { json, description });
export const ApiNoContent = (description = 'Berhasil, tanpa isi') => ApiSuccess(204, { description });

/** A download: the file in one of `types` (e.g. application/pdf, text/html, text/csv); 201 where a POST makes it. */
export const ApiDownload = (types: string[], description = 'Berkas untuk diunduh', status = 200) =>
  ApiSuccess(status, { files: types, description });

/**
 * A create that an Idempotency-Key makes safe to retry: 201 the first time, 200 with the same body
 * (and header Idempotent-Replayed: true) when the same request is repeated.
 */
export function ApiCreatedOrReplayed(json: Body, headers: HeadersObject = {}) {
  return applyDecorators(
    ApiSuccess(201, { json, description: 'Dibuat', headers }),
    ApiSuccess(200, {
      json,
      description: 'Permintaan yang sama diulang dengan Idempotency-Key yang sama: jawaban yang sama',
      headers: {
        ...headers,
        'Idempotent-Replayed': { description: 'true bila jawaban ini pengulangan', schema: { type: 'string' } },
      },
    }),
  );
}

/** What an upload can be refused for (upload.interceptor, the attachment checks), for `...UPLOAD_ERRORS`. */
export const UPLOAD_ERRORS: readonly ErrorCode[] = [
  'MALFORMED_MULTIPART',
  'FILE_TOO_LARGE',
  'TOO_MANY_FILES',
  'DUPLICATE_FILE_FIELD',
  'UNKNOWN_ATTACHMENT_KIND',
  'UNSUPPORTED_FILE_TYPE',
  'NOT_PDF',
  'EMPTY_FILE',
  'PDF_TRUNCATED',
  'PDF_ACTIVE_CONTENT',
  'NOT_IMAGE',
  'IMAGE_TRUNCATED',
];

/** Content types of a stored attachment (checked PDF, PNG or JPEG). */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** Acting for a satker named in the path (actingSatker): not one's own, not a satker user, dormant there. */
export const ACTING_SATKER_ERRORS: readonly ErrorCode[] = [
  'SATKER_NOT_FOUND',
  'NOT_A_SATKER_USER',
  'SATKER_NOT_ALLOWED',
  'MEMBERSHIP_DORMANT',
];

/** A generated letter or document: PDF, or the HTML it was printed from. */
export const DOCUMENT_TYPES = ['application/pdf', 'text/html'];
