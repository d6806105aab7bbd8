import { AbstractControl, FormGroup, ValidationErrors } from '@angular/forms';
import { problemOf } from '../http/problem';

/** Key under which a control keeps the error the API reported for it. */
export const SERVER_ERROR_KEY = 'server';

/** An API field error placed on a control. */
export interface ServerFieldError {
  /** The API's machine-readable rule, e.g. `unique`. */
  code: string;
  /** The API's message (English), shown when the console has no translation for `code`. */
  message: string;
  /** The control's value when the API rejected it; editing the field clears the error. */
  value: unknown;
}

/**
 * Puts the `errors[]` of an API problem (e.g. a 409 for an e-mail already in use) on the form's
 * controls. Returns whether any error found its field; the caller shows the others as a message.
 */
export function applyProblemErrors(form: FormGroup, error: unknown): boolean {
  const fieldErrors = problemOf(error)?.errors ?? [];
  let placed = false;
  for (const fieldError of fieldErrors) {
    const control = form.get(fieldError.field);
    if (!control) continue;
    setServerError(control, fieldError.code, fieldError.message);
    placed = true;
  }
  return placed;
}

/** Marks a control as rejected by the server (e.g. a wrong current password). */
export function setServerError(control: AbstractControl, code: string, message = ''): void {
  const serverError: ServerFieldError = { code, message, value: control.value };
  control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR_KEY]: serverError });
  control.markAsTouched();
}

/** Whether the control holds a server error for the value it still has. */
export function serverErrorStillApplies(control: AbstractControl): boolean {
  const serverError = (control.errors as ValidationErrors | null)?.[SERVER_ERROR_KEY] as
    ServerFieldError | undefined;
  return !!serverError && serverError.value === control.value;
}
