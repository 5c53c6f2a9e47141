import { BACK_TITLES, FRONT_TITLES } from './name-titles';

const unaccented = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** Case, spacing and punctuation do not make two names different people. */
export const normaliseName = (name: string): string =>
  unaccented(name)
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A title as matched: letters and digits only, upper case ("S.Kom." -> "SKOM"). */
const compact = (s: string) =>
  unaccented(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
const BACK = new Set(BACK_TITLES.map(compact));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
// A front title is its letters with optional dots between them, then at least one separator, so
// "H. Ahmad" and "Hj.Siti" lose the title while "Hasan" and "Irwan" keep their first letters.
const FRONT = new RegExp(
  `^(?:${[...new Set(FRONT_TITLES.map(compact))]
    .sort((a, b) => b.length - a.length)
    .map((t) => [...t].map(escape).join('\\.?'))
    .join('|')})(?:[.\\s,()]+)`,
  'i',
);

const allTitles = (segment: string) => {
  const words = segment.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && (BACK.has(compact(segment)) || words.every((w) => BACK.has(compact(w))));
};

/**
 * The name without gelar depan and gelar belakang, as Dukcapil writes it: "Dr. Ir. H. Ahmad Fauzi,
 * S.E., M.Si." -> "Ahmad Fauzi". After the first comma only titles are written, so those segments go
 * when every one is a known title (otherwise the comma was part of the name); then known titles are
 * taken off the front, and off the end word by word.
 * A name is never reduced to nothing: all-title input is returned as it came.
 */
export function withoutTitles(name: string): string {
  const [head, ...tail] = name.split(',');
  let rest = (tail.every(allTitles) ? head : name.replace(/,/g, ' ')).trim();
  for (let m = FRONT.exec(rest); m && m[0].length < rest.length; m = FRONT.exec(rest))
    rest = rest.slice(m[0].length).trim();
  const words = rest.split(/\s+/);
  while (words.length > 1 && BACK.has(compact(words[words.length - 1]))) words.pop();
  const left = words.join(' ');
  return compact(left) ? left : name.trim();
}

/** Two spellings of one person's name: same after titles, case, spacing and punctuation are set aside. */
export const sameName = (a: string, b: string): boolean =>
  normaliseName(withoutTitles(a)) === normaliseName(withoutTitles(b));

/** 3175********0001: enough to recognise a NIK, not enough to reuse it. */
export const maskNik = (nik: string): string => `${nik.slice(0, 4)}********${nik.slice(12)}`;
