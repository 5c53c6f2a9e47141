import { validateForm } from '@loket/workflow';
import { entry } from './definition';

const schema = entry.form;
const user = {
  nik: '3175011708450001',
  nama: 'Ali Akbar',
  telepon: '081234567890',
  email: 'ali@example.go.id',
  peran: 'Operator',
};

describe('validateForm', () => {
  it('accepts a complete registration with the optional NIP left out', () => {
    expect(validateForm(schema, { pengguna: [user] })).toEqual([]);
  });

  it('names each problem by its path', () => {
    const problems = validateForm(schema, {
      pengguna: [user, { ...user, nik: 3175011708450001, email: 'bukan-email', extra: 'x' }],
      status: 'SELESAI',
    });
    expect(problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'pengguna[1].email:INVALID_EMAIL',
      'pengguna[1].extra:UNKNOWN_FIELD',
      'pengguna[1].nik:NIK_NOT_STRING',
      'status:UNKNOWN_FIELD',
    ]);
  });

  it('requires at least one user and the mandatory fields', () => {
    expect(validateForm(schema, { pengguna: [] })[0].code).toBe('INVALID_LIST');
    const missing = validateForm(schema, { pengguna: [{ nik: user.nik }] }).map((p) => p.field);
    expect(missing).toEqual(['pengguna[0].nama', 'pengguna[0].telepon', 'pengguna[0].email', 'pengguna[0].peran']);
  });
});
