import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@consultorio/console/core';
import { ListCardComponent, listLayout } from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, type CashCloseDto } from '@consultorio/shared/contracts';
import { ALL, CashCatalog, unlessAll } from '../shared/cash-catalog';
import { BALANCE_ICONS, BALANCE_KEYS, balanceOf, signed } from '../shared/cash-labels';
import { BusinessDayPipe, ClinicTimePipe, MoneyPipe } from '../shared/cash-pipes';
import { CashSettings } from '../shared/cash-settings';
import { CloseDetailDialogComponent } from './close-detail-dialog.component';
import { ClosesStore } from './closes.store';

const COLUMNS = {
  wide: ['date', 'location', 'cashier', 'expected', 'counted', 'difference', 'closedAt'],
  medium: ['date', 'drawer', 'expected', 'counted', 'difference'],
  narrow: ['drawer', 'difference'],
} as const;

/**
 * The daily closes, newest day first: each drawer's expected, counted and difference. Admins see
 * every day, location and cashier; the front desk its own close of today.
 */
@Component({
  selector: 'cs-cash-closes-page',
  imports: [
    BusinessDayPipe,
    ClinicTimePipe,
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MoneyPipe,
    TranslatePipe,
  ],
  providers: [ClosesStore],
  templateUrl: './closes-page.component.html',
  styleUrl: './closes-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClosesPageComponent {
  protected readonly store = inject(ClosesStore);
  protected readonly catalog = inject(CashCatalog);
  protected readonly all = ALL;
  protected readonly unlessAll = unlessAll;
  private readonly settings = inject(CashSettings);
  private readonly dialog = inject(MatDialog);

  protected readonly isAdmin = this.catalog.isAdmin;
  protected readonly balanceKeys = BALANCE_KEYS;
  protected readonly balanceIcons = BALANCE_ICONS;
  protected readonly balanceOf = balanceOf;
  protected readonly pageSizeOptions = [20, 50, MAX_PAGE_SIZE];
  protected readonly trackById = (_index: number, close: CashCloseDto) => close.id;
  protected readonly today = computed(() => this.settings.today());
  protected readonly layout = listLayout();
  protected readonly columns = computed(() => COLUMNS[this.layout()]);

  constructor() {
    this.settings.ensureLoaded();
    this.catalog.loadLocations();
    this.catalog.loadCashiers();
    // The front desk sees its own drawer (of today: the API allows no other day).
    const user = this.catalog.user();
    if (!this.isAdmin() && user) this.store.filter({ cashierId: user.id });
  }

  protected difference(close: CashCloseDto): string {
    return signed(this.settings.money(close.difference, close.currency), close.difference);
  }

  protected open(close: CashCloseDto): void {
    this.dialog.open(CloseDetailDialogComponent, {
      data: close,
      width: '640px',
      maxWidth: 'calc(100vw - 24px)',
    });
  }
}
