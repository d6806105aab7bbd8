import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AuthApi,
  AuthStore,
  FieldErrorPipe,
  FieldErrors,
  I18n,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
  problemOf,
} from '@consultorio/console/core';
import { PasswordToggleComponent } from '@consultorio/console/ui';
import { ConfirmPasswordResetDto, PASSWORD_MIN_LENGTH } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { GuestFrameComponent } from '../guest/guest-frame.component';

interface NewPasswordFormValue {
  newPassword: string;
  confirmPassword: string;
}

/** The API's problem type for a link that is unknown, expired, replaced or used. */
const INVALID_TOKEN_TYPE = 'urn:consultorio:problem:invalid-reset-token';

/**
 * Chooses a new password with the token of a reset link (`/reset-password?token=…`), checked as
 * the user types with the API's own rules. Afterwards every session of the account has ended, so
 * the page forgets any session of this browser and goes to the login page.
 */
@Component({
  selector: 'cs-reset-password-page',
  imports: [
    FieldErrorPipe,
    GuestFrameComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    PasswordToggleComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './reset-password-page.component.html',
  styleUrl: '../guest/guest-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPageComponent {
  private readonly api = inject(AuthApi);
  private readonly store = inject(AuthStore);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  private readonly token = computed(() => this.query().get('token') ?? '');
  /** Set when the API refused the link. */
  private readonly refused = signal(false);
  /** Whether the link cannot be used: it has no token, or the API said it is invalid. */
  protected readonly linkInvalid = computed(() => !this.token() || this.refused());
  protected readonly submitting = signal(false);
  /** Why the last attempt failed, when it was not the link or a field (server down, throttled). */
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    { newPassword: '', confirmPassword: '' },
    {
      validators: dtoValidator(ConfirmPasswordResetDto, {
        toDto: ({ newPassword }: NewPasswordFormValue) => ({ token: this.token(), newPassword }),
        extra: ({ newPassword, confirmPassword }: NewPasswordFormValue): FieldErrors =>
          confirmPassword !== newPassword ? { confirmPassword: { passwordMismatch: true } } : {},
      }),
    },
  );

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const { newPassword } = this.form.getRawValue();
      await firstValueFrom(this.api.confirmPasswordReset({ token: this.token(), newPassword }));
      this.store.clear();
      await this.router.navigate(['/login'], { queryParams: { passwordChanged: 1 } });
    } catch (error) {
      if (problemOf(error)?.type === INVALID_TOKEN_TYPE) this.refused.set(true);
      else if (!applyProblemErrors(this.form, error)) this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
