import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';

/**
 * The show/hide button of a password field. Put it in the field as `matSuffix` and give the
 * field's input `[type]="toggle.inputType()"`, so the label, hints and errors stay the page's.
 */
@Component({
  selector: 'cs-password-toggle',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <button
      mat-icon-button
      type="button"
      [attr.aria-label]="(visible() ? 'login.hidePassword' : 'login.showPassword') | t"
      [attr.aria-pressed]="visible()"
      (click)="visible.set(!visible())"
    >
      <mat-icon>{{ visible() ? 'visibility_off' : 'visibility' }}</mat-icon>
    </button>
  `,
  // The button lays out as if it were the field's suffix itself.
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordToggleComponent {
  /** Whether the password shows as plain text. */
  protected readonly visible = signal(false);
  /** The `type` for the field's input. */
  readonly inputType = computed(() => (this.visible() ? 'text' : 'password'));
}
