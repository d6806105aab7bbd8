import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n, TranslationKey } from './i18n';

/**
 * Document titles from translation keys: a route's `title: 'nav.users'` becomes
 * "Usuarios · Consultorio", and follows a language switch.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly key = signal<TranslationKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const app = this.i18n.t('app.name');
      this.title.setTitle(key ? `${this.i18n.t(key)} · ${app}` : app);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as TranslationKey | undefined) ?? null);
  }
}
