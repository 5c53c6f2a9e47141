/** A URL slug from a title: lower-case ASCII words joined by hyphens ("Cara Reset Sandi" -> "cara-reset-sandi"). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'artikel';
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
