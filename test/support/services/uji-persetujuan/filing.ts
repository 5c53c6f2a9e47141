import { unprocessable } from '@loket/common';
import type { FilingCheck } from '@loket/services';

export const filing: FilingCheck[] = [
  async ({ form }) => {
    if (form.alasan === 'Tanpa alasan') throw unprocessable('UJI_ALASAN_DITOLAK', 'Alasan ini tidak diterima.');
  },
];
