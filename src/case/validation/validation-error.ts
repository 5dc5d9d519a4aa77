import { CaseError } from '../case-error';

/** What class-validator reports for one property (its ValidationError), as far as a refusal needs it. */
export interface InputProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: InputProblem[];
}

/** class-validator's nested errors as one CaseError naming the first offending field path. */
export function validationError(errors: InputProblem[]): CaseError {
  const [path, message, constraint] = firstProblem(errors, '');
  return new CaseError('BAD_USER_INPUT', message, path, { constraint }, 'value.invalid');
}

/** The path, the English words and class-validator's constraint name (e.g. `maxLength`) of the first problem. */
function firstProblem(errors: InputProblem[], prefix: string): [string, string, string] {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [constraint, text] = Object.entries(error.constraints)[0];
      return [path, text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text, constraint];
    }
    if (error.children?.length) return firstProblem(error.children, path);
  }
  return ['input', 'is not valid', 'unknown'];
}
