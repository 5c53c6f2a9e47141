import type { ArgumentsHost } from '@nestjs/common';
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { fail } from './errors';
import { ErrorFilter } from './error-filter';

function respond(exception: unknown) {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    headersSent: false,
    status(s: number) {
      sent.status = s;
      return this;
    },
    json(b: unknown) {
      sent.body = b;
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ id: 'req-1', method: 'GET', path: '/x' }) }),
  };
  new ErrorFilter().catch(exception, host as unknown as ArgumentsHost);
  return sent;
}

describe('ErrorFilter', () => {
  it('maps a domain error to its status and the common body', () => {
    expect(respond(fail('TICKET_NOT_FOUND'))).toEqual({
      status: 404,
      body: {
        error: { code: 'TICKET_NOT_FOUND', message: 'Tiket tidak ditemukan.', details: null, requestId: 'req-1' },
      },
    });
  });

  it('fills a message template and keeps the details', () => {
    expect(respond(fail('LOGO_TOO_LARGE', { max: 512 }, { field: 'logo' }))).toEqual({
      status: 413,
      body: {
        error: {
          code: 'LOGO_TOO_LARGE',
          message: 'Logo paling besar 512 KB.',
          details: { field: 'logo' },
          requestId: 'req-1',
        },
      },
    });
  });

  it('answers 503 when the database cannot be reached, so clients retry', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      driverError: { code: '57P01' },
    });
    expect(respond(refused).status).toBe(503);
    expect(respond(shutdown)).toMatchObject({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE' } } });
  });

  it('answers 503 when the connection of a transaction was lost half-way', () => {
    expect(respond(new QueryRunnerProviderAlreadyReleasedError())).toMatchObject({
      status: 503,
      body: { error: { code: 'SERVICE_UNAVAILABLE' } },
    });
  });

  it('hides anything unexpected behind a 500 without its details', () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(respond(new Error('secret 3175011708450001'))).toMatchObject({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', details: null } },
    });
    logged.mockRestore();
  });
});
