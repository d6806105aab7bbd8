import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  effect,
  inject,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthSession, AuthStore, ConnectionState, TranslatePipe } from '@consultorio/console/core';
import { map } from 'rxjs';
import { LostConnectionPageComponent } from '../errors/lost-connection-page.component';
import { LanguageMenuComponent } from './language-menu.component';
import { navigationFor } from './navigation';
import { ThemeToggleComponent } from './theme-toggle.component';
import { UserMenuComponent } from './user-menu.component';

/** Below this width the side navigation becomes a drawer opened from the menu button. */
const COMPACT_QUERY = '(max-width: 959.98px)';

/** Frame of every signed-in page: toolbar, role-based side navigation and the routed page. */
@Component({
  selector: 'cs-shell-layout',
  imports: [
    LanguageMenuComponent,
    LostConnectionPageComponent,
    MatButtonModule,
    MatIconModule,
    MatListModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ThemeToggleComponent,
    TranslatePipe,
    UserMenuComponent,
  ],
  templateUrl: './shell-layout.component.html',
  styleUrl: './shell-layout.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellLayoutComponent implements OnInit {
  private readonly store = inject(AuthStore);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly connection = inject(ConnectionState);
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** Whether the screen is too narrow for a permanent side navigation. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly navigation = computed(() => navigationFor(this.store.role()));

  constructor() {
    // Signed out elsewhere (another tab, an expired session): go to the login page.
    effect(() => {
      if (!this.store.isAuthenticated()) untracked(() => this.session.expire());
    });
  }

  ngOnInit(): void {
    void this.session.reloadProfile();
  }

  protected closeIfCompact(): void {
    if (this.compact()) void this.sidenav().close();
  }

  /** Opens the page that could not load while offline, if any. */
  protected reopenFailedPage(): void {
    const url = this.connection.takeFailedNavigation();
    if (url) void this.router.navigateByUrl(url);
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
