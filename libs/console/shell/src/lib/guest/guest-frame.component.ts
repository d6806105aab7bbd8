import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';
import { LanguageMenuComponent } from '../layout/language-menu.component';
import { ThemeToggleComponent } from '../layout/theme-toggle.component';

/**
 * The frame of the pages a visitor sees before signing in (login, forgotten password, new
 * password): language and theme in the corner, the brand, one card holding the page's content.
 * Style the projected content with `guest-card.scss`.
 */
@Component({
  selector: 'cs-guest-frame',
  imports: [LanguageMenuComponent, MatIconModule, ThemeToggleComponent, TranslatePipe],
  template: `
    <div class="corner-actions">
      <cs-language-menu />
      <cs-theme-toggle />
    </div>

    <main class="panel">
      <div class="brand">
        <span class="logo" aria-hidden="true"><mat-icon>medical_services</mat-icon></span>
        <div>
          <div class="brand-name">{{ 'app.name' | t }}</div>
          <div class="tagline">{{ 'app.tagline' | t }}</div>
        </div>
      </div>

      <section class="card" [attr.aria-labelledby]="labelledBy()">
        <ng-content />
      </section>

      <p class="footer">{{ 'login.footer' | t }}</p>
    </main>
  `,
  styleUrl: './guest-frame.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GuestFrameComponent {
  /** Id of the page's heading, which names the card. */
  readonly labelledBy = input.required<string>();
}
