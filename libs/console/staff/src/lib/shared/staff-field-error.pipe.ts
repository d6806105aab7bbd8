import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { FieldErrorPipe, I18n, SERVER_ERROR_KEY, type ServerFieldError } from '@consultorio/console/core';

/**
 * Messages for the doctor, schedule and holiday forms that say more than "invalid format"
 * (colour, fee, times, dates, a license already registered, ranges that overlap); anything else
 * is worded by the `fieldError` pipe.
 */
@Pipe({ name: 'staffFieldError', pure: false })
export class StaffFieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly fallback = new FieldErrorPipe();

  transform(errors: ValidationErrors | null | undefined, field = ''): string {
    if (!errors) return '';
    const server = errors[SERVER_ERROR_KEY] as ServerFieldError | undefined;
    if (server) {
      if (server.code === 'unique' && field === 'licenseNumber') {
        return this.i18n.t('staff.validation.licenseTaken');
      }
      if (server.code === 'unique' && field === 'userId') return this.i18n.t('staff.validation.userTaken');
      if (server.code === 'unique' && field === 'date') return this.i18n.t('staff.validation.holidayTaken');
      if (server.code === 'inUse' && field === 'locationIds') {
        return this.i18n.t('staff.validation.locationInUse');
      }
      if (server.code === 'doctorRole') return this.i18n.t('staff.validation.doctorRole');
      // Overlaps carry a sentence the page wrote in the user's language.
      if (server.code === 'overlap') return server.message;
      return this.fallback.transform(errors, field);
    }
    if (errors['required'] || errors['isNotEmpty']) return this.i18n.t('validation.required');
    if (errors['overlap']) return this.i18n.t('staff.validation.overlapSameDay');
    if (errors['timeOrder']) return this.i18n.t('staff.validation.timeOrder');
    if (errors['dateOrder']) return this.i18n.t('staff.validation.dateOrder');
    switch (field) {
      case 'color':
        return this.i18n.t('staff.validation.color');
      case 'consultationFee':
        return this.i18n.t('staff.validation.fee');
      case 'yearsExperience':
        return this.i18n.t('staff.validation.years');
      case 'start':
      case 'end':
        return this.i18n.t('staff.validation.time');
      case 'validFrom':
      case 'validTo':
      case 'date':
        return this.i18n.t('staff.validation.date');
    }
    if (errors['isUuid'] || errors['isEnum']) return this.i18n.t('validation.choice');
    if (errors['arrayMaxSize']) return this.i18n.t('staff.validation.tooMany');
    return this.fallback.transform(errors, field);
  }
}
