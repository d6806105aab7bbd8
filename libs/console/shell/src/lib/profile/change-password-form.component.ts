import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import {
  AuthApi,
  AuthStore,
  FieldErrors,
  FieldErrorPipe,
  Notifier,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
  setServerError,
  statusOf,
} from '@consultorio/console/core';
import { ChangePasswordDto, PASSWORD_MIN_LENGTH, passwordProblems } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';

interface PasswordFormValue {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changes the signed-in user's password (`POST /auth/password`); other sessions end. */
@Component({
  selector: 'cs-change-password-form',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './change-password-form.component.html',
  styleUrl: './profile-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordFormComponent {
  private readonly store = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly notifier = inject(Notifier);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly username = computed(() => this.store.user()?.username ?? '');
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group(
    { currentPassword: '', newPassword: '', confirmPassword: '' },
    {
      validators: dtoValidator(ChangePasswordDto, {
        toDto: ({ currentPassword, newPassword }: PasswordFormValue) => ({ currentPassword, newPassword }),
        extra: (value: PasswordFormValue) => this.extraRules(value),
      }),
    },
  );

  protected async submit(formDirective: FormGroupDirective): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.changePassword({ currentPassword, newPassword }));
      formDirective.resetForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
      this.notifier.success('profile.passwordChanged');
    } catch (error) {
      if (applyProblemErrors(this.form, error)) return;
      const status = statusOf(error);
      if (status === 400 || status === 401 || status === 403 || status === 422) {
        setServerError(this.form.controls.currentPassword, 'wrongPassword');
      } else {
        this.notifier.failure(error);
      }
    } finally {
      this.saving.set(false);
    }
  }

  /** What the DTO cannot know: the user's own e-mail and username, and the repeated password. */
  private extraRules(value: PasswordFormValue): FieldErrors {
    const user = this.store.user();
    const errors: FieldErrors = {};
    const sameAsIdentity = passwordProblems(value.newPassword, {
      email: user?.email,
      username: user?.username,
    }).includes('sameAsIdentity');
    if (value.newPassword && sameAsIdentity) {
      errors['newPassword'] = { isAllowedPassword: { constraints: [], value: value.newPassword } };
    }
    if (value.confirmPassword !== value.newPassword) {
      errors['confirmPassword'] = { passwordMismatch: true };
    }
    return errors;
  }
}
