/**
 * PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan
 * Publik) and its lampiran, as data. Read from these stored pages:
 *  - the regulation's text: https://puskaandriana.blogspot.com/2023/03/permenpan-no-14-th-2017-tentang-survey.html
 *  - the lampiran's questionnaire (profil: jenis kelamin, pendidikan SD..S3, pekerjaan PNS/TNI/POLRI/
 *    SWASTA/WIRAUSAHA/LAINNYA; each question with answers a-d scored 1-4):
 *    https://pdfcoffee.com/download/bagaimana-pendapat-saudara-tentang-kesesuaian-persyaratan-pelayanan-dengan-jenis-pelayananya-pdf-free.html
 *  - the lampiran's processing format (NRR per unsur = jumlah nilai per unsur / jumlah responden;
 *    NRR tertimbang = NRR x 0,111; IKM unit = jumlah NRR tertimbang x 25), the nine unsur and the
 *    mutu table applied: https://e-smile.tubaba.go.id/main/skm/laporan/online
 *  - the full table of nilai persepsi, nilai interval (1-4), nilai interval konversi (25-100), mutu and
 *    kinerja: https://fliphtml5.com/reidny/aaer/BUKU_KINERJA_BLU_BPPP_TEGAL_2024_Final_14_08_24/64
 *    (its "76,66" is a misprint of 76,60, as https://e-smile.tubaba.go.id/main/skm/laporan/online and
 *    https://dashboard.nganjukkab.go.id/menudataset/detail?data=MDBlYjkwMzMtMWYzNi00Y2EyLWE0NGQtOGYyOWYxMTM3NmE2 print it).
 */

export type ElementCode = 'U1' | 'U2' | 'U3' | 'U4' | 'U5' | 'U6' | 'U7' | 'U8' | 'U9';

export interface SkmElement {
  code: ElementCode;
  /** The unsur as the regulation names it. */
  name: string;
  /** The question of the lampiran's questionnaire. */
  question: string;
  /** Answers a-d, scored 1-4 (nilai persepsi). */
  answers: [string, string, string, string];
}

/** The nine unsur in the regulation's order (Pasal/lampiran "ruang lingkup"), with the questionnaire's wording. */
export const SKM_ELEMENTS: readonly SkmElement[] = [
  {
    code: 'U1',
    name: 'Persyaratan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U2',
    name: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    code: 'U3',
    name: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    code: 'U4',
    name: 'Biaya/tarif',
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    code: 'U5',
    name: 'Produk spesifikasi jenis pelayanan',
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    code: 'U6',
    name: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    code: 'U7',
    name: 'Perilaku pelaksana',
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    code: 'U8',
    name: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    code: 'U9',
    name: 'Sarana dan prasarana',
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
];

export const ELEMENT_CODES = SKM_ELEMENTS.map((e) => e.code);

/** The respondent profile the lampiran's questionnaire asks (plus umur, which SKM reports tabulate). */
export const JENIS_KELAMIN = { L: 'Laki-laki', P: 'Perempuan' } as const;
export const PENDIDIKAN = { SD: 'SD', SMP: 'SMP', SMA: 'SMA', D3: 'D1-D3-D4', S1: 'S1', S2: 'S2', S3: 'S3' } as const;
export const PEKERJAAN = {
  PNS: 'PNS',
  TNI: 'TNI',
  POLRI: 'POLRI',
  SWASTA: 'Swasta',
  WIRAUSAHA: 'Wirausaha',
  LAINNYA: 'Lainnya',
} as const;
export type JenisKelamin = keyof typeof JENIS_KELAMIN;
export type Pendidikan = keyof typeof PENDIDIKAN;
export type Pekerjaan = keyof typeof PEKERJAAN;
export const UMUR = { min: 17, max: 100 } as const;

/**
 * Each unsur weighs the same: "bobot nilai rata-rata tertimbang = jumlah bobot / jumlah unsur = 1/9",
 * printed as 0,111. The arithmetic uses 1/9 exactly, so a perfect score converts to 100,00 (the top of
 * the conversion table, and what the tubaba report shows for all-4 answers) and not to 99,90.
 */
export const ELEMENT_WEIGHT = 1 / SKM_ELEMENTS.length;
export const PRINTED_WEIGHT = 0.111;
/** "Untuk memudahkan interpretasi ... dikonversikan dengan nilai dasar 25": IKM unit x 25. */
export const CONVERSION_BASE = 25;

export type Mutu = 'A' | 'B' | 'C' | 'D';
export interface QualityBand {
  mutu: Mutu;
  kinerja: string;
  /** Nilai interval on the 1-4 scale, as printed (bounds inclusive; 4 decimals where the table has them). */
  interval: [number, number];
  /** Nilai interval konversi on the 25-100 scale, as printed. */
  converted: [number, number];
}

/**
 * The conversion table, best band first. The printed bands leave gaps (2,5996 | 2,60; 64,99 | 65,00):
 * a value belongs to the best band whose lower bound it reaches, so every value has exactly one band.
 */
export const QUALITY_BANDS: readonly QualityBand[] = [
  { mutu: 'A', kinerja: 'Sangat Baik', interval: [3.5324, 4.0], converted: [88.31, 100.0] },
  { mutu: 'B', kinerja: 'Baik', interval: [3.0644, 3.532], converted: [76.61, 88.3] },
  { mutu: 'C', kinerja: 'Kurang Baik', interval: [2.6, 3.064], converted: [65.0, 76.6] },
  { mutu: 'D', kinerja: 'Tidak Baik', interval: [1.0, 2.5996], converted: [25.0, 64.99] },
];

/** Semesters as SKM reports name them. */
export const SEMESTER_LABELS = { 1: 'Januari-Juni', 2: 'Juli-Desember' } as const;
export type Semester = 1 | 2;
