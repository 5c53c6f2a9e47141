import type Handlebars from 'handlebars';
import { formatDateTime } from '@loket/common';

/** Helpers of portal pages, beside the common ones (tanggal, upper, inc, link). */
export function registerPortalHelpers(hb: typeof Handlebars): void {
  // {{waktu at}} in WIB, {{waktu at office.timeZone}} on the office's own clock (WITA in Gorontalo).
  hb.registerHelper('waktu', (value: unknown, ...rest: unknown[]) => {
    if (value === null || value === undefined) return '-';
    return formatDateTime(
      value instanceof Date ? value : String(value),
      rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined,
    );
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
