import { CaseError } from '../case-error';

/** What class-validator reports for one property (its ValidationError), as far as a refusal needs it. */
export interface InputProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: InputProblem[];
}

/** class-validator's nested errors as one CaseError naming the first offending field path. */
export function validationError(errors: InputProblem[]): CaseError {
  const [path, message] = firstProblem(errors, '');
  return new CaseError('BAD_USER_INPUT', message, path);
}

function firstProblem(errors: InputProblem[], prefix: string): [string, string] {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${prefix}[${error.property}]` : prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const text = Object.values(error.constraints)[0];
      return [path, text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text];
    }
    if (error.children?.length) return firstProblem(error.children, path);
  }
  return ['input', 'is not valid'];
}
