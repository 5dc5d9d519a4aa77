import { CaseError } from '../../../src/case/case-error';
import { MAX_QUERY_LENGTH, searchTerms } from '../../../src/oversight/search/search-terms';

function refusal(query: string): { code: string; field?: string; message: string } | null {
  try {
    searchTerms(query);
    return null;
  } catch (error) {
    const e = error as CaseError;
    return { code: e.code, field: e.field, message: e.message };
  }
}

describe('search terms', () => {
  it('a NIP typed with spaces, dots or dashes is one identifier', () => {
    expect(searchTerms('19870614 201003 2 007').digits).toBe('198706142010032007');
    expect(searchTerms('19870614-201003-2-007').digits).toBe('198706142010032007');
    expect(searchTerms('Sulastri').digits).toBeNull();
    expect(searchTerms('2024').digits).toBeNull(); // a year is no identifier
  });

  it('a letter number is compared without punctuation or case', () => {
    expect(searchTerms('B-1444/JP.01/04/2022').compact).toBe('b1444jp01042022');
    expect(searchTerms('b 1444 jp 01 04 2022').compact).toBe('b1444jp01042022');
    expect(searchTerms('R2').compact).toBeNull(); // too short to be part of a number
  });

  it('the words are kept as typed, spaces collapsed', () => {
    expect(searchTerms('  Budi   Santoso ').text).toBe('Budi Santoso');
  });

  it('an empty, blank, too long or signless query is refused naming the field', () => {
    for (const query of ['', '   ', 'x'.repeat(MAX_QUERY_LENGTH + 1), '--/--']) {
      expect(refusal(query)).toEqual({ code: 'BAD_USER_INPUT', field: 'query', message: expect.stringMatching(/^query: /) });
    }
    expect(refusal('x'.repeat(MAX_QUERY_LENGTH))).toBeNull();
  });
});
