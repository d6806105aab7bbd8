import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, TranslatePipe, type TranslationKey } from '@consultorio/console/core';
import { map } from 'rxjs';
import { CATALOGS } from '../catalogs/catalog-definitions';
import { SETTINGS_EDITOR_ROLES } from '../shared/settings-access';

/** One page of the settings menu. */
interface SettingsSection {
  path: string;
  label: TranslationKey;
  icon: string;
  /** Whether it belongs to the catalogs group. */
  catalog: boolean;
}

/** Below this width the settings menu becomes a row of tabs above the page. */
const TABS_QUERY = '(max-width: 1199.98px)';

/** Frame of the settings pages: the menu of sections (clinic, each catalog) and the routed page. */
@Component({
  selector: 'cs-settings-layout',
  imports: [
    MatIconModule,
    MatListModule,
    MatTabsModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
  ],
  templateUrl: './settings-layout.component.html',
  styleUrl: './settings-layout.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SettingsLayoutComponent {
  private readonly auth = inject(AuthStore);

  protected readonly tabs = toSignal(
    inject(BreakpointObserver)
      .observe(TABS_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** The clinic page for those who may change it, then every catalog. */
  protected readonly sections = computed<SettingsSection[]>(() => {
    const role = this.auth.role();
    const editor = !!role && SETTINGS_EDITOR_ROLES.includes(role);
    return [
      ...(editor
        ? [{ path: 'clinic', label: 'settings.clinic' as const, icon: 'domain', catalog: false }]
        : []),
      ...CATALOGS.map((catalog) => ({
        path: `catalogs/${catalog.path}`,
        label: catalog.title,
        icon: catalog.icon,
        catalog: true,
      })),
    ];
  });
}
