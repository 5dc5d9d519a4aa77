import { decide } from '../../src/case/case';
import { capabilitiesOf } from '../../src/case/caller-capabilities';
import { initialState } from '../../src/case/case-state';
import { AGENCIES, type Agency } from '../../src/case/case-vocabulary';
import { reportCase } from './case-commands';
import { testContext } from './given';

/** Query.me: what the console's navigation and first page are drawn from, read from the same access table as the mutations. */
describe('what a caller may do besides the steps of a case', () => {
  const officers = AGENCIES.filter((a): a is Exclude<Agency, 'NETRA'> => a !== 'NETRA');

  it('only Bawaslu may open a case, national or regional', () => {
    expect(officers.filter((agency) => capabilitiesOf({ agency }).mayOpenCase)).toEqual(['BAWASLU']);
  });

  it.each(officers)('%s may open a case exactly when the decider accepts its report', (agency) => {
    const region = agency === 'BAWASLU' || agency === 'PPK' ? '16.73' : null;
    let refused: unknown = null;
    try {
      decide(reportCase({ by: { agency, region, userId: `${agency.toLowerCase()}-1` } }), initialState(), testContext);
    } catch (error) {
      refused = error;
    }
    if (refused !== null) expect((refused as { code?: string }).code).toBe('FORBIDDEN');
    expect(capabilitiesOf({ agency }).mayOpenCase).toBe(refused === null);
  });

  it('oversight, which takes no step, starts on the case list; every agency that takes a step starts on its queue', () => {
    expect(capabilitiesOf({ agency: 'OVERSIGHT' }).landing).toBe('CASES');
    expect(officers.filter((agency) => capabilitiesOf({ agency }).landing === 'QUEUE')).toEqual(officers.filter((a) => a !== 'OVERSIGHT'));
  });
});
