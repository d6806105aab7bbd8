import { Pipe, PipeTransform, inject } from '@angular/core';
import { ValidationErrors } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from '@consultorio/shared/contracts';
import { I18n, TranslationKey } from '../i18n/i18n';
import type { RuleParams } from './dto-validation';
import { SERVER_ERROR_KEY, type ServerFieldError } from './problem-errors';

/** Which failure to show first when a field breaks several rules. */
const PRECEDENCE = [
  SERVER_ERROR_KEY,
  'isNotEmpty',
  'isDefined',
  'isString',
  'isEmail',
  'minLength',
  'maxLength',
  'matches',
  'isEnum',
  'isIn',
  'isAllowedPassword',
  'passwordMismatch',
];

/** Field-specific messages, looked up before the generic ones. */
const FIELD_MESSAGES: Readonly<Record<string, TranslationKey>> = {
  'username.matches': 'validation.usernamePattern',
  'email.unique': 'validation.emailTaken',
  'username.unique': 'validation.usernameTaken',
};

const RULE_MESSAGES: Readonly<Record<string, TranslationKey>> = {
  isNotEmpty: 'validation.required',
  isDefined: 'validation.required',
  isEmail: 'validation.email',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  matches: 'validation.pattern',
  isEnum: 'validation.choice',
  isIn: 'validation.choice',
  passwordMismatch: 'validation.passwordMismatch',
  unique: 'validation.unique',
  wrongPassword: 'validation.wrongPassword',
  // Sent by the API only when the password is the e-mail or username (the length is checked here).
  isAllowedPassword: 'validation.passwordIdentity',
};

/**
 * The message for a control's errors in the current language:
 * `<mat-error>{{ form.controls.email.errors | fieldError: 'email' }}</mat-error>`.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(errors: ValidationErrors | null | undefined, field = ''): string {
    if (!errors) return '';
    const rules = Object.keys(errors);
    const rule = PRECEDENCE.find((name) => rules.includes(name)) ?? rules[0];
    if (!rule) return '';
    if (rule === SERVER_ERROR_KEY) return this.serverMessage(errors[rule] as ServerFieldError, field);
    return this.ruleMessage(rule, errors[rule] as Partial<RuleParams> | true, field);
  }

  private ruleMessage(rule: string, params: Partial<RuleParams> | true, field: string): string {
    const constraints = params === true ? [] : (params.constraints ?? []);
    if (rule === 'isAllowedPassword') {
      const value = params === true ? '' : params.value;
      const lengthOk = typeof value === 'string' && passwordProblems(value).length === 0;
      return lengthOk
        ? this.i18n.t('validation.passwordIdentity')
        : this.i18n.t('validation.passwordLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
    }
    if (rule === 'isString' && (params === true || !params.value)) return this.i18n.t('validation.required');
    const key = FIELD_MESSAGES[`${field}.${rule}`] ?? RULE_MESSAGES[rule] ?? 'validation.invalid';
    return this.i18n.t(key, { min: String(constraints[0] ?? ''), max: String(constraints[0] ?? '') });
  }

  private serverMessage(error: ServerFieldError, field: string): string {
    const key = FIELD_MESSAGES[`${field}.${error.code}`] ?? RULE_MESSAGES[error.code];
    // Length rules need their limits, which only the API's own message carries.
    if (key && !/Length$/.test(error.code)) return this.i18n.t(key);
    return error.message || this.i18n.t('validation.invalid');
  }
}
