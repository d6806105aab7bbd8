import type { ValidationError } from 'class-validator';
import type { FieldError } from '@consultorio/shared/contracts';
import { ProblemException } from './problem.exception';

/** Flattens nested class-validator errors into `{ field, code, message }` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message: code === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return own.concat(flattenValidationErrors(error.children ?? [], field));
  });
}

/** `exceptionFactory` of the global ValidationPipe: one 400 problem listing every field. */
export function validationProblem(errors: ValidationError[]): ProblemException {
  const fieldErrors = flattenValidationErrors(errors);
  return new ProblemException({
    status: 400,
    slug: 'validation',
    title: 'Bad Request',
    detail: `The request has ${fieldErrors.length} invalid field${fieldErrors.length === 1 ? '' : 's'}.`,
    errors: fieldErrors,
  });
}
