import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Theme, TranslatePipe } from '@consultorio/console/core';

/** Switches between the light and the dark theme. */
@Component({
  selector: 'cs-theme-toggle',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe],
  template: `
    <button
      mat-icon-button
      data-testid="theme-toggle"
      [matTooltip]="(theme.isDark() ? 'toolbar.lightTheme' : 'toolbar.darkTheme') | t"
      [attr.aria-label]="(theme.isDark() ? 'toolbar.lightTheme' : 'toolbar.darkTheme') | t"
      (click)="theme.toggle()"
    >
      <mat-icon>{{ theme.isDark() ? 'light_mode' : 'dark_mode' }}</mat-icon>
    </button>
  `,
  styles: `
    button {
      color: inherit;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ThemeToggleComponent {
  protected readonly theme = inject(Theme);
}
