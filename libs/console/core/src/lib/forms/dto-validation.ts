import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { SERVER_ERROR_KEY, serverErrorStillApplies } from './problem-errors';

/** A class-validator DTO class from the shared contracts, e.g. `CreateUserDto`. */
export type DtoClass<T extends object = object> = new () => T;

/** Errors of one field, keyed by the failed rule (e.g. `maxLength`), with the rule's parameters. */
export type FieldErrors = Record<string, ValidationErrors>;

/** Parameters of a failed rule, as read by the error messages. */
export interface RuleParams {
  /** The rule's constraint arguments from the DTO (e.g. `[120]` for `@MaxLength(120)`). */
  constraints: readonly unknown[];
  /** The value that failed. */
  value: unknown;
}

/**
 * Validates a plain value with a shared DTO class, exactly as the API's `ValidationPipe` does
 * (`plainToInstance` then `validateSync`), and returns the failed rules per field.
 */
export function validateWithDto<T extends object>(dto: DtoClass<T>, value: object): FieldErrors {
  const errors = validateSync(plainToInstance(dto, value), { forbidUnknownValues: false });
  const byField: FieldErrors = {};
  for (const error of errors) {
    if (!error.constraints) continue;
    const rules: ValidationErrors = {};
    for (const rule of Object.keys(error.constraints)) {
      rules[rule] = {
        constraints: ruleConstraints(dto, error.property, rule),
        value: error.value,
      } satisfies RuleParams;
    }
    byField[error.property] = rules;
  }
  return byField;
}

export interface DtoValidatorOptions<V> {
  /** Turns the form value into the request body (e.g. empty optional text into `undefined`). */
  toDto?: (value: V) => object;
  /** Rules the DTO cannot express, such as "both passwords match", as errors per field. */
  extra?: (value: V) => FieldErrors;
}

/**
 * A form-group validator that checks the whole value against a shared DTO class and puts each
 * field's failures on that field's control, so `<mat-error>` shows them as the user types.
 * Cross-field rules (a password that must not be the e-mail) re-run whenever any field changes.
 * Errors the API reported for a field (see `applyProblemErrors`) stay until that field is edited.
 */
export function dtoValidator<V extends object, T extends object>(
  dto: DtoClass<T>,
  options: DtoValidatorOptions<V> = {},
): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    if (!(control instanceof FormGroup)) return null;
    const value = control.getRawValue() as V;
    const errors = validateWithDto(dto, options.toDto ? options.toDto(value) : value);
    const extra = options.extra?.(value) ?? {};
    let invalid = false;
    for (const [name, child] of Object.entries(control.controls)) {
      const next: ValidationErrors = { ...errors[name], ...extra[name] };
      if (serverErrorStillApplies(child)) next[SERVER_ERROR_KEY] = child.errors?.[SERVER_ERROR_KEY];
      const hasErrors = Object.keys(next).length > 0;
      invalid ||= hasErrors;
      if (!sameErrors(child.errors, hasErrors ? next : null)) child.setErrors(hasErrors ? next : null);
    }
    return invalid ? { dto: true } : null;
  };
}

function ruleConstraints(dto: DtoClass, property: string, rule: string): readonly unknown[] {
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .find((item) => item.propertyName === property && item.name === rule);
  return metadata?.constraints ?? [];
}

/** Whether two error maps say the same, so unchanged controls do not emit status events. */
function sameErrors(current: ValidationErrors | null, next: ValidationErrors | null): boolean {
  if (current === null || next === null) return current === next;
  const keys = Object.keys(next);
  return (
    keys.length === Object.keys(current).length &&
    keys.every((key) => {
      const [a, b] = [current[key] as Partial<RuleParams>, next[key] as Partial<RuleParams>];
      return a === b || (!!a && !!b && a.value === b.value && a.constraints === b.constraints);
    })
  );
}
