import { CaseError } from '../../src/case/case-error';
import { WIB, WIT } from '../../src/case/time-zones';
import { codeList, dateCell, electionCell, nipCell, statusCell } from '../../src/import/cell-values';
import { parseCsv } from '../../src/import/read-register';
import { columnOfHeader } from '../../src/import/register-columns';

const keyOf = (read: () => unknown) => {
  try {
    read();
    return 'read';
  } catch (error) {
    return error instanceof CaseError ? `${error.key} ${error.field}` : String(error);
  }
};

describe('reading a register\'s cells', () => {
  it('reads dates as officers write them, on the wall clock of the unit\'s zone', () => {
    expect(dateCell('06/12/2024', 'receivedAt', WIB)).toBe('2024-12-06T00:00:00+07:00');
    expect(dateCell('6-12-2024 14.30', 'receivedAt', WIB)).toBe('2024-12-06T14:30:00+07:00');
    expect(dateCell('2024-12-06 09:05', 'receivedAt', WIT)).toBe('2024-12-06T09:05:00+09:00');
    expect(dateCell('Jumat, 6 Desember 2024', 'receivedAt', WIB)).toBe('2024-12-06T00:00:00+07:00');
    expect(dateCell('6 Agustus 2024 pukul 10.15 WIB', 'receivedAt', WIB)).toBe('2024-08-06T10:15:00+07:00');
    // An Excel date's UTC fields are what the officer typed.
    expect(dateCell(new Date(Date.UTC(2024, 11, 6, 2, 23)), 'issuedAt', WIB)).toBe('2024-12-06T02:23:00+07:00');
    expect(dateCell(45632, 'issuedAt', WIB)).toBe('2024-12-06T00:00:00+07:00');
    expect(keyOf(() => dateCell('besok pagi', 'studiedAt', WIB))).toBe('import.date studiedAt');
    expect(keyOf(() => dateCell('6 Dessember 2024', 'studiedAt', WIB))).toBe('import.date studiedAt');
  });

  it('maps the statuses registers write to the steps taken, and refuses one it does not know', () => {
    expect(statusCell(null)).toEqual({ outcome: null, recommended: false });
    expect(statusCell('Dalam Kajian')).toEqual({ outcome: null, recommended: false });
    expect(statusCell('Tidak  Memenuhi Unsur')).toEqual({ outcome: 'NO_VIOLATION', recommended: false });
    expect(statusCell('Diteruskan ke Gakkumdu')).toEqual({ outcome: 'FORWARDED', recommended: false });
    expect(statusCell('Direkomendasikan ke BKN')).toEqual({ outcome: 'VIOLATION', recommended: true });
    expect(keyOf(() => statusCell('Selesai'))).toBe('import.status status');
  });

  it('reads elections, violations by code or name, and NIPs as text', () => {
    expect(electionCell('Pilkada 2024', 'election')).toEqual({ kind: 'PILKADA', year: 2024 });
    expect(electionCell('PEMILU-2024', 'election')).toEqual({ kind: 'PEMILU', year: 2024 });
    expect(keyOf(() => electionCell('Pilpres 2024', 'election'))).toBe('import.election election');
    expect(codeList('Politik uang; SOCIAL_MEDIA_ENGAGEMENT\nMenggunakan fasilitas negara', 'violations', 'ViolationCode', ['VOTE_BUYING', 'SOCIAL_MEDIA_ENGAGEMENT', 'USING_STATE_FACILITIES'] as const)).toEqual([
      'VOTE_BUYING',
      'SOCIAL_MEDIA_ENGAGEMENT',
      'USING_STATE_FACILITIES',
    ]);
    expect(nipCell('19850330 201012 1 002')).toBe('198503302010121002');
    expect(nipCell("'198503302010121002")).toBe('198503302010121002');
    expect(keyOf(() => nipCell(198503302010121002))).toBe('import.nipAsNumber nip');
  });

  it('finds columns by the headers registers use, and reads semicolon CSV with quoted line breaks', () => {
    expect([columnOfHeader('Nama Terlapor'), columnOfHeader('NO.'), columnOfHeader('Tanggal Diterima'), columnOfHeader('nomor  rekomendasi'), columnOfHeader('Catatan')]).toEqual([
      'name',
      'no',
      'receivedAt',
      'letterNumber',
      undefined,
    ]);
    expect(parseCsv('a;"b;c";"d ""e""\r\nf"\r\n1;2;3\r\n', ';')).toEqual([
      ['a', 'b;c', 'd "e"\r\nf'],
      ['1', '2', '3'],
    ]);
  });
});
