import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import {
  FieldErrorPipe,
  I18n,
  SERVER_ERROR_KEY,
  type RuleParams,
  type ServerFieldError,
} from '@consultorio/console/core';

/** Rules meaning "pick one of the offered values". */
const CHOICE_RULES = ['isUuid', 'isEnum', 'isIn', 'isTimeZone', 'isLocale', 'isISO4217CurrencyCode'];
const NUMBER_RULES = ['isInt', 'min', 'max'];

/** Key of the form-only rule "quiet hours start and end at different times". */
export const QUIET_HOURS_SAME_ERROR = 'quietHoursSame';

/** Key of the form-only rule "this currency has no decimals"; its value is the currency code. */
export const CURRENCY_DECIMALS_ERROR = 'currencyDecimals';

/**
 * Messages for the rules of the settings forms (numbers with limits, amounts, choices, names taken)
 * in the current language; anything else is worded by the console's `fieldError` pipe.
 */
@Pipe({ name: 'settingsFieldError', pure: false })
export class SettingsFieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);
  private readonly fallback = new FieldErrorPipe();

  transform(errors: ValidationErrors | null | undefined, field = ''): string {
    if (!errors) return '';
    const server = errors[SERVER_ERROR_KEY] as ServerFieldError | undefined;
    if (server) return this.serverMessage(server, errors, field);

    const rules = Object.keys(errors);
    const params = (rule: string) => (errors[rule] ?? {}) as Partial<RuleParams>;
    const value = params(rules[0] ?? '').value;
    const empty = value === null || value === undefined || value === '';
    const limit = (rule: string) => String(params(rule).constraints?.[0] ?? '');

    if (field === 'reminderOffsetsHours') {
      return rules.includes('arrayMaxSize')
        ? this.i18n.t('settings.validation.remindersMax', { max: limit('arrayMaxSize') })
        : this.i18n.t('settings.validation.reminders');
    }
    if (rules.includes(QUIET_HOURS_SAME_ERROR)) return this.i18n.t('settings.validation.quietHoursSame');
    if ((field === 'quietHoursStart' || field === 'quietHoursEnd') && rules.includes('matches')) {
      return this.i18n.t(empty ? 'validation.required' : 'settings.validation.clockTime');
    }
    if (field === 'taxRate' && rules.includes('matches')) {
      return this.i18n.t(empty ? 'validation.required' : 'settings.validation.taxRate');
    }
    if (field === 'price' && rules.includes('matches')) {
      return this.i18n.t(empty ? 'validation.required' : 'settings.validation.money');
    }
    if (rules.includes(CURRENCY_DECIMALS_ERROR)) {
      return this.i18n.t('settings.validation.noDecimals', {
        currency: String(errors[CURRENCY_DECIMALS_ERROR]),
      });
    }
    if (rules.some((rule) => CHOICE_RULES.includes(rule))) return this.i18n.t('validation.choice');
    if (rules.some((rule) => NUMBER_RULES.includes(rule))) {
      if (empty) return this.i18n.t('validation.required');
      if (rules.includes('isInt')) return this.i18n.t('settings.validation.integer');
      if (rules.includes('min')) return this.i18n.t('settings.validation.min', { min: limit('min') });
      return this.i18n.t('settings.validation.max', { max: limit('max') });
    }
    return this.fallback.transform(errors, field);
  }

  private serverMessage(server: ServerFieldError, errors: ValidationErrors, field: string): string {
    if (server.code === 'unique' && field === 'name') return this.i18n.t('settings.validation.nameTaken');
    if (server.code === 'unique' && field === 'code') return this.i18n.t('settings.validation.codeTaken');
    if (server.code === 'reference') return this.i18n.t('settings.validation.reference');
    return this.fallback.transform(errors, field);
  }
}
