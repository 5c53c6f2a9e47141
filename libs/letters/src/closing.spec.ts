import { endsWithClosing } from './closing';

describe('endsWithClosing', () => {
  it.each([
    'Atas perhatian Saudara, kami ucapkan terima kasih.',
    'Demikian kami sampaikan.',
    'Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.',
    'Terima kasih.',
    'Atas perhatian dan kerja sama Bapak/Ibu, kami sampaikan terimakasih.',
  ])('sees a closing in "%s"', (last) => {
    expect(endsWithClosing(['Permohonan Saudara telah kami proses.', last])).toBe(true);
  });

  it.each([
    [['Permohonan Saudara telah kami proses.', 'Pengguna dapat masuk mulai hari ini.']],
    [['Terima kasih atas permohonan Saudara.', 'SK perlu ditandatangani ulang oleh KPA.']],
    [[]],
  ])('sees none when the last paragraph has none: %j', (paragraphs) => {
    expect(endsWithClosing(paragraphs)).toBe(false);
  });
});
