import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { AuthSession, AuthStore, I18n, TranslatePipe } from '@consultorio/console/core';

/** The signed-in user's initials, e.g. "María José Pérez" → "MP". */
export function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Avatar button with the user's name, role, profile link and sign-out. */
@Component({
  selector: 'cs-user-menu',
  imports: [MatButtonModule, MatDividerModule, MatIconModule, MatMenuModule, RouterLink, TranslatePipe],
  templateUrl: './user-menu.component.html',
  styleUrl: './user-menu.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenuComponent {
  private readonly store = inject(AuthStore);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);

  protected readonly user = this.store.user;
  protected readonly initials = computed(() => initials(this.user()?.fullName ?? ''));
  protected readonly roleName = computed(() => {
    const role = this.store.role();
    return role ? this.i18n.role(role) : '';
  });

  protected logout(): void {
    void this.session.logout();
  }
}
