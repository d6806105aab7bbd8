import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  AuthStore,
  CLINIC_TIME_ZONE,
  ConnectionState,
  I18n,
  RolesApi,
  TranslatePipe,
  TranslationKey,
  statusOf,
} from '@consultorio/console/core';
import type { PermissionDto } from '@consultorio/shared/contracts';
import { navigationFor } from '../layout/navigation';

/** The part of the day in the clinic's time zone, for the greeting. */
export function partOfDay(now: Date, timeZone: string): 'morning' | 'afternoon' | 'evening' {
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(now),
  );
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 19) return 'afternoon';
  return 'evening';
}

interface Shortcut {
  path: string;
  icon: string;
  label: TranslationKey;
  description: TranslationKey;
}

/** Landing page: greeting, the user's role, what it may do and shortcuts to their modules. */
@Component({
  selector: 'cs-home-page',
  imports: [MatIconModule, MatProgressBarModule, RouterLink, TranslatePipe],
  templateUrl: './home-page.component.html',
  styleUrl: './home-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePageComponent {
  private readonly store = inject(AuthStore);
  private readonly rolesApi = inject(RolesApi);
  private readonly connection = inject(ConnectionState);
  private readonly timeZone = inject(CLINIC_TIME_ZONE);
  protected readonly i18n = inject(I18n);

  private readonly rolePermissions = signal<PermissionDto[] | null>(null);
  /** Why loading the permissions failed: no network (retried once it is back) or another error. */
  private readonly failure = signal<'offline' | 'error' | null>(null);
  protected readonly loadFailed = computed(() => this.failure() !== null);

  protected readonly greeting = computed(() => {
    const firstName = this.store.user()?.fullName.trim().split(/\s+/)[0] ?? '';
    return this.i18n.t(`home.${partOfDay(new Date(), this.timeZone)}`, { name: firstName });
  });
  protected readonly roleName = computed(() => {
    const role = this.store.role();
    return role ? this.i18n.role(role) : '';
  });
  protected readonly permissions = computed(() =>
    this.rolePermissions()?.map((permission) => this.i18n.permission(permission)),
  );
  protected readonly shortcuts = computed<Shortcut[]>(() => [
    ...navigationFor(this.store.role()).flatMap((item) =>
      item.description
        ? [{ path: item.path, icon: item.icon, label: item.label, description: item.description }]
        : [],
    ),
    { path: '/profile', icon: 'account_circle', label: 'toolbar.profile', description: 'home.profileText' },
  ]);

  constructor() {
    this.load();
    // Load again once the server is back if the first attempt failed for lack of a network.
    effect(() => {
      if (!this.connection.lost() && this.failure() === 'offline') this.load();
    });
  }

  private load(): void {
    this.failure.set(null);
    this.rolesApi.list().subscribe({
      next: (roles) => {
        const role = this.store.role();
        this.rolePermissions.set(roles.find((item) => item.role === role)?.permissions ?? []);
      },
      error: (error: unknown) => this.failure.set(statusOf(error) === 0 ? 'offline' : 'error'),
    });
  }
}
