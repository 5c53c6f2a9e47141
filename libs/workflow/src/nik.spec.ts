import { nikProblem } from './nik';

describe('nikProblem', () => {
  it.each([
    ['3175011708450001', null],
    ['3175015708450001', null], // woman: day 17 + 40
    ['7501012902000003', null], // 29 Feb 2000
    ['7501016902000003', null], // woman born 29 Feb 2000
  ])('accepts %s', (nik, expected) => expect(nikProblem(nik)).toBe(expected));

  it.each([
    [3175011708450001, 'NOT_STRING'],
    ['317501170845000', 'NOT_16_DIGITS'],
    ['31750117084500a1', 'NOT_16_DIGITS'],
    ['9975011708450001', 'UNKNOWN_PROVINCE'],
    ['3175013208450001', 'INVALID_BIRTH_DATE'], // day 32
    ['3175017208450001', 'INVALID_BIRTH_DATE'], // woman day 32
    ['3175011713450001', 'INVALID_BIRTH_DATE'], // month 13
    ['3175013102450001', 'INVALID_BIRTH_DATE'], // 31 Feb
    ['3175011708450000', 'ZERO_SERIAL'],
  ])('refuses %s as %s', (nik, expected) => expect(nikProblem(nik)).toBe(expected));
});
