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
