import { fill } from '../../src/console/web/i18n/fill';
import { MESSAGES_EN } from '../../src/console/web/i18n/messages-en';
import { MESSAGES_ID } from '../../src/console/web/i18n/messages-id';
import { DASHBOARD_TEXT_EN } from '../../src/console/web/i18n/dashboard-en';
import { TIMELINE_SENTENCES } from '../../src/case/timeline-sentences';

describe('the console fills its messages', () => {
  it('puts each value in its placeholder and leaves an unknown one visible', () => {
    expect(fill('Showing {shown} of {total}.', { shown: 20, total: 31 })).toBe('Showing 20 of 31.');
    expect(fill('Holiday {n}', {})).toBe('Holiday {n}');
  });

  it('agrees the English noun with its number: one, none and many', () => {
    expect(fill(MESSAGES_EN['import.confirm'], { rows: 1 })).toBe('Import 1 row');
    expect(fill(MESSAGES_EN['import.confirm'], { rows: 0 })).toBe('Import 0 rows');
    expect(fill(MESSAGES_EN['due.late'], { days: 1 })).toBe('1 day late');
    expect(fill(MESSAGES_EN['due.left'], { days: 12 })).toBe('12 days left');
    expect(fill(MESSAGES_EN['import.summary'], { rows: 1, toWrite: 1, cases: 1, problems: 0, already: 2 })).toBe(
      '1 row checked: 1 row can be imported (1 case), 0 rows have problems, 2 rows were imported before.',
    );
    expect(fill(MESSAGES_EN['import.written'], { cases: 2, commands: 1, problems: 1 })).toBe(
      'Recorded: 2 cases, 1 step. 1 row with problems was left out.',
    );
    expect(fill(DASHBOARD_TEXT_EN['ppk.more'], { shown: 10, total: 1 })).toContain('of 1 overdue PPK;');
  });

  it('leaves no English count in the "(s)" shorthand, and no plural form in Indonesian, which does not mark it', () => {
    const sentences = Object.values(TIMELINE_SENTENCES).map((s) => s.words as { id: Record<string, string>; en: Record<string, string> });
    const english = [...Object.values(MESSAGES_EN), ...Object.values(DASHBOARD_TEXT_EN), ...sentences.flatMap((w) => Object.values(w.en))];
    expect(english.length).toBeGreaterThan(Object.keys(MESSAGES_EN).length);
    expect(english.filter((text) => /\{\w+\}[^{]*\(s\)/.test(text))).toEqual([]);
    expect(Object.values(MESSAGES_ID).filter((text) => /\{\w+:[^}]*\|/.test(text))).toEqual([]);
  });
});
