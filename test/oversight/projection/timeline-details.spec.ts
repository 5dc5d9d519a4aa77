import { detailsView } from '../../../src/oversight/queries/row-mapping';
import { timelineDetails, withheldDetails } from '../../../src/oversight/projection/timeline-details';
import { caseReported, caseStudied, sanctionDecided, sanctionExecuted } from '../../case/case-fixtures';

/** A history line as data: what a client needs to word it in its own language, and no personal data. */
describe('timeline details', () => {
  it('a report names its respondents by id, its source and its handling unit with the region’s name', () => {
    const details = detailsView(timelineDetails(caseReported()));
    expect(details).toMatchObject({ respondentIds: ['R1', 'R2'], source: 'REPORT', handlingUnit: '16.73', handlingUnitName: 'Kota Lubuk Linggau', withheld: false });
    // Names, NIPs and the reporter stay in the case; the line carries none of them.
    expect(JSON.stringify(timelineDetails(caseReported()))).not.toMatch(/Hendra|Rina|\d{18}/);
  });

  it('a study gives each respondent’s outcome and proven violations as codes', () => {
    expect(timelineDetails(caseStudied({ R1: 'VIOLATION', R2: 'NO_VIOLATION' })).findings).toEqual([
      { respondentId: 'R1', outcome: 'VIOLATION', violations: [expect.any(String)] },
      { respondentId: 'R2', outcome: 'NO_VIOLATION', violations: [] },
    ]);
  });

  it('a decision and a decree give the sanction code, the deciding and executing agency and the PPK’s region', () => {
    expect(detailsView(timelineDetails(sanctionDecided()))).toMatchObject({
      actor: 'BKN',
      sanction: 'DEMOTION_12M',
      ppkTitle: 'Walikota Lubuk Linggau',
      ppkRegionCode: '16.73',
      ppkRegionName: 'Kota Lubuk Linggau',
    });
    expect(timelineDetails(sanctionExecuted())).toMatchObject({ actor: 'PPK', sanction: 'DEMOTION_12M', followUpStatus: 'AS_RECOMMENDED', decreeNumber: '800.1.6.4/117/BKPSDM/2024' });
  });

  it('a line about a respondent outside the caller’s region tells only that it is withheld', () => {
    expect(detailsView(withheldDetails('R2'))).toMatchObject({ respondentIds: ['R2'], withheld: true, sanction: null, ppkTitle: null, ppkRegionCode: null, letterNumber: null });
  });

  it('a line projected before details existed has none', () => {
    expect(detailsView(null)).toBeNull();
  });
});
