import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import { AuthApi, AuthStore, I18n, LANGUAGE_KEYS, TranslatePipe } from '@consultorio/console/core';
import { Language } from '@consultorio/shared/contracts';

/** Switches the console's language; for a signed-in user it also becomes their preferred language. */
@Component({
  selector: 'cs-language-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule, TranslatePipe],
  template: `
    <button
      mat-button
      class="trigger"
      [matMenuTriggerFor]="menu"
      [matTooltip]="'toolbar.language' | t"
      [attr.aria-label]="('toolbar.language' | t) + ': ' + (languageKeys[i18n.language()] | t)"
      data-testid="language-menu"
    >
      <mat-icon>translate</mat-icon>
      <span class="code">{{ i18n.language() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (language of i18n.languages; track language) {
        <button
          mat-menu-item
          role="menuitemradio"
          [attr.aria-checked]="language === i18n.language()"
          [attr.lang]="language"
          [attr.data-testid]="'language-' + language"
          (click)="choose(language)"
        >
          <mat-icon>{{ language === i18n.language() ? 'check' : '' }}</mat-icon>
          <span>{{ languageKeys[language] | t }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .trigger {
      min-width: 0;
      color: inherit;
    }
    .code {
      text-transform: uppercase;
      font-weight: 500;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenuComponent {
  protected readonly i18n = inject(I18n);
  private readonly store = inject(AuthStore);
  private readonly authApi = inject(AuthApi);
  protected readonly languageKeys = LANGUAGE_KEYS;

  protected choose(language: Language): void {
    if (language === this.i18n.language()) return;
    void this.i18n.use(language);
    if (!this.store.isAuthenticated()) return;
    // Best effort: the switch already happened in this browser even if saving it fails.
    this.authApi.updateProfile({ preferredLanguage: language }).subscribe({
      next: (user) => this.store.updateUser(user),
      error: () => undefined,
    });
  }
}
