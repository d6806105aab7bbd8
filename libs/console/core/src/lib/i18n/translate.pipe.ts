import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n, TranslationKey, TranslationParams } from './i18n';

/**
 * `{{ 'nav.home' | t }}` or `{{ 'users.created' | t: { name } }}`. Impure on purpose: it reads
 * the language signal on every render, so templates follow a language switch at once.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
