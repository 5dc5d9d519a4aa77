import { csvField, csvLine } from '../../src/oversight/exports/csv';
import { parseCsv } from './exports-support';

describe('the CSV encoder', () => {
  it.each([
    ['Budi Santoso', 'Budi Santoso'],
    ['Dinas Pendidikan, Pemuda dan Olahraga', '"Dinas Pendidikan, Pemuda dan Olahraga"'],
    ['Kepala "Seksi"', '"Kepala ""Seksi"""'],
    ['baris satu\nbaris dua', '"baris satu\nbaris dua"'],
    ['akhir\r\n', '"akhir\r\n"'],
    ['', ''],
    ['Nama ąęś — 日本', 'Nama ąęś — 日本'],
  ])('writes %j as %j', (value, encoded) => {
    expect(csvField(value)).toBe(encoded);
  });

  it.each(['=1+1', '+62 812', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")'])(
    'defuses %j, which a spreadsheet would run as a formula, with a leading quote',
    (value) => {
      const [[cell]] = parseCsv(csvLine([value]));
      expect(cell).toBe(`'${value}`);
    },
  );

  it('leaves numbers, booleans and formula characters inside text alone, and null empty', () => {
    expect(csvLine([-3, 0.25, true, false, null, 'a=b', 'x-1'])).toBe('-3,0.25,true,false,,a=b,x-1\r\n');
  });

  it('ends every line with CRLF, so a parser reads the fields back exactly', () => {
    const rows = [['a,b', 'c"d', 'e\nf'], ['', 'g', '']];
    expect(parseCsv(rows.map(csvLine).join(''))).toEqual(rows);
  });
});
