import { badRequest } from '@loket/common';

/** Multipart carries the form as JSON text; a JSON request carries it as an object. */
export function parseFormField(form: unknown): unknown {
  if (typeof form !== 'string') return form;
  try {
    return JSON.parse(form);
  } catch {
    throw badRequest('MALFORMED_FORM_JSON', "Kolom 'form' harus berisi JSON yang valid.");
  }
}
