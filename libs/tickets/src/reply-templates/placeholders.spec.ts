import { fillPlaceholders, unknownPlaceholders } from './placeholders';

describe('canned reply placeholders', () => {
  it('fills known placeholders once, leaving values unexpanded', () => {
    const text = 'Yth. {{nama_satker}}, tiket {{ nomor_tiket }} kami tangani ({{nama_petugas}}).';
    expect(
      fillPlaceholders(text, { nama_satker: 'Satker {{nomor_tiket}} <b>', nomor_tiket: 'T-1', nama_petugas: 'Rina' }),
    ).toBe('Yth. Satker {{nomor_tiket}} <b>, tiket T-1 kami tangani (Rina).');
  });

  it('fills a FAQ article placeholder by its slug', () => {
    expect(
      fillPlaceholders('Silakan baca {{artikel:reset-sandi}}.', {
        'artikel:reset-sandi': 'Reset sandi: https://loket/faq/reset-sandi',
      }),
    ).toBe('Silakan baca Reset sandi: https://loket/faq/reset-sandi.');
  });

  it('names the placeholders it does not know', () => {
    expect(unknownPlaceholders('{{nama_satker}} {{nama_satkr}} {{tenggat}} {{x_y}} {{x_y}}')).toEqual([
      'nama_satkr',
      'x_y',
    ]);
    expect(unknownPlaceholders('{{artikel:reset-sandi}} {{artikel:}} {{nama:reset}}')).toEqual(['nama:reset']);
  });
});
