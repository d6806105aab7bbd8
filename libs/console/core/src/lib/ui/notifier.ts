import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { errorMessage } from '../http/error-message';
import { I18n, TranslationKey, TranslationParams } from '../i18n/i18n';

/** Short confirmations and failures at the bottom of the screen, in the current language. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  success(key: TranslationKey, params?: TranslationParams): void {
    this.snackBar.open(this.i18n.t(key, params), this.i18n.t('common.close'), { duration: 4000 });
  }

  /** Tells what went wrong with an API call. */
  failure(error: unknown): void {
    this.error(errorMessage(this.i18n, error));
  }

  error(message: string): void {
    this.snackBar.open(message, this.i18n.t('common.close'), { duration: 8000, politeness: 'assertive' });
  }
}
