/**
 * Demo people for a newcomer's first start. All NIKs are fictitious. Offices, satkers and staff roles
 * come from the CSV files in ./csv through the bulk import; this file adds what an import does not
 * hold: who logs in as what, the satker users' memberships, and Dukcapil residents.
 */
type Member = { satker: string; peran: string };

export const DEMO_PEOPLE: Array<{ nik: string; name: string; email: string; label: string; member?: Member }> = [
  {
    nik: '7571014505880001',
    name: 'Siti Rahmawati',
    email: 'siti.rahmawati@bws2.go.id',
    label: 'Satker BWS Sulawesi II',
    member: { satker: '632118', peran: 'Operator' },
  },
  {
    nik: '7571011203900002',
    name: 'Andi Pratama',
    email: 'andi.pratama@ung.ac.id',
    label: 'Satker Univ. Negeri Gorontalo',
    member: { satker: '677520', peran: 'Operator' },
  },
  {
    nik: '1673022208850003',
    name: 'Rudi Hartono',
    email: 'rudi.hartono@pn-lubuklinggau.go.id',
    label: 'Satker PN Lubuk Linggau',
    member: { satker: '401877', peran: 'Operator' },
  },
  {
    nik: '7571014101850004',
    name: 'Fitri Handayani',
    email: 'fitri.handayani@kemenkeu.go.id',
    label: 'CSO KPPN Gorontalo',
  },
  { nik: '7571011506870005', name: 'Yusuf Mahmud', email: 'yusuf.mahmud@kemenkeu.go.id', label: 'CSO KPPN Gorontalo' },
  {
    nik: '1673025010860006',
    name: 'Dewi Lestari',
    email: 'dewi.lestari@kemenkeu.go.id',
    label: 'CSO KPPN Lubuk Linggau',
  },
  {
    nik: '7571012002800007',
    name: 'Hendra Wijaya',
    email: 'hendra.wijaya@kemenkeu.go.id',
    label: 'Supervisor KPPN Gorontalo',
  },
  {
    nik: '7571010303820008',
    name: 'Rahmat Hidayat',
    email: 'rahmat.hidayat@kemenkeu.go.id',
    label: 'CSO Kanwil Gorontalo',
  },
  {
    nik: '3171015502880013',
    name: 'Sari Wulandari',
    email: 'sari.wulandari@kemenkeu.go.id',
    label: 'Agen Service Desk Pusintek',
  },
  {
    nik: '7571011010790012',
    name: 'Bambang Sutrisno',
    email: 'bambang.sutrisno@kemenkeu.go.id',
    label: 'Admin Kantor Pusat',
  },
];

/** The Kantor Pusat admin who exists before any import (a real installation creates its first admin the same way). */
export const DEMO_FIRST_ADMIN = DEMO_PEOPLE[DEMO_PEOPLE.length - 1];

/** Residents in the embedded Dukcapil registry who have no DIGIT identity yet: register them. */
export const DEMO_RESIDENTS = [
  { nik: '7571016708950009', name: 'Nur Aisyah Putri' },
  { nik: '7571011411930010', name: 'Muhammad Rizky Ramadhan' },
  { nik: '1673020707910011', name: 'Agus Salim' },
];
