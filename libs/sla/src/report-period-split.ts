import type { ReportPeriod } from './report-scope';

const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
const nextMonth = (date: string): string => {
  const d = new Date(`${monthStart(date)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * A period as the whole months inside it (read from the summary) and the pieces of months at its
 * ends (computed from the tickets). Dates are calendar dates, on each office's own clock.
 */
export function splitPeriod(period: ReportPeriod): { whole: ReportPeriod | null; parts: ReportPeriod[] } {
  const first = period.from === monthStart(period.from) ? period.from : nextMonth(period.from);
  const end = monthStart(period.to);
  if (first >= end) return { whole: null, parts: [period] };
  const parts: ReportPeriod[] = [];
  if (period.from < first) parts.push({ from: period.from, to: first });
  if (end < period.to) parts.push({ from: end, to: period.to });
  return { whole: { from: first, to: end }, parts };
}
