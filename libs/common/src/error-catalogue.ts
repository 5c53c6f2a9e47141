import { ACCESS_ERRORS } from './error-catalogue-access';
import { ADMIN_ERRORS } from './error-catalogue-admin';
import { HTTP_ERRORS } from './error-catalogue-http';
import { TICKET_ERRORS } from './error-catalogue-tickets';

/**
 * Every error code the API answers, once, with its HTTP status and its message in Bahasa Indonesia.
 * A message is a template whose `{name}` placeholders are filled from typed parameters, or, where one
 * code is refused for distinct causes, one template per `reason`. Specifics of a validation (which
 * field, which problem) travel in `details`, not in the message. Clients and the OpenAPI document
 * rely on code and status; the message may be reworded.
 */
export const ERROR_CATALOGUE = Object.freeze({
  ...HTTP_ERRORS,
  ...ACCESS_ERRORS,
  ...TICKET_ERRORS,
  ...ADMIN_ERRORS,
} satisfies Record<string, CatalogueEntry>);

// Each code once: a code in two parts would silently keep only the later one.
type Parts = [typeof HTTP_ERRORS, typeof ACCESS_ERRORS, typeof TICKET_ERRORS, typeof ADMIN_ERRORS];
type Shared<P extends unknown[]> = P extends [infer H, ...infer T]
  ? (keyof H & { [I in keyof T]: keyof T[I] }[number]) | Shared<T>
  : never;
const eachCodeOnce: [Shared<Parts>] extends [never] ? true : Shared<Parts> = true;
void eachCodeOnce;

export type ErrorCatalogue = typeof ERROR_CATALOGUE;
export type ErrorCode = keyof ErrorCatalogue;

export interface CatalogueEntry {
  /** HTTP status, 4xx or 5xx. */
  readonly status: number;
  /** A template, or one template per reason. */
  readonly message: string | Readonly<Record<string, string>>;
}

type Placeholders<S extends string> = S extends `${string}{${infer K}}${infer Rest}` ? K | Placeholders<Rest> : never;
type TemplateParams<S extends string> = [Placeholders<S>] extends [never]
  ? undefined
  : { readonly [K in Placeholders<S>]: string | number };
type ReasonParams<M, R extends keyof M & string> = M[R] extends string
  ? { readonly reason: R } & (TemplateParams<M[R]> extends undefined ? unknown : TemplateParams<M[R]>)
  : never;
type MessageParams<M> = M extends string
  ? TemplateParams<M>
  : { [R in keyof M & string]: ReasonParams<M, R> }[keyof M & string];

/** The parameters a code's message needs: undefined when it has none. */
export type ErrorParams<C extends ErrorCode> = MessageParams<ErrorCatalogue[C]['message']>;

/** The message templates of `code` (one, or one per reason), e.g. for documentation. */
export function messageTemplates(code: ErrorCode): string[] {
  const message: CatalogueEntry['message'] = ERROR_CATALOGUE[code].message;
  return typeof message === 'string' ? [message] : Object.values(message);
}

/** The message of `code` with its placeholders filled in. */
export function errorMessage(code: ErrorCode, params?: Record<string, unknown>): string {
  const message: CatalogueEntry['message'] = ERROR_CATALOGUE[code].message;
  const template = typeof message === 'string' ? message : message[String(params?.reason)];
  // An empty parameter (an unnamed calendar) leaves no double space behind.
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? '')).replace(/ {2,}/g, ' ');
}
