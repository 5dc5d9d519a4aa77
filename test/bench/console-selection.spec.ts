import { MUTATIONS } from '../../src/console/web/api/documents';
import { CONSOLE_CASE_FIELDS } from '../../src/bench/console-selection';

describe("the bench's GraphQL mutations ask back what the console asks", () => {
  it('CONSOLE_CASE_FIELDS is the selection of every case mutation in src/console/web/api/documents.ts', () => {
    const selection = (document: string) => document.slice(document.indexOf('{', document.indexOf('(input: $input)')) + 1, document.lastIndexOf('}', document.lastIndexOf('}') - 1)).trim();
    for (const name of ['reportCase', 'recordStudy', 'issueRecommendation', 'decideSanction', 'recordSanctionExecution', 'declareFollowUpImpossible'] as const) {
      expect(selection(MUTATIONS[name])).toBe(CONSOLE_CASE_FIELDS.trim());
    }
  });
});
