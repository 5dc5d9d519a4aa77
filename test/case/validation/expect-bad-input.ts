import { CaseError } from '../../../src/case/case-error';

/** Runs `act` and asserts it was refused as BAD_USER_INPUT on `field` with a message matching `message`. */
export function expectBadInput(act: () => unknown, field: string, message: RegExp | string): CaseError {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CaseError);
  const error = thrown as CaseError;
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.field).toBe(field);
  expect(error.message).toMatch(message);
  return error;
}
