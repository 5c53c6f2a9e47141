import { readCsv } from './csv';

const cols = { required: ['kode', 'nama'], optional: ['kota'] };
const read = (text: string | Buffer) => readCsv(Buffer.isBuffer(text) ? text : Buffer.from(text), cols);

describe('readCsv', () => {
  it('reads what Excel writes in an Indonesian locale: BOM, semicolons, CRLF, quotes', () => {
    const t = read('\uFEFFKode;Nama\r\n1;"Satu; dan dua"\r\n2;"Kata ""kutip"""\r\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      { line: 2, cells: { kode: '1', nama: 'Satu; dan dua' } },
      { line: 3, cells: { kode: '2', nama: 'Kata "kutip"' } },
    ]);
  });

  it('numbers rows by the line they start on, across quoted line breaks, CRLF and empty lines', () => {
    const t = read('kode,nama,kota\r\n1,"dua\r\nbaris",X\r\n\r\n2,é,Y\r\n3,tiga\r\n4,"é\né",Z');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5, 7]);
    expect(t.problems).toEqual([{ line: 6, problem: 'harus tepat 3 kolom, ada 2' }]);
  });

  it('refuses an unknown or incomplete header, an unclosed quote and text that is not UTF-8', () => {
    expect(() => read('kode,alamat\n1,x\n')).toThrow(/Baris pertama CSV/);
    expect(() => read('kode,nama\n1,"x\n')).toThrow(/tanda kutip/);
    expect(() => read(Buffer.from('kode,nama\n1,caf\xe9\n', 'latin1'))).toThrow(/UTF-8/);
  });
});
