import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { FieldErrorPipe, I18n, SERVER_ERROR_KEY, type ServerFieldError } from '@consultorio/console/core';

/**
 * Messages for the rules of the patient form that say more than "invalid format" (document, phone,
 * birth date, a document already registered); anything else is worded by the `fieldError` pipe.
 */
@Pipe({ name: 'patientFieldError', pure: false })
export class PatientFieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly fallback = new FieldErrorPipe();

  transform(errors: ValidationErrors | null | undefined, field = ''): string {
    if (!errors) return '';
    const server = errors[SERVER_ERROR_KEY] as ServerFieldError | undefined;
    if (server?.code === 'unique' && field === 'documentNumber') {
      return this.i18n.t('patients.validation.documentTaken');
    }
    if (server) return this.fallback.transform(errors, field);
    if (errors['required']) return this.i18n.t('validation.required');
    if (field === 'documentNumber' && (errors['matches'] || errors['minLength'])) {
      return this.i18n.t('patients.validation.document');
    }
    if (field === 'phone' && errors['matches']) return this.i18n.t('patients.validation.phone');
    if (field === 'birthDate') return this.i18n.t('patients.validation.birthDate');
    if (errors['isUuid'] || errors['isEnum']) return this.i18n.t('validation.choice');
    return this.fallback.transform(errors, field);
  }
}
