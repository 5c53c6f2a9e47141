/**
 * Placeholders a canned reply may use, with what a supervisor reads about each. The one place
 * placeholders are substituted: a new one (an article link, say) is a line here and a value in
 * ReplyTemplatesService.valuesFor.
 */
export const PLACEHOLDERS: Record<string, string> = {
  nama_satker: 'Nama satker yang mengajukan',
  kode_satker: 'Kode satker (6 angka)',
  nomor_tiket: 'Nomor tiket',
  layanan: 'Nama layanan',
  nama_petugas: 'Nama petugas yang membalas',
  kantor: 'Nama kantor yang menangani',
  tenggat: 'Tenggat penyelesaian tiket (tanggal dan jam)',
  batas_perbaikan: 'Batas pengiriman perbaikan bila perbaikan diminta sekarang (14 hari)',
  'artikel:<slug>': 'Judul dan tautan publik artikel FAQ, mis. {{artikel:reset-sandi-myintress}}',
};

// A name, or artikel:<slug> naming a FAQ article.
const PATTERN = /\{\{\s*([a-z_]+(?::[a-z0-9-]{1,80})?)\s*\}\}/g;

// `name:<slug>` is known when PLACEHOLDERS lists `name:<slug>` (a library above tickets supplies its values).
const known = (name: string) =>
  name in PLACEHOLDERS ||
  (/^[a-z_]+:[a-z0-9]+(-[a-z0-9]+)*$/.test(name) && `${name.split(':')[0]}:<slug>` in PLACEHOLDERS);

/**
 * Values for placeholders a library above tickets knows ({{artikel:<slug>}} of the knowledge base):
 * provided under PLACEHOLDER_SOURCE by that library, so tickets never imports it.
 */
export interface PlaceholderSource {
  values(names: string[], ticket: { officeId: string }): Promise<Record<string, string>>;
}
export const PLACEHOLDER_SOURCE = Symbol('PLACEHOLDER_SOURCE');

/** Every placeholder named in `text`, once each. */
export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]))];

/** Placeholders named in `text` that Loket does not know (a typo would otherwise reach the satker). */
export const unknownPlaceholders = (text: string): string[] => placeholdersIn(text).filter((name) => !known(name));

/**
 * Fills the placeholders in one pass: a value that itself looks like a placeholder (a satker named
 * "{{nomor_tiket}}") is copied as it is, never expanded again. The result is plain text; pages
 * escape it like any other text.
 */
export const fillPlaceholders = (text: string, values: Record<string, string>): string =>
  text.replace(PATTERN, (whole, name: string) => values[name] ?? whole);
