import type { EntityManager } from 'typeorm';
import type { Actor } from '@loket/auth';
import type { CsvProblem, CsvRow } from '@loket/common';
import type { AdminScope } from '../admin-scope';

export const IMPORT_KINDS = ['offices', 'satkers', 'staff'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** What one import run needs to know besides its rows. */
export interface ImportContext {
  actor: Actor;
  scope: AdminScope;
  /** Written as the reason of every entity's audit row: which file changed it. */
  reason: string;
}

export interface ApplyCounts {
  created: number;
  updated: number;
}

/**
 * One kind of import: its columns, the checks of every row (format, references, scope) that produce
 * either a plan or the bad rows, and the set-based writes of a plan inside the caller's transaction.
 */
export interface Importer<Plan> {
  columns: { required: readonly string[]; optional: readonly string[] };
  check(em: EntityManager, rows: CsvRow[], ctx: ImportContext, problems: CsvProblem[]): Promise<Plan>;
  apply(em: EntityManager, plan: Plan, ctx: ImportContext): Promise<ApplyCounts>;
}

/** Reports the second of two rows with the same key; returns the rows that are first with their key. */
export function firstOfEachKey<T extends { line: number }>(
  rows: T[],
  keyOf: (r: T) => string,
  label: string,
  problems: CsvProblem[],
): T[] {
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const key = keyOf(r);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: r.line, problem: `${label} sama dengan baris ${earlier}` });
      return false;
    }
    seen.set(key, r.line);
    return true;
  });
}

/** An optional cell: absent column keeps the stored value, an empty cell clears it. */
export function optional(
  cells: Record<string, string>,
  column: string,
  stored: string | null | undefined,
): string | null {
  if (!(column in cells)) return stored ?? null;
  return cells[column] === '' ? null : cells[column];
}

export const outOfScope = (what: string) => `${what} tidak ditemukan atau di luar wewenang Anda`;
