import { assertCleanText, fail } from '@loket/common';

/** Multipart carries the form as JSON text; a JSON request carries it as an object. */
export function parseFormField(form: unknown): unknown {
  if (typeof form !== 'string') return form;
  let parsed: unknown;
  try {
    parsed = JSON.parse(form);
  } catch {
    throw fail('MALFORMED_FORM_JSON');
  }
  // JSON text in a multipart field can still spell NUL or a lone surrogate as an escape.
  assertCleanText({ form: parsed });
  return parsed;
}
