import type { Actor } from '@loket/auth';
import { createValidationPipe, DomainError } from '@loket/common';
import type { FieldView } from '../forms/form-model';
import { problemsOf } from '../forms/problems';

const pipe = createValidationPipe();

/** Anyone holding an admin role somewhere: the Administrasi menu entry. */
export const isAdmin = (a: Actor) => a.staff.some((s) => s.role === 'ADMIN');

/**
 * A posted form checked by the same DTO as the REST endpoint: blank inputs count as not given, listed
 * checkboxes become booleans, and the CSRF token and submit names are not data.
 */
export async function formDto<T extends object>(
  cls: new () => T,
  body: Record<string, unknown>,
  booleans: string[] = [],
  drop: string[] = [],
): Promise<T> {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body ?? {})) {
    if (k === '_csrf' || drop.includes(k) || booleans.includes(k)) continue;
    if (typeof v === 'string' && v.trim() !== '') plain[k] = v.trim();
  }
  for (const k of booleans) plain[k] = body?.[k] === 'ya';
  return (await pipe.transform(plain, { type: 'body', metatype: cls })) as T;
}

export interface FormState {
  values: Record<string, string>;
  errors: Map<string, string>;
  error: { code: string; message: string } | null;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({
  values,
  errors: new Map(),
  error: null,
});

/** A refused form shown again: what was typed, each problem at its field, the rest in the summary. */
export function refusedForm(err: unknown, body: Record<string, unknown>): FormState {
  if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err;
  const values = Object.fromEntries(
    Object.entries(body ?? {}).filter(([k, v]) => k !== '_csrf' && typeof v === 'string'),
  ) as Record<string, string>;
  return { values, errors: problemsOf(err), error: { code: err.code, message: err.message } };
}

interface FieldOptions {
  required?: boolean;
  type?: FieldView['inputType'];
  hint?: string;
  options?: string[];
  maxLength?: number;
  numeric?: boolean;
}

/** One input of an admin form, in the shape of the portal's field partial. */
export function field(state: FormState, name: string, label: string, o: FieldOptions = {}): FieldView {
  const value = state.values[name] ?? '';
  return {
    id: `f-${name}`,
    name,
    label,
    required: !!o.required,
    inputType: o.type ?? 'text',
    value,
    error: state.errors.get(name) ?? null,
    maxLength: o.maxLength ?? null,
    numeric: !!o.numeric,
    hint: o.hint ?? null,
    options: (o.options ?? []).map((v) => ({ value: v, selected: v === value })),
    multiline: false,
  };
}

/** Only short, known notices travel in the query string after a redirect. */
export const okMessage = (q: Record<string, unknown>, messages: Record<string, string>): string | null =>
  typeof q.ok === 'string' && messages[q.ok] ? messages[q.ok] : null;
