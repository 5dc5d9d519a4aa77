import { DrizzleQueryError } from 'drizzle-orm/errors';
import { CaseError } from '../../src/case/case-error';
import { loggableError, operatorMessage } from '../../src/observability/loggable-error';

const NIP = '197612242003121004';

/** A database error as the projection meets it: drizzle's wrapper round the driver's error with its SQL state. */
function aFailedInsert(): DrizzleQueryError {
  const driver = Object.assign(new Error(`new row for relation "rm_follow_ups" violates check constraint "refuse_all": Failing row contains (${NIP})`), {
    name: 'DatabaseError',
    code: '23514',
  });
  const batch = JSON.stringify([{ case_id: 'c-1', nip: NIP, name: 'Bambang Supriyadi' }]);
  return new DrizzleQueryError('INSERT INTO "rm_follow_ups" SELECT * FROM jsonb_populate_recordset(NULL::"rm_follow_ups", $1::jsonb)', [batch], driver);
}

describe('loggableError', () => {
  it('keeps a database error’s type and SQL states, and none of its message, query or parameters', () => {
    const error = aFailedInsert();
    expect(error.message).toContain(NIP); // what used to be logged
    const summary = loggableError(error);
    expect(summary).toEqual({ type: 'DrizzleQueryError', cause: { type: 'DatabaseError', code: '23514' } });
    expect(JSON.stringify(summary)).not.toMatch(/197612242003121004|Bambang|INSERT|rm_follow_ups/);
  });

  it('keeps the SQL state / Node code of an error that carries one itself', () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED 10.0.0.7:5432 ${NIP}`), { code: 'ECONNREFUSED' });
    expect(loggableError(refused)).toEqual({ type: 'Error', code: 'ECONNREFUSED' });
  });

  it('keeps the message of Netra’s own refusals, which name a field and never a value', () => {
    expect(loggableError(new CaseError('BAD_USER_INPUT', 'is not a valid NIP', 'respondents[0].nip'))).toEqual({
      type: 'CaseError',
      code: 'BAD_USER_INPUT',
      message: 'respondents[0].nip: is not a valid NIP',
    });
  });

  it('drops the message of any other error, and codes or names that are not identifiers', () => {
    const odd = Object.assign(new Error(NIP), { name: `Weird ${NIP} name`, code: `params: ${NIP}` });
    expect(loggableError(odd)).toEqual({ type: 'Error' });
    expect(loggableError(`failed for ${NIP}`)).toEqual({ type: 'string' });
    expect(loggableError(null)).toEqual({ type: 'null' });
  });
});

describe('operatorMessage (the command-line tools)', () => {
  it('withholds a failed statement, which quotes its parameters, and keeps what identifies the failure', () => {
    const line = operatorMessage(aFailedInsert());
    expect(line).not.toContain(NIP);
    expect(line).not.toContain('Bambang');
    expect(line).toContain('DrizzleQueryError');
    expect(line).toContain('23514');
  });

  it('keeps an ordinary error message, such as a wrong argument or a refused connection', () => {
    expect(operatorMessage(new Error('--group-by: REGIONS is not one of REGION, PROVINCE'))).toBe('--group-by: REGIONS is not one of REGION, PROVINCE');
    expect(operatorMessage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('connect ECONNREFUSED 127.0.0.1:5432');
  });
});
