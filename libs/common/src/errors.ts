import { ERROR_CATALOGUE, errorMessage, type ErrorCode, type ErrorParams } from './error-catalogue';

// Domain errors carry a stable English code, an HTTP status and a message in Bahasa Indonesia, all three
// from the error catalogue. The single exception filter turns them into
// `{ error: { code, message, details, requestId } }`.
export class DomainError extends Error {
  readonly status: number;

  /** Use `fail()`: it fills the message from the catalogue with typed parameters. */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = code;
    this.status = ERROR_CATALOGUE[code].status;
  }
}

/** After the code: its message parameters when its message has any, then optional details. */
export type FailArgs<C extends ErrorCode> = [ErrorParams<C>] extends [undefined]
  ? [details?: unknown]
  : [params: ErrorParams<C>, details?: unknown];

const takesParams = (code: ErrorCode): boolean => {
  const message: string | object = ERROR_CATALOGUE[code].message;
  return typeof message !== 'string' || /\{\w+\}/.test(message);
};

/**
 * The error for a catalogued code, to throw: `throw fail('TICKET_NOT_FOUND')`,
 * `throw fail('LOGO_TOO_LARGE', { max: 512 }, { field: 'logo' })`. An unknown code, or missing or
 * misspelt message parameters, do not compile.
 */
export function fail<C extends ErrorCode>(code: C, ...args: FailArgs<C>): DomainError {
  const [params, details] = takesParams(code) ? args : [undefined, args[0]];
  return new DomainError(code, errorMessage(code, params as Record<string, unknown> | undefined), details);
}
