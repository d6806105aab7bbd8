import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/** Shows a field's error as soon as it is typed in (dirty), not only once it lost focus. */
export const AS_TYPED: ErrorStateMatcher = {
  isErrorState: (control: AbstractControl | null, form: FormGroupDirective | NgForm | null) =>
    !!control?.invalid && (control.dirty || control.touched || !!form?.submitted),
};
