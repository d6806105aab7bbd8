import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import {
  AuthApi,
  FieldErrorPipe,
  I18n,
  TranslatePipe,
  dtoValidator,
  errorMessage,
} from '@consultorio/console/core';
import { RequestPasswordResetDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { GuestFrameComponent } from '../guest/guest-frame.component';

/**
 * Asks for a password-reset e-mail. The API answers alike whether or not the address has an
 * account, and so does this page: it never says which.
 */
@Component({
  selector: 'cs-forgot-password-page',
  imports: [
    FieldErrorPipe,
    GuestFrameComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './forgot-password-page.component.html',
  styleUrl: '../guest/guest-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPageComponent {
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group(
    { email: '' },
    { validators: dtoValidator(RequestPasswordResetDto) },
  );
  protected readonly submitting = signal(false);
  /** Minutes the link is valid, once the request was accepted. */
  protected readonly sentForMinutes = signal<number | null>(null);
  /** Why the last request failed (server down, too many requests). */
  protected readonly failure = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const answer = await firstValueFrom(
        this.api.requestPasswordReset({ email: this.form.getRawValue().email.trim() }),
      );
      this.sentForMinutes.set(answer.expiresInMinutes);
    } catch (error) {
      this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
