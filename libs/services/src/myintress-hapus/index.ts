import type { ServiceDefinition } from '../definition';
import { entry, machines } from './definition';
import { effects } from './effects';
import { filing } from './filing';

export const definition: ServiceDefinition = {
  ...entry,
  position: 30,
  machines,
  effects,
  filing,
  // The satker's request letter (to sign and attach), and the KPPN's confirmation at SELESAI.
  letters: ['surat-permintaan-penghapusan', 'konfirmasi-penghapusan'],
};
