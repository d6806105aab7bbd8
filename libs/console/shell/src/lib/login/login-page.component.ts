import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AuthSession,
  FieldErrorPipe,
  I18n,
  TranslatePipe,
  dtoValidator,
  errorMessage,
  retryAfterSeconds,
  statusOf,
} from '@consultorio/console/core';
import { PasswordToggleComponent } from '@consultorio/console/ui';
import { LoginDto } from '@consultorio/shared/contracts';
import { map, takeWhile, timer } from 'rxjs';
import { GuestFrameComponent } from '../guest/guest-frame.component';

/** Sign-in with e-mail or username and password. */
@Component({
  selector: 'cs-login-page',
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
  templateUrl: './login-page.component.html',
  styleUrl: '../guest/guest-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPageComponent {
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly form = inject(NonNullableFormBuilder).group(
    { login: '', password: '' },
    { validators: dtoValidator(LoginDto) },
  );
  protected readonly submitting = signal(false);
  /** Message of the last failed attempt (wrong credentials, server down). */
  private readonly failure = signal<string | null>(null);
  /** Seconds left before the server accepts another attempt after a 429. */
  protected readonly waitSeconds = signal(0);

  protected readonly sessionExpired = computed(() => this.query().get('expired') === '1');
  /** Whether the user comes from choosing a new password with a reset link. */
  protected readonly passwordChanged = computed(() => this.query().get('passwordChanged') === '1');
  protected readonly alert = computed(() => {
    const seconds = this.waitSeconds();
    if (seconds > 0) return this.i18n.t('login.tooManyAttempts', { seconds });
    return this.failure();
  });

  protected async submit(): Promise<void> {
    if (this.submitting() || this.waitSeconds() > 0) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    this.submitting.set(true);
    this.failure.set(null);
    try {
      const user = await this.session.login(this.form.getRawValue());
      await this.i18n.use(user.preferredLanguage);
      await this.router.navigateByUrl(this.safeReturnUrl());
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.submitting.set(false);
    }
  }

  private showFailure(error: unknown): void {
    const status = statusOf(error);
    if (status === 429) {
      this.countDown(retryAfterSeconds(error) ?? 60);
    } else if (status === 401 || status === 400) {
      this.failure.set(this.i18n.t('login.invalidCredentials'));
    } else {
      this.failure.set(errorMessage(this.i18n, error));
    }
  }

  private countDown(seconds: number): void {
    timer(0, 1000)
      .pipe(
        map((elapsed) => seconds - elapsed),
        takeWhile((left) => left >= 0),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((left) => this.waitSeconds.set(left));
  }

  /** Only paths inside the console, so a crafted link cannot send the user elsewhere. */
  private safeReturnUrl(): string {
    const returnUrl = this.query().get('returnUrl') ?? '/';
    return returnUrl.startsWith('/') && !returnUrl.startsWith('//') && !returnUrl.startsWith('/login')
      ? returnUrl
      : '/';
  }
}
