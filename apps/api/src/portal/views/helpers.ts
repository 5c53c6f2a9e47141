import type Handlebars from 'handlebars';
import { zoneName } from '@loket/sla';

const formats = new Map<string, Intl.DateTimeFormat>();
/** "21 Nov 2026, 14.22" on the wall clock of `timeZone`. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone });
    formats.set(timeZone, f);
  }
  return f;
}

/** Helpers of portal pages, beside the common ones (tanggal, upper, inc, link). */
export function registerPortalHelpers(hb: typeof Handlebars): void {
  // {{waktu at}} in WIB, {{waktu at office.timeZone}} on the office's own clock (WITA in Gorontalo).
  hb.registerHelper('waktu', (value: unknown, ...rest: unknown[]) => {
    if (value === null || value === undefined) return '-';
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new Error(`waktu: not a date: ${String(value)}`);
    const timeZone = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : 'Asia/Jakarta';
    return `${wallClock(timeZone).format(date)} ${zoneName(timeZone)}`;
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ukuran', (bytes: unknown) => {
    const n = Number(bytes);
    if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
    if (n >= 1024) return `${Math.round(n / 1024).toLocaleString('id-ID')} KB`;
    return `${n} byte`;
  });
}

export const PORTAL_HELPERS = { waktu: true, eq: true, ukuran: true };
