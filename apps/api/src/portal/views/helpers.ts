import type Handlebars from 'handlebars';
import { maskNik } from '@loket/registry';

const WAKTU = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta',
});

/** Helpers of portal pages, beside the common ones (tanggal, upper, inc, link). */
export function registerPortalHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('waktu', (value: unknown) => {
    if (value === null || value === undefined) return '-';
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new Error(`waktu: not a date: ${String(value)}`);
    return `${WAKTU.format(date)} WIB`;
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('nikSamar', (nik: unknown) => (typeof nik === 'string' && nik.length === 16 ? maskNik(nik) : String(nik ?? '')));
  hb.registerHelper('ukuran', (bytes: unknown) => {
    const n = Number(bytes);
    if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
    if (n >= 1024) return `${Math.round(n / 1024).toLocaleString('id-ID')} KB`;
    return `${n} byte`;
  });
}

export const PORTAL_HELPERS = { waktu: true, eq: true, nikSamar: true, ukuran: true };
