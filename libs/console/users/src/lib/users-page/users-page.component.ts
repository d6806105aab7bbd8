import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import {
  AuthStore,
  DateTimePipe,
  I18n,
  Notifier,
  ROLE_KEYS,
  TranslatePipe,
  TranslationKey,
  errorMessage,
  problemOf,
} from '@consultorio/console/core';
import { ALL_ROLES, MAX_PAGE_SIZE, Role, canManageRole, type UserDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import {
  ConfirmDialogComponent,
  ConfirmDialogData,
  ListCardComponent,
  SearchFieldComponent,
  listLayout,
} from '@consultorio/console/ui';
import { UserDialogComponent, UserDialogData } from '../user-dialog/user-dialog.component';
import { UsersStore } from './users.store';

const COLUMNS = {
  wide: ['fullName', 'email', 'role', 'active', 'lastLoginAt', 'actions'],
  medium: ['fullName', 'role', 'active', 'actions'],
  narrow: ['fullName', 'actions'],
} as const;

/** User administration: search, filter, sort and page through users; create, edit, (de)activate. */
@Component({
  selector: 'cs-users-page',
  imports: [
    DateTimePipe,
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    SearchFieldComponent,
    TranslatePipe,
  ],
  providers: [UsersStore],
  templateUrl: './users-page.component.html',
  styleUrl: './users-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersPageComponent {
  protected readonly store = inject(UsersStore);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly roles = ALL_ROLES;
  protected readonly roleKeys = ROLE_KEYS;
  protected readonly pageSizeOptions = [10, 20, 50, MAX_PAGE_SIZE];
  protected readonly sortField = computed(() => this.store.query().sort.replace(/^-/, ''));
  protected readonly sortDirection = computed(() =>
    this.store.query().sort.startsWith('-') ? 'desc' : 'asc',
  );

  protected readonly layout = listLayout();
  protected readonly columns = computed(() => COLUMNS[this.layout()]);
  protected readonly showDetailsUnderName = computed(() => this.layout() !== 'wide');

  protected roleKey(role: Role): TranslationKey {
    return ROLE_KEYS[role];
  }

  protected isSelf(user: UserDto): boolean {
    return user.id === this.auth.user()?.id;
  }

  /** Whether the signed-in user may change this account (admins never touch superadmins). */
  protected canManage(user: UserDto): boolean {
    const actor = this.auth.role();
    return !!actor && canManageRole(actor, user.role);
  }

  protected onRoleFilter(role: Role | null): void {
    this.store.filter({ role });
  }

  protected onStatusFilter(active: boolean | null): void {
    this.store.filter({ active });
  }

  protected onSort(sort: Sort): void {
    this.store.sortBy(sort.active, sort.direction);
  }

  protected async openDialog(user: UserDto | null): Promise<void> {
    const ref = this.dialog.open<UserDialogComponent, UserDialogData, UserDto>(UserDialogComponent, {
      data: { user },
      width: '640px',
      maxWidth: 'calc(100vw - 24px)',
      autoFocus: 'first-tabbable',
    });
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    if (this.isSelf(saved)) this.auth.updateUser(saved);
    this.notifier.success(user ? 'users.updated' : 'users.created', { name: saved.fullName });
    this.store.reload();
  }

  protected async toggleActive(user: UserDto): Promise<void> {
    const activate = !user.active;
    const data: ConfirmDialogData = {
      title: this.i18n.t(activate ? 'users.activateTitle' : 'users.deactivateTitle', { name: user.fullName }),
      text: this.i18n.t(activate ? 'users.activateText' : 'users.deactivateText'),
      confirm: this.i18n.t(activate ? 'users.activate' : 'users.deactivate'),
      icon: activate ? 'person_check' : 'person_off',
      destructive: !activate,
    };
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 24px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    try {
      await firstValueFrom(this.store.setActive(user, activate));
      this.notifier.success(activate ? 'users.activated' : 'users.deactivated', { name: user.fullName });
      this.store.reload();
    } catch (error) {
      const codes = problemOf(error)?.errors?.map((fieldError) => fieldError.code) ?? [];
      if (codes.includes('lastSuperadmin')) {
        this.notifier.error(this.i18n.t('users.lastSuperadmin'));
      } else if (codes.includes('selfDeactivation')) {
        this.notifier.error(this.i18n.t('users.notYourself'));
      } else {
        this.notifier.error(errorMessage(this.i18n, error));
      }
    }
  }
}
