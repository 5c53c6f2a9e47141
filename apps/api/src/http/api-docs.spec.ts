import { DECORATORS } from '@nestjs/swagger';
import { ApiCreatedOrReplayed, ApiErrors, ErrorBodyDto } from './api-docs';

type Responses = Record<string, { description: string; content?: Record<string, { schema: any }> }>;

const responsesOf = (decorator: MethodDecorator): Responses => {
  class Probe {
    handler() {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'handler')!;
  decorator(Probe.prototype, 'handler', descriptor);
  return Reflect.getMetadata(DECORATORS.API_RESPONSE, descriptor.value);
};

const codesOf = (r: Responses, status: number): string[] =>
  r[status].content!['application/json'].schema.allOf[1].properties.error.properties.code.enum;

describe('ApiErrors', () => {
  it('declares each status once, its codes as the enum of error.code and in the description', () => {
    const r = responsesOf(ApiErrors('TICKET_NOT_FOUND', 'ATTACHMENT_NOT_FOUND', 'STALE_VERSION', 'UNAUTHENTICATED'));
    expect(Object.keys(r).sort()).toEqual(['400', '401', '404', '409']);
    expect(codesOf(r, 404)).toEqual(['ATTACHMENT_NOT_FOUND', 'TICKET_NOT_FOUND']);
    expect(codesOf(r, 409)).toEqual(['STALE_VERSION']);
    expect(r[404].description).toContain('`TICKET_NOT_FOUND`: Tiket tidak ditemukan.');
    expect(r[404].content!['application/json'].schema.allOf[0].$ref).toBe(`#/components/schemas/${ErrorBodyDto.name}`);
  });

  it('adds what every route can answer (400 INVALID_TEXT, MALFORMED_JSON) and the stack codes of a status it shares', () => {
    const r = responsesOf(ApiErrors('FILE_TOO_LARGE'));
    expect(codesOf(r, 400)).toEqual(['INVALID_TEXT', 'MALFORMED_JSON']);
    expect(codesOf(r, 413)).toEqual(['FILE_TOO_LARGE', 'PAYLOAD_TOO_LARGE']);
  });
});

describe('ApiCreatedOrReplayed', () => {
  it('documents 201 and the replayed 200 with the same body', () => {
    const r = responsesOf(ApiCreatedOrReplayed(ErrorBodyDto));
    expect(r[201].content).toEqual(r[200].content);
  });
});
