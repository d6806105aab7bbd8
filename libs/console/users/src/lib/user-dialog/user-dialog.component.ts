import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  AuthStore,
  FieldErrorPipe,
  I18n,
  LANGUAGE_KEYS,
  ROLE_KEYS,
  TranslatePipe,
  UsersApi,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
} from '@consultorio/console/core';
import { PasswordToggleComponent } from '@consultorio/console/ui';
import {
  ALL_ROLES,
  CreateUserDto,
  PASSWORD_MIN_LENGTH,
  Role,
  UpdateUserDto,
  canManageRole,
  type UserDto,
} from '@consultorio/shared/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { UserFormValue, formValueOf, toCreateUser, toUpdateUser, userChanges } from './user-form';

export interface UserDialogData {
  /** The user to edit, or `null` to create one. */
  user: UserDto | null;
}

/**
 * Creates or edits a user. The form checks the same DTO rules as the API as the user types;
 * what only the server knows (an e-mail already in use) lands on the field it concerns.
 */
@Component({
  selector: 'cs-user-dialog',
  imports: [
    FieldErrorPipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    PasswordToggleComponent,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  templateUrl: './user-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDialogComponent {
  private readonly api = inject(UsersApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<UserDialogComponent, UserDto>>(MatDialogRef);
  private readonly actorRole = inject(AuthStore).role;
  protected readonly original = inject<UserDialogData>(MAT_DIALOG_DATA).user;

  protected readonly isEdit = this.original !== null;
  protected readonly roleKeys = ROLE_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly languages = this.i18n.languages;
  protected readonly minPasswordLength = PASSWORD_MIN_LENGTH;
  /** Roles the signed-in user may hand out (admins never create superadmins). */
  protected readonly roles = computed(() => {
    const actor = this.actorRole();
    return actor ? ALL_ROLES.filter((role) => canManageRole(actor, role)) : [];
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    this.original
      ? formValueOf(this.original)
      : {
          fullName: '',
          email: '',
          username: '',
          phone: '',
          role: Role.Receptionist as Role,
          preferredLanguage: this.i18n.language(),
          password: '',
        },
    {
      validators: this.original
        ? dtoValidator(UpdateUserDto, { toDto: toUpdateUser })
        : dtoValidator(CreateUserDto, { toDto: toCreateUser }),
    },
  );

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value: UserFormValue = this.form.getRawValue();
    let request: Observable<UserDto>;
    if (this.original) {
      const changes = userChanges(this.original, value);
      if (Object.keys(changes).length === 0) {
        this.failure.set(this.i18n.t('userDialog.noChanges'));
        return;
      }
      request = this.api.update(this.original.id, changes);
    } else {
      request = this.api.create(toCreateUser(value));
    }
    this.saving.set(true);
    this.failure.set(null);
    // Escape or a click outside must not drop an answer that is on its way.
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(await firstValueFrom(request));
    } catch (error) {
      if (!applyProblemErrors(this.form, error)) this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
