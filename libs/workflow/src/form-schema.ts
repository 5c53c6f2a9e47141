import { NIK_PROBLEM_MESSAGES, nikProblem } from './nik';

export type FieldSpec =
  | { kind: 'text'; label: string; required: boolean; maxLength: number }
  | { kind: 'nik'; label: string; required: boolean }
  | { kind: 'email'; label: string; required: boolean }
  | { kind: 'phone'; label: string; required: boolean }
  | { kind: 'id'; label: string; required: boolean }
  | { kind: 'choice'; label: string; required: boolean; options: string[] }
  | { kind: 'list'; label: string; minItems: number; maxItems: number; item: FormSchema };

export type FormSchema = Record<string, FieldSpec>;

export interface FormProblem {
  field: string;
  code: string;
  message: string;
}

type Value = unknown;
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{6,18}[0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkScalar(spec: Exclude<FieldSpec, { kind: 'list' }>, field: string, value: Value): FormProblem | null {
  const problem = (code: string, message: string) => ({ field, code, message });
  if (value === undefined || value === null || value === '') {
    return spec.required ? problem('REQUIRED', `${spec.label} wajib diisi.`) : null;
  }
  if (spec.kind === 'nik') {
    const p = nikProblem(value);
    return p ? problem(`NIK_${p}`, NIK_PROBLEM_MESSAGES[p]) : null;
  }
  if (typeof value !== 'string') return problem('NOT_STRING', `${spec.label} harus berupa teks.`);
  if (spec.kind === 'text' && value.length > spec.maxLength) {
    return problem('TOO_LONG', `${spec.label} paling banyak ${spec.maxLength} karakter.`);
  }
  if (spec.kind === 'email' && (value.length > 254 || !EMAIL_PATTERN.test(value))) {
    return problem('INVALID_EMAIL', `${spec.label} bukan alamat e-mail yang valid.`);
  }
  if (spec.kind === 'id' && !UUID.test(value)) return problem('INVALID_ID', `${spec.label} bukan pengenal yang valid.`);
  if (spec.kind === 'choice' && !spec.options.includes(value)) {
    return problem('INVALID_CHOICE', `${spec.label} harus salah satu dari: ${spec.options.join(', ')}.`);
  }
  if (spec.kind === 'phone' && !PHONE_PATTERN.test(value)) {
    return problem('INVALID_PHONE', `${spec.label} bukan nomor telepon yang valid.`);
  }
  return null;
}

function checkObject(schema: FormSchema, input: Value, prefix: string): FormProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: prefix || 'form', code: 'NOT_OBJECT', message: 'Isian formulir harus berupa objek.' }];
  }
  const record = input as Record<string, Value>;
  const unknown = Object.keys(record)
    .filter((k) => !(k in schema))
    .map((k) => ({ field: prefix + k, code: 'UNKNOWN_FIELD', message: `Kolom '${prefix + k}' tidak dikenal.` }));
  const known = Object.entries(schema).flatMap(([name, spec]) => {
    const field = prefix + name;
    if (spec.kind !== 'list') return [checkScalar(spec, field, record[name])].filter((p): p is FormProblem => !!p);
    const list = record[name];
    if (!Array.isArray(list) || list.length < spec.minItems || list.length > spec.maxItems) {
      const message = `${spec.label} harus berisi ${spec.minItems} sampai ${spec.maxItems} entri.`;
      return [{ field, code: 'INVALID_LIST', message }];
    }
    return list.flatMap((item, i) => checkObject(spec.item, item, `${field}[${i}].`));
  });
  return [...unknown, ...known];
}

/** Checks a submitted form against its service's schema; unknown fields are problems, not ignored. */
export function validateForm(schema: FormSchema, input: Value): FormProblem[] {
  return checkObject(schema, input, '');
}
