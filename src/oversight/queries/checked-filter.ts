import { plainToInstance } from 'class-transformer';
import { validate } from '../../security/input-rules';
import { badInput, CaseError } from '../../case/case-error';
import { AGENCIES, ELECTION_KINDS, FOLLOW_UP_STATUSES, RESPONDENT_STAGES, VIOLATION_CODES } from '../../case/case-vocabulary';
import { RESPONDENT_KINDS } from '../../case/respondent-kinds';
import { validationError } from '../../case/validation/validation-error';
import { FollowUpFilter } from './filters.input';

/** The closed sets GraphQL's schema enforces on the filter's enum fields; transports without a schema check them here. */
const CLOSED_SETS: Partial<Record<keyof FollowUpFilter, readonly string[]>> = {
  electionKind: ELECTION_KINDS,
  violation: VIOLATION_CODES,
  waitingOn: AGENCIES,
  stage: RESPONDENT_STAGES,
  followUpStatus: FOLLOW_UP_STATUSES,
};

/**
 * A FollowUpFilter from values a transport has already typed (numbers, booleans, Dates), checked by
 * the rules GraphQL applies: its enums' closed sets and the input type's class-validator rules.
 * gRPC and the HTTP exports share it; a refusal names `${prefix}${field}`.
 */
export async function checkedFollowUpFilter(plain: Partial<Record<keyof FollowUpFilter, unknown>>, prefix = ''): Promise<FollowUpFilter> {
  for (const [field, allowed] of Object.entries(CLOSED_SETS)) {
    const value = plain[field as keyof FollowUpFilter];
    if (value !== undefined && !allowed.includes(value as string)) throw badInput(`${prefix}${field}`, `must be one of ${allowed.join(', ')}`, 'value.notOneOf', { allowed: allowed.join(',') });
  }
  const kinds = plain.respondentKinds;
  if (kinds !== undefined) {
    if (!Array.isArray(kinds)) throw badInput(`${prefix}respondentKinds`, 'must be a list', 'list.notList');
    kinds.forEach((kind, i) => {
      if (!RESPONDENT_KINDS.includes(kind)) throw badInput(`${prefix}respondentKinds[${i}]`, `must be one of ${RESPONDENT_KINDS.join(', ')}`, 'value.notOneOf', {
          allowed: RESPONDENT_KINDS.join(','),
        });
    });
  }
  const filter = plainToInstance(FollowUpFilter, plain);
  const errors = await validate(filter, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const error = validationError(errors);
    throw new CaseError('BAD_USER_INPUT', error.message.slice((error.field ?? '').length + 2), `${prefix}${error.field}`, error.params, error.key);
  }
  return filter;
}
