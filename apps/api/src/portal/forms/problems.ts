import { DomainError } from '@loket/common';

/**
 * Where a refusal belongs on a form: per field (form problems by their path, event text by field
 * name, file problems by attachment kind), and what is left for the summary at the top.
 */
export function problemsOf(err: DomainError): Map<string, string> {
  const errors = new Map<string, string>();
  const details = err.details as unknown;
  if (Array.isArray(details)) {
    for (const d of details as Array<{ field?: string; message?: string; problems?: string[] }>) {
      if (d.field && (d.message || d.problems?.length)) errors.set(d.field, d.message ?? d.problems!.join(' '));
    }
  } else if (details && typeof details === 'object') {
    const d = details as { field?: string; missing?: string[] };
    if (d.field) errors.set(d.field, err.message);
    for (const kind of d.missing ?? []) errors.set(kind, 'Lampiran ini wajib diunggah.');
  }
  return errors;
}

/**
 * The text of a page's alert. A validation error carries the catalogue's general message and its
 * problems in `details`; when there is exactly one, the alert names it, since a page may have no field
 * to show it beside (the login form, the composer's action and visibility).
 */
export function summaryOf(err: DomainError): string {
  const details = err.details as Array<{ message?: unknown }> | undefined;
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(details) && details.length === 1) {
    const message = details[0]?.message;
    if (typeof message === 'string' && message) return message;
  }
  return err.message;
}
