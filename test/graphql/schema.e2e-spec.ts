import { readFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../../src/graphql/print-schema';
import { startTestNetra, type RunningNetra } from '../support/netra-app';

describe('the public GraphQL schema', () => {
  let netra: RunningNetra;
  beforeAll(async () => (netra = await startTestNetra()));
  afterAll(() => netra.close());

  it('is exactly the committed src/schema.graphql (run `npm run schema` and commit after a deliberate change)', () => {
    expect(printedSchema(netra.app)).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('names the operations of CONTRACT.md', () => {
    const schema = printedSchema(netra.app);
    for (const name of ['reportCase(', 'recordStudy(', 'issueRecommendation(', 'decideSanction(', 'recordSanctionExecution(', 'declareFollowUpImpossible(', 'case(', 'cases(', 'followUps(', 'followUpSummary(']) {
      expect(schema).toContain(name);
    }
  });
});
