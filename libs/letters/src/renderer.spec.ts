import path from 'node:path';
import { TemplateRenderer } from './renderer';

const renderer = new TemplateRenderer(path.resolve('templates'));
const kantor = {
  name: 'KPPN Gorontalo',
  kanwilName: 'Kanwil DJPb Provinsi Gorontalo',
  city: 'Gorontalo',
  address: 'Jalan Nani Wartabone',
  contact: 'Telepon (0435) 821234',
  logo: '',
};
const satker = { code: '632118', name: 'Balai Wilayah Sungai Sulawesi II' };
const signer = { nama: 'Fitri Handayani', nip: '198501012010122001', jabatan: 'Kepala Kantor' };
const user = {
  nik: '7571016708950009',
  nama: 'Nur Aisyah Putri',
  nip: '-',
  telepon: '0812',
  email: 'nur@contoh.go.id',
  peran: 'Operator',
};

const LETTER_DATA: Record<string, object> = {
  tanggapan: {
    kantor,
    satker,
    tiket: { number: 'LKT-134-2026-000001', subject: 'x' },
    nomor: 'S-1/WPB.29/134/2026',
    tanggalSurat: '2026-11-21T03:00:00Z',
    sifat: 'Biasa',
    lampiran: '-',
    hal: 'Tanggapan',
    yth: 'KPA',
    paragraf: ['Satu.', 'Dua.'],
    penutupDariIsi: false,
    tembusan: ['Kepala Kanwil'],
    penandatangan: signer,
  },
  'konfirmasi-penghapusan': {
    kantor,
    satker,
    tiket: { number: 'LKT-1', subject: 'x' },
    nomor: 'S-2/WPB.29/134/2026',
    tanggalSurat: '2026-11-21T03:00:00Z',
    alasan: 'Pindah tugas',
    nomorSk: 'KEP-1',
    pengguna: [{ nama: 'Ali', nik: '7571********0001', status: 'Tidak Aktif' }],
    penandatangan: signer,
  },
  'sk-penunjukan': { satker, pengguna: [user], tanggalDibuat: '2026-11-21T03:00:00Z' },
  'surat-permintaan-penghapusan': {
    satker,
    kppn: { name: 'KPPN Gorontalo' },
    pengguna: [
      {
        nama: 'Ali',
        nik: '7571010101900001',
        nip: '-',
        peran: 'Operator',
        email: 'ali@contoh.go.id',
        status: 'Tidak Aktif',
      },
    ],
    tanggalDibuat: '2026-11-21T03:00:00Z',
  },
};

const EMAIL_DATA = {
  name: 'Nur Aisyah Putri',
  activationUrl: 'http://127.0.0.1:3000/aktivasi?token=abc',
  resetUrl: 'http://127.0.0.1:3000/reset?token=abc',
  expiresInHours: 48,
  ticketNumber: 'LKT-134-2026-000001',
  subject: 'Pendaftaran User MyIntress Tipe Satker BWS',
  officeName: 'KPPN Gorontalo',
  ticketUrl: 'http://127.0.0.1:3000/tiket/1',
  message: 'Mohon lengkapi SK.',
  reason: 'Formulir tidak lengkap.',
  satkerName: 'BWS',
  clockLabel: 'penyelesaian',
  dueAtLocal: '2026-11-22 10:00 WITA',
  what: 'Satker mengirim perbaikan',
};

describe('templates', () => {
  it('has every letter and e-mail the system sends', () => {
    expect(renderer.letterNames()).toEqual(Object.keys(LETTER_DATA).sort());
    expect(renderer.emailNames()).toEqual([
      'agent.satker-acted',
      'digipay.admin-active',
      'digit.activation',
      'membership.approved',
      'membership.rejected',
      'password.reset',
      'sla.breach',
      'sla.escalated',
      'sla.warning',
      'ticket.answered',
      'ticket.completed',
      'ticket.correction-requested',
      'ticket.expired',
      'ticket.filed',
      'ticket.rejected',
      'ticket.reopened',
    ]);
  });

  it.each(Object.entries(LETTER_DATA))('renders the letter %s with the Indonesian date', (name, data) => {
    const html = renderer.letter(name, data);
    expect(html).toContain('21 November 2026');
    expect(html).toContain(satker.name);
  });

  it.each(renderer.emailNames())('renders the e-mail %s as subject, text and HTML', (name) => {
    const mail = renderer.email(name, EMAIL_DATA);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.text).toContain('Nur Aisyah Putri');
    expect(mail.html).toContain('<p>Yth. Nur Aisyah Putri,</p>');
  });

  it('refuses to render with a missing variable instead of leaving a blank', () => {
    const { yth: _omitted, ...data } = LETTER_DATA.tanggapan as Record<string, unknown>;
    expect(() => renderer.letter('tanggapan', data)).toThrow(/yth/);
    const { reason: _missing, ...withoutReason } = EMAIL_DATA;
    expect(() => renderer.email('ticket.rejected', withoutReason)).toThrow(/reason/);
  });

  it('shows user text literally: no template injection, no markup', () => {
    const html = renderer.letter('sk-penunjukan', {
      ...LETTER_DATA['sk-penunjukan'],
      pengguna: [{ ...user, nama: '{{constructor}} <script>alert(1)</script>' }],
    });
    expect(html).toContain('{{constructor}} &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    const mail = renderer.email('ticket.answered', { ...EMAIL_DATA, message: '{{constructor.name}} <b>x</b>' });
    expect(mail.html).toContain('{{constructor.name}} &lt;b&gt;x&lt;/b&gt;');
    expect(mail.text).toContain('{{constructor.name}} <b>x</b>');
  });
});
