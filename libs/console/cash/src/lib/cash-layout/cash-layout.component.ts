import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore, TranslatePipe, type TranslationKey } from '@consultorio/console/core';
import type { Role } from '@consultorio/shared/contracts';
import { CASH_PAGES } from '../cash-pages';

interface CashTab {
  path: string;
  label: TranslationKey;
  testId: string;
}

/** Frame of the cash register pages: a row of tabs (those the role may open) above the routed page. */
@Component({
  selector: 'cs-cash-layout',
  imports: [MatTabsModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  template: `
    <div class="cs-page">
      @if (tabs().length > 1) {
        <nav
          mat-tab-nav-bar
          class="tabs"
          mat-stretch-tabs="false"
          [tabPanel]="panel"
          [attr.aria-label]="'cash.sections' | t"
        >
          @for (tab of tabs(); track tab.path) {
            <a
              mat-tab-link
              routerLinkActive
              #active="routerLinkActive"
              [routerLink]="tab.path"
              [routerLinkActiveOptions]="{ exact: true }"
              [active]="active.isActive"
              [attr.data-testid]="tab.testId"
            >
              {{ tab.label | t }}
            </a>
          }
        </nav>
      }
      <mat-tab-nav-panel #panel>
        <router-outlet />
      </mat-tab-nav-panel>
    </div>
  `,
  styles: `
    .tabs {
      --mat-tab-container-height: 44px;
      margin-block-end: 24px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CashLayoutComponent {
  private readonly auth = inject(AuthStore);

  protected readonly tabs = computed<CashTab[]>(() => {
    const role = this.auth.role();
    return CASH_PAGES.filter((page) => !!role && page.roles.includes(role as Role)).map((page) => ({
      path: page.path ? `/cash/${page.path}` : '/cash',
      label: page.label,
      testId: `cash-tab-${page.path || 'day'}`,
    }));
  });
}
