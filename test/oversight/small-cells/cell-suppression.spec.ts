import { publishedFigures, type CellFigure } from '../../../src/oversight/small-cells/cell-suppression';

/** A figure over persons numbered 0..: its members as a bit mask. */
const figure = (name: string, members: number[]): CellFigure => ({ name, mask: members.reduce((m, i) => m | (1n << BigInt(i)), 0n), size: members.length });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('small-cell suppression within one cell (threshold 5)', () => {
  it('a cell of fewer than 5 persons publishes nothing but its empty figures', () => {
    const published = publishedFigures([figure('total', range(0, 4)), figure('executed', range(0, 4)), figure('reported', [])], 5);
    expect([...published].sort()).toEqual(['reported']);
  });

  it('a figure whose complement in a published total is 1–4 persons is withheld, though it holds 5 or more', () => {
    // 12 persons: 9 executed, 3 reported. Publishing 9 would give away the 3 by subtraction.
    const published = publishedFigures([figure('total', range(0, 12)), figure('executed', range(0, 9)), figure('reported', range(9, 12))], 5);
    expect([...published].sort()).toEqual(['total']);
  });

  it('two parts of a total that are each large enough, and leave 5 or more, stay published', () => {
    const published = publishedFigures([figure('total', range(0, 15)), figure('executed', range(0, 5)), figure('reported', range(5, 10)), figure('decided', range(10, 15))], 5);
    expect([...published].sort()).toEqual(['decided', 'executed', 'reported', 'total']);
  });

  it('a family of disjoint parts leaving 1–4 is broken by withholding one more part (complementary suppression)', () => {
    // total 14 = 5 + 5 + 4: the 4 are withheld; then total − 5 − 5 = 4 would give them away.
    const figures = [figure('total', range(0, 14)), figure('a', range(0, 5)), figure('b', range(5, 10)), figure('c', range(10, 14))];
    const published = publishedFigures(figures, 5);
    expect(published.has('total')).toBe(true);
    expect(published.has('c')).toBe(false);
    expect(published.has('a') && published.has('b')).toBe(false);
  });

  it('a set inside a withheld one is withheld too, and so is a set equal to a withheld one', () => {
    // total 7 holding decided 6 holding acted-on 5; decided − acted on = 1 withholds acted on.
    const published = publishedFigures([figure('total', range(0, 7)), figure('decided', range(0, 6)), figure('actedOn', range(0, 5)), figure('stageExecuted', range(0, 5))], 5);
    expect(published.has('actedOn')).toBe(false);
    expect(published.has('stageExecuted')).toBe(false);
    // total − decided = 1 too: decided goes, and with it everything inside it.
    expect([...published]).toEqual(['total']);
  });
});
