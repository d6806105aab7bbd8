import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { ErrorStateMatcher, ShowOnDirtyErrorStateMatcher } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { MAT_ICON_DEFAULT_OPTIONS } from '@angular/material/icon';
import { TitleStrategy } from '@angular/router';
import { authInterceptor } from './auth/auth.interceptor';
import { I18n } from './i18n/i18n';
import { TranslatedTitleStrategy } from './i18n/translated-title.strategy';
import { Theme } from './theme/theme';

/**
 * Everything the console needs from this library: HTTP with the session interceptor, language
 * and theme applied before the first render, and Material defaults (icon font, outlined
 * fields, errors shown as the user types).
 */
export function provideConsoleCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withInterceptors([authInterceptor])),
    // The first render waits for the remembered language's texts (fetched when not Spanish).
    provideAppInitializer(() => {
      inject(Theme);
      return inject(I18n).ready;
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline', subscriptSizing: 'dynamic' },
    },
    { provide: ErrorStateMatcher, useClass: ShowOnDirtyErrorStateMatcher },
  ]);
}
