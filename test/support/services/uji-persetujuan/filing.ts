import { fail } from '@loket/common';
import type { FilingCheck } from '@loket/services';

export const filing: FilingCheck[] = [
  async ({ form }) => {
    if (form.alasan === 'Tanpa alasan')
      throw fail('VALIDATION_FAILED', [{ field: 'alasan', problems: ['Alasan ini tidak diterima.'] }]);
  },
];
