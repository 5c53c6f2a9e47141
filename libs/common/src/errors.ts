// Domain errors carry a stable English code, an HTTP status and a message in Bahasa Indonesia.
// The single exception filter turns them into `{ error: { code, message, details, requestId } }`.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = code;
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 400, message, details);
export const unauthorized = (message = 'Sesi tidak valid atau telah berakhir. Silakan masuk kembali.') =>
  new DomainError('UNAUTHENTICATED', 401, message);
export const forbidden = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 403, message, details);
export const notFound = (code: string, message: string) => new DomainError(code, 404, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 409, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 422, message, details);

export const ticketNotFound = () => notFound('TICKET_NOT_FOUND', 'Tiket tidak ditemukan.');
