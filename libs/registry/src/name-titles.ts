/**
 * Titles written before (gelar depan) and after (gelar belakang) Indonesian names on SKs, letters and
 * forms, in their usual spelling. No maintained npm package lists them (searched: none for Indonesian
 * titles), so the list is kept here as data. Sources: Permenristekdikti No. 59 Tahun 2018 tentang
 * Ijazah, Sertifikat Kompetensi, Sertifikat Profesi, Gelar, dan Tata Cara Penulisan Gelar di
 * Perguruan Tinggi (its appendix of sarjana, magister, doktor and diploma titles), Kepmendiknas
 * No. 178/U/2001 (older forms still on SKs: Drs., Dra., Ir.), the professional designations of IAI
 * (Ak., CA) and the medical specialist titles of KKI (Sp.xx); religious: H., Hj., K.H.
 * Matching ignores case, dots and spaces inside a title ("S.Kom." = "SKom" = "S. Kom").
 */
export const FRONT_TITLES = [
  'Prof', 'Dr', 'dr', 'Drs', 'Dra', 'drg', 'drh', 'Ir', 'Ns', 'apt', 'Hc', 'H', 'Hj', 'KH', 'Ust', 'Ustz', 'Hajjah', 'Haji',
];

export const BACK_TITLES = [
  // Diploma (ahli madya, ahli pratama)
  'A.Md', 'A.Ma', 'A.P', 'A.Md.Kes', 'A.Md.Kep', 'A.Md.Keb', 'A.Md.Ak', 'A.Md.T', 'A.Md.Kom', 'A.Md.Par', 'A.Md.Farm', 'Amd',
  // Sarjana and sarjana terapan
  'S.E', 'S.H', 'S.Kom', 'S.T', 'S.Pd', 'S.Sos', 'S.Si', 'S.Ak', 'S.Ag', 'S.IP', 'S.I.P', 'S.IKom', 'S.I.Kom', 'S.Psi', 'S.Farm',
  'S.Ked', 'S.Kep', 'S.KM', 'S.Gz', 'S.P', 'S.Pt', 'S.Pi', 'S.Hut', 'S.TP', 'S.S', 'S.Sn', 'S.Ds', 'S.Hum', 'S.Th', 'S.Pd.I',
  'S.Pd.SD', 'S.H.I', 'S.E.I', 'S.Sy', 'S.Stat', 'S.Mat', 'S.Ars', 'S.AB', 'S.A.P', 'S.AP', 'S.Tr', 'S.Tr.Ak', 'S.Tr.Akt',
  'S.ST', 'S.Kel', 'S.KH', 'S.Keb', 'S.Ikom', 'S.Kes', 'S.Pol', 'S.Sos.I', 'S.Fil', 'S.M', 'S.Akt', 'S.Li', 'S.Komp', 'Lc',
  'B.Sc', 'B.A', 'BBA', 'B.Eng', 'B.Com',
  // Magister and doctor
  'M.Si', 'M.M', 'M.Ak', 'M.Kom', 'M.T', 'M.E', 'M.H', 'M.Hum', 'M.Pd', 'M.Sc', 'M.A', 'M.Ag', 'M.Kes', 'M.Acc', 'M.Eng',
  'M.Ec.Dev', 'M.P', 'M.PP', 'M.P.P', 'M.PA', 'M.P.A', 'MAP', 'M.AP', 'M.B.A', 'MBA', 'M.Tr', 'M.Tr.Ak', 'M.Kn', 'M.Psi',
  'M.Farm', 'M.Ked', 'M.Kep', 'M.Stat', 'M.Sos', 'M.I.Kom', 'M.IKom', 'M.Phil', 'M.Com', 'M.Fin', 'M.Econ', 'M.S', 'MSE',
  'M.E.I', 'M.H.I', 'M.Pd.I', 'M.Si.Han', 'M.Han', 'M.Sn', 'M.Ds', 'M.Ars', 'LL.M', 'MPP', 'MPA', 'MSc', 'MIDEc', 'MMSI',
  'Ph.D', 'PhD', 'D.Sc', 'DBA', 'Dipl.Ing', 'Dipl-Ing', 'Dipl.-Ing',
  // Professional designations
  'Ak', 'CA', 'CPA', 'CFA', 'CIA', 'CISA', 'QIA', 'CFrA', 'CRMP', 'CRMO', 'CSFA', 'ACCA', 'CMA', 'CGAP', 'CPMA', 'CPSAK',
  'CFP', 'PMP', 'Apt', 'Ners', 'Ns', 'Psikolog', 'M.Psi.Psikolog',
  // Medical specialists (KKI)
  'Sp.PD', 'Sp.A', 'Sp.OG', 'Sp.B', 'Sp.BS', 'Sp.JP', 'Sp.M', 'Sp.THT', 'Sp.THT-KL', 'Sp.KK', 'Sp.DV', 'Sp.S', 'Sp.N',
  'Sp.Rad', 'Sp.An', 'Sp.P', 'Sp.KJ', 'Sp.U', 'Sp.OT', 'Sp.PK', 'Sp.PA', 'Sp.F', 'Sp.GK', 'Sp.KG', 'Sp.Ort', 'Sp.Pros',
  'Sp.Perio', 'Sp.BM', 'Sp.RM', 'Sp.MK', 'Sp.Ak', 'Sp.KO', 'Sp.BP', 'Sp.BA', 'Sp.EM', 'Sp.FK', 'Sp.KN', 'Sp.Onk.Rad',
  'FINASIM', 'FIHA',
];
