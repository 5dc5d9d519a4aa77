import { actorFromClaims } from '../../src/auth/actor-claims';
import { CaseError } from '../../src/case/case-error';

describe('actor claims', () => {
  it('no token can act as Netra’s own deadline process', () => {
    expect(() => actorFromClaims({ sub: 'someone', agency: 'NETRA' })).toThrow(CaseError);
    expect(() => actorFromClaims({ sub: 'someone', agency: 'NETRA' })).toThrow(/agency claim must be one of BAWASLU, KASN, BKN, PPK, KEMENDAGRI, KEMENPANRB, OVERSIGHT, TNI, POLRI$/);
  });

  it('the agencies that sign in still do', () => {
    expect(actorFromClaims({ sub: 'bkn-1', agency: 'BKN' })).toEqual({ agency: 'BKN', region: null, userId: 'bkn-1' });
  });
});
