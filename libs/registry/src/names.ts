/** Case, spacing and punctuation do not make two names different people. */
export const normaliseName = (name: string): string =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();

/** 3175********0001: enough to recognise a NIK, not enough to reuse it. */
export const maskNik = (nik: string): string => `${nik.slice(0, 4)}********${nik.slice(12)}`;
