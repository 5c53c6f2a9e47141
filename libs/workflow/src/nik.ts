// NIK (Nomor Induk Kependudukan): province(2) regency(2) district(2) DDMMYY (women: day + 40)
// serial(4, not 0000). There is no check digit. Always a string: 16 digits exceed 2^53.
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

export type NikProblem = 'NOT_STRING' | 'NOT_16_DIGITS' | 'UNKNOWN_PROVINCE' | 'INVALID_BIRTH_DATE' | 'ZERO_SERIAL';

export const NIK_PROBLEM_MESSAGES: Record<NikProblem, string> = {
  NOT_STRING: 'NIK harus dikirim sebagai teks, bukan angka.',
  NOT_16_DIGITS: 'NIK harus terdiri dari 16 digit angka.',
  UNKNOWN_PROVINCE: 'Kode provinsi pada NIK tidak dikenal.',
  INVALID_BIRTH_DATE: 'Tanggal lahir pada NIK tidak valid.',
  ZERO_SERIAL: 'Nomor urut pada NIK tidak boleh 0000.',
};

function realDate(day: number, month: number, yy: number): boolean {
  const exists = (year: number) => {
    const d = new Date(Date.UTC(year, month - 1, day));
    return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
  };
  return month >= 1 && month <= 12 && day >= 1 && (exists(1900 + yy) || exists(2000 + yy));
}

export function nikProblem(value: unknown): NikProblem | null {
  if (typeof value !== 'string') return 'NOT_STRING';
  if (!/^\d{16}$/.test(value)) return 'NOT_16_DIGITS';
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return 'UNKNOWN_PROVINCE';
  let day = Number(value.slice(6, 8));
  if (day > 40) day -= 40;
  if (!realDate(day, Number(value.slice(8, 10)), Number(value.slice(10, 12)))) return 'INVALID_BIRTH_DATE';
  if (value.slice(12) === '0000') return 'ZERO_SERIAL';
  return null;
}

export const isValidNik = (value: unknown): value is string => nikProblem(value) === null;
