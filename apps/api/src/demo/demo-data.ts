/** Demo offices, satkers and people for a newcomer's first start. All NIKs are fictitious. */
export const DEMO_OFFICES = [
  { code: 'PUSAT', kind: 'PUSAT', name: 'Kantor Pusat Direktorat Jenderal Perbendaharaan', timeZone: 'Asia/Jakarta', parent: null, city: 'Jakarta', address: 'Jalan Lapangan Banteng Timur No. 2-4, Jakarta Pusat' },
  { code: 'WPB.29', kind: 'KANWIL', name: 'Kanwil DJPb Provinsi Gorontalo', timeZone: 'Asia/Makassar', parent: null, city: 'Gorontalo', address: 'Jalan Sultan Botutihe, Kota Gorontalo' },
  { code: 'WPB.05', kind: 'KANWIL', name: 'Kanwil DJPb Provinsi Sumatera Selatan', timeZone: 'Asia/Jakarta', parent: null, city: 'Palembang', address: 'Jalan Kapten A. Rivai, Palembang' },
  { code: '134', kind: 'KPPN', name: 'KPPN Gorontalo', timeZone: 'Asia/Makassar', parent: 'WPB.29', city: 'Gorontalo', address: 'Jalan Nani Wartabone, Kota Gorontalo' },
  { code: 'PUSINTEK', kind: 'PUSINTEK', name: 'Pusat Sistem Informasi dan Teknologi Keuangan', timeZone: 'Asia/Jakarta', parent: null, city: 'Jakarta', address: 'Jalan Dr. Wahidin Raya No. 1, Jakarta Pusat' },
  { code: '073', kind: 'KPPN', name: 'KPPN Lubuk Linggau', timeZone: 'Asia/Jakarta', parent: 'WPB.05', city: 'Lubuk Linggau', address: 'Jalan Yos Sudarso, Lubuk Linggau' },
] as const;

export const DEMO_SATKERS = [
  { code: '632118', name: 'Balai Wilayah Sungai Sulawesi II Gorontalo', kppn: '134' },
  { code: '677520', name: 'Universitas Negeri Gorontalo', kppn: '134' },
  { code: '401877', name: 'Pengadilan Negeri Lubuk Linggau', kppn: '073' },
] as const;

type Staff = { office: string; role: 'CSO' | 'SUPERVISOR' | 'ADMIN' };
type Member = { satker: string; peran: string };

export const DEMO_PEOPLE: Array<{ nik: string; name: string; email: string; label: string; staff?: Staff[]; member?: Member }> = [
  { nik: '7571014505880001', name: 'Siti Rahmawati', email: 'siti.rahmawati@bws2.go.id', label: 'Satker BWS Sulawesi II', member: { satker: '632118', peran: 'Operator' } },
  { nik: '7571011203900002', name: 'Andi Pratama', email: 'andi.pratama@ung.ac.id', label: 'Satker Univ. Negeri Gorontalo', member: { satker: '677520', peran: 'Operator' } },
  { nik: '1673022208850003', name: 'Rudi Hartono', email: 'rudi.hartono@pn-lubuklinggau.go.id', label: 'Satker PN Lubuk Linggau', member: { satker: '401877', peran: 'Operator' } },
  { nik: '7571014101850004', name: 'Fitri Handayani', email: 'fitri.handayani@kemenkeu.go.id', label: 'CSO KPPN Gorontalo', staff: [{ office: '134', role: 'CSO' }] },
  { nik: '7571011506870005', name: 'Yusuf Mahmud', email: 'yusuf.mahmud@kemenkeu.go.id', label: 'CSO KPPN Gorontalo', staff: [{ office: '134', role: 'CSO' }] },
  { nik: '1673025010860006', name: 'Dewi Lestari', email: 'dewi.lestari@kemenkeu.go.id', label: 'CSO KPPN Lubuk Linggau', staff: [{ office: '073', role: 'CSO' }] },
  { nik: '7571012002800007', name: 'Hendra Wijaya', email: 'hendra.wijaya@kemenkeu.go.id', label: 'Supervisor KPPN Gorontalo', staff: [{ office: '134', role: 'SUPERVISOR' }] },
  { nik: '7571010303820008', name: 'Rahmat Hidayat', email: 'rahmat.hidayat@kemenkeu.go.id', label: 'CSO Kanwil Gorontalo', staff: [{ office: 'WPB.29', role: 'CSO' }] },
  { nik: '3171015502880013', name: 'Sari Wulandari', email: 'sari.wulandari@kemenkeu.go.id', label: 'Agen Service Desk Pusintek', staff: [{ office: 'PUSINTEK', role: 'CSO' }] },
  { nik: '7571011010790012', name: 'Bambang Sutrisno', email: 'bambang.sutrisno@kemenkeu.go.id', label: 'Admin Kantor Pusat (kalender)', staff: [{ office: 'PUSAT', role: 'ADMIN' }] },
];

/** Residents in the embedded Dukcapil registry who have no DIGIT identity yet: register them. */
export const DEMO_RESIDENTS = [
  { nik: '7571016708950009', name: 'Nur Aisyah Putri' },
  { nik: '7571011411930010', name: 'Muhammad Rizky Ramadhan' },
  { nik: '1673020707910011', name: 'Agus Salim' },
];
