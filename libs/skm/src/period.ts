import type { Semester } from './regulation';
import { SEMESTER_LABELS } from './regulation';

/** A survey period: a semester of a year, on the WIB calendar like every report period. */
export interface SkmPeriod {
  year: number;
  semester: Semester;
}

const WIB_OFFSET_MS = 7 * 3600 * 1000;

export function periodOf(at: Date): SkmPeriod {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return { year: wib.getUTCFullYear(), semester: wib.getUTCMonth() < 6 ? 1 : 2 };
}

/** The first instant of the period (00:00 WIB on 1 January or 1 July). */
export const periodStart = (p: SkmPeriod): Date =>
  new Date(Date.UTC(p.year, p.semester === 1 ? 0 : 6, 1) - WIB_OFFSET_MS);

/** The period before this one (the supervisor page opens on the last complete semester). */
export const previousPeriod = (p: SkmPeriod): SkmPeriod =>
  p.semester === 2 ? { year: p.year, semester: 1 } : { year: p.year - 1, semester: 2 };

export const periodLabel = (year: number, semester: Semester | null): string =>
  semester ? `Semester ${semester} (${SEMESTER_LABELS[semester]}) ${year}` : `Tahun ${year}`;
