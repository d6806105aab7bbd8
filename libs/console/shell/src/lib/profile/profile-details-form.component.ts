import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  AuthApi,
  AuthStore,
  FieldErrorPipe,
  I18n,
  LANGUAGE_KEYS,
  Notifier,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
} from '@consultorio/console/core';
import { Language, UpdateProfileDto, type UserDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';

interface ProfileFormValue {
  fullName: string;
  phone: string;
  preferredLanguage: Language;
}

function toUpdateProfile(value: ProfileFormValue): UpdateProfileDto {
  return {
    fullName: value.fullName.trim(),
    phone: value.phone.trim() || null,
    preferredLanguage: value.preferredLanguage,
  };
}

/** Name, phone and preferred language of the signed-in user (`PUT /auth/profile`). */
@Component({
  selector: 'cs-profile-details-form',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './profile-details-form.component.html',
  styleUrl: './profile-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileDetailsFormComponent {
  private readonly store = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly i18n = inject(I18n);
  private readonly notifier = inject(Notifier);

  protected readonly user = this.store.user;
  protected readonly languages = this.i18n.languages;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly roleName = computed(() => {
    const role = this.store.role();
    return role ? this.i18n.role(role) : '';
  });
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      fullName: this.user()?.fullName ?? '',
      phone: this.user()?.phone ?? '',
      preferredLanguage: this.user()?.preferredLanguage ?? this.i18n.language(),
    },
    { validators: dtoValidator(UpdateProfileDto, { toDto: toUpdateProfile }) },
  );

  constructor() {
    // The layout reloads the profile on start; show the fresh values unless the user is editing.
    effect(() => {
      const user = this.user();
      if (user && untracked(() => this.form.pristine)) this.form.reset(this.valuesOf(user));
    });
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    if (this.form.pristine) {
      this.notifier.success('profile.noChanges');
      return;
    }
    this.saving.set(true);
    try {
      const user = await firstValueFrom(this.api.updateProfile(toUpdateProfile(this.form.getRawValue())));
      this.store.updateUser(user);
      await this.i18n.use(user.preferredLanguage);
      this.form.reset(this.valuesOf(user));
      this.notifier.success('profile.saved');
    } catch (error) {
      if (!applyProblemErrors(this.form, error)) this.notifier.failure(error);
    } finally {
      this.saving.set(false);
    }
  }

  private valuesOf(user: UserDto): ProfileFormValue {
    return { fullName: user.fullName, phone: user.phone ?? '', preferredLanguage: user.preferredLanguage };
  }
}
