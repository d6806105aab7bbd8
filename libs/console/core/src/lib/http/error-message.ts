import { I18n } from '../i18n/i18n';
import { retryAfterSeconds, statusOf } from './problem';

/**
 * A sentence for the user about a failed API call, in the current language. Specific cases
 * (a wrong password, a duplicate e-mail) are handled by the caller; this covers the rest.
 */
export function errorMessage(i18n: I18n, error: unknown): string {
  const status = statusOf(error);
  if (status === null) return i18n.t('errors.unexpected');
  if (status === 0) return i18n.t('errors.network');
  if (status === 403) return i18n.t('errors.forbidden');
  if (status === 404) return i18n.t('errors.notFound');
  if (status === 409) return i18n.t('errors.conflict');
  if (status === 429) return i18n.t('errors.tooManyRequests', { seconds: retryAfterSeconds(error) ?? 60 });
  if (status >= 500) return i18n.t('errors.server');
  if (status === 400 || status === 422) return i18n.t('errors.invalid');
  return i18n.t('errors.unexpected');
}
