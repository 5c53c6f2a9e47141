import { isRealDate } from '@loket/common';

export interface PeriodChoice {
  /** First day, inclusive (what the form shows). */
  dari: string;
  /** Last day, inclusive (what the form shows). */
  sampai: string;
  /** The service's half-open period. */
  from: string;
  to: string;
}

export type PeriodResult =
  { period: PeriodChoice; errors: null } | { period: PeriodChoice; errors: Record<string, string> };

const MAX_DAYS = 5 * 366;

export const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);

/** This calendar year on the WIB calendar, like the filing months the report counts in. */
export function thisYear(now: Date): PeriodChoice {
  const year = new Date(now.getTime() + 7 * 3600000).getUTCFullYear();
  return { dari: `${year}-01-01`, sampai: `${year}-12-31`, from: `${year}-01-01`, to: `${year + 1}-01-01` };
}

/** The period a supervisor chose (dari/sampai, both inclusive), this year when none; or what is wrong with it. */
export function choosePeriod(query: Record<string, unknown>, now: Date): PeriodResult {
  const fallback = thisYear(now);
  const dari = typeof query.dari === 'string' && query.dari ? query.dari : fallback.dari;
  const sampai = typeof query.sampai === 'string' && query.sampai ? query.sampai : fallback.sampai;
  const errors: Record<string, string> = {};
  if (!isRealDate(dari)) errors.dari = 'Tanggal awal harus tanggal yang nyata (HH/BB/TTTT).';
  if (!isRealDate(sampai)) errors.sampai = 'Tanggal akhir harus tanggal yang nyata (HH/BB/TTTT).';
  if (!errors.dari && !errors.sampai) {
    if (sampai < dari) errors.sampai = 'Tanggal akhir tidak boleh sebelum tanggal awal.';
    else if ((Date.parse(sampai) - Date.parse(dari)) / 86400000 >= MAX_DAYS)
      errors.sampai = 'Periode paling lama 5 tahun.';
  }
  if (Object.keys(errors).length)
    return { period: { ...fallback, dari: String(dari).slice(0, 10), sampai: String(sampai).slice(0, 10) }, errors };
  return { period: { dari, sampai, from: dari, to: nextDay(sampai) }, errors: null };
}

/** The months a period touches, YYYY-MM, oldest first. */
export function monthsOf(period: { from: string; to: string }): string[] {
  const months: string[] = [];
  const d = new Date(`${period.from.slice(0, 7)}-01T00:00:00Z`);
  while (d.toISOString().slice(0, 10) < period.to) {
    months.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return months;
}

const BULAN = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
export const monthLabel = (month: string): string => `${BULAN[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
