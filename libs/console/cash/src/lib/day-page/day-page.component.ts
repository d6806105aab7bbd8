import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { I18n, Notifier, TranslatePipe, type TranslationKey } from '@consultorio/console/core';
import {
  ConfirmDialogComponent,
  ListCardComponent,
  StatusChipComponent,
  listLayout,
  type ConfirmDialogData,
} from '@consultorio/console/ui';
import {
  MAX_PAGE_SIZE,
  PaymentMethod,
  TransactionStatus,
  TransactionType,
  type CashCloseDto,
  type CashTransactionDto,
  type MethodTotalsDto,
} from '@consultorio/shared/contracts';
import { compareMoney } from '@consultorio/shared/money';
import { firstValueFrom } from 'rxjs';
import { CloseDialogComponent, type CloseDialogData } from '../close-dialog/close-dialog.component';
import { CashApi } from '../data/cash-api';
import { EntryDialogComponent, type EntryDialogData } from '../entry-dialog/entry-dialog.component';
import { ALL, CashCatalog, unlessAll } from '../shared/cash-catalog';
import {
  BALANCE_ICONS,
  BALANCE_KEYS,
  METHOD_ICONS,
  METHOD_KEYS,
  STATUS_LOOK,
  TYPE_LOOK,
  balanceOf,
  signed,
} from '../shared/cash-labels';
import { BusinessDayPipe, ClinicTimePipe, MoneyPipe } from '../shared/cash-pipes';
import { cashFailure } from '../shared/cash-problem';
import { CashSettings } from '../shared/cash-settings';
import { DayStore } from './day.store';

const COLUMNS = {
  wide: ['time', 'type', 'concept', 'method', 'people', 'amount', 'status', 'actions'],
  medium: ['time', 'concept', 'method', 'amount', 'actions'],
  narrow: ['concept', 'amount', 'actions'],
} as const;

/**
 * The cash register's day: the drawer's totals by method and overall, its entries, new entries,
 * voids and adjustments, and the daily close. The front desk sees today and its own drawer;
 * admins any day, location and cashier.
 */
@Component({
  selector: 'cs-cash-day-page',
  imports: [
    BusinessDayPipe,
    ClinicTimePipe,
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
    StatusChipComponent,
    TranslatePipe,
  ],
  providers: [DayStore],
  templateUrl: './day-page.component.html',
  styleUrl: './day-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DayPageComponent {
  protected readonly store = inject(DayStore);
  protected readonly catalog = inject(CashCatalog);
  protected readonly all = ALL;
  protected readonly unlessAll = unlessAll;
  protected readonly settings = inject(CashSettings);
  private readonly api = inject(CashApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly methodKeys = METHOD_KEYS;
  protected readonly methodIcons = METHOD_ICONS;
  protected readonly typeLook = TYPE_LOOK;
  protected readonly statusLook = STATUS_LOOK;
  protected readonly balanceKeys = BALANCE_KEYS;
  protected readonly balanceIcons = BALANCE_ICONS;
  protected readonly balanceOf = balanceOf;
  protected readonly pageSizeOptions = [20, 50, MAX_PAGE_SIZE];
  protected readonly types = TransactionType;
  protected readonly statuses = TransactionStatus;
  protected readonly trackById = (_index: number, entry: CashTransactionDto) => entry.id;

  protected readonly layout = listLayout();
  protected readonly columns = computed(() => {
    const columns: string[] = [...COLUMNS[this.layout()]];
    // With every cashier shown, whose drawer each entry is in matters.
    if (this.catalog.isAdmin() && !this.store.query().cashierId && this.layout() === 'wide') {
      columns.splice(columns.indexOf('people'), 0, 'cashier');
    }
    return columns;
  });

  protected readonly isAdmin = this.catalog.isAdmin;
  protected readonly today = computed(() => this.settings.today());
  /** The day shown (the report's, which the API decides for "today"). */
  protected readonly day = computed(() => this.store.query().date ?? this.store.report()?.date ?? null);
  /** Whether the day shown is today: only today takes new entries. */
  protected readonly isToday = computed(() => {
    const date = this.store.query().date;
    return !date || date === this.today();
  });
  /** Whether new entries can go in: today, while the caller's own drawer at the location is open. */
  protected readonly canRecord = computed(() => {
    const { locationId } = this.store.query();
    const self = this.catalog.user()?.id;
    return (
      this.isToday() &&
      !!locationId &&
      !this.store.closes().some((close) => close.locationId === locationId && close.cashierId === self)
    );
  });
  protected readonly locationName = computed(() => {
    const id = this.store.query().locationId;
    return this.catalog.locations()?.find((location) => location.id === id)?.name ?? '';
  });
  /** The one drawer the filters name (a location and a cashier), which can be closed. */
  protected readonly drawerCashierId = computed(() => this.store.query().cashierId);
  protected readonly drawerClose = computed<CashCloseDto | null>(() => {
    const { locationId, cashierId } = this.store.query();
    if (!locationId || !cashierId) return null;
    return (
      this.store.closes().find((close) => close.locationId === locationId && close.cashierId === cashierId) ??
      null
    );
  });
  /** Methods with any movement that day (cash always, the drawer's main one). */
  protected readonly methods = computed<MethodTotalsDto[]>(() =>
    (this.store.report()?.byMethod ?? []).filter(
      (totals) =>
        totals.method === PaymentMethod.Cash ||
        compareMoney(totals.income, 0) !== 0 ||
        compareMoney(totals.expense, 0) !== 0,
    ),
  );

  constructor() {
    this.settings.ensureLoaded();
    this.catalog.loadLocations();
    this.catalog.loadCashiers();
    // Start on the first location; admins on today's date (the clinic's), the front desk on its drawer.
    effect(() => {
      const locations = this.catalog.locations();
      const ready = !this.catalog.isAdmin() || this.settings.settings() !== null;
      const user = this.catalog.user();
      untracked(() => {
        if (!locations?.length || !ready || !user || this.store.query().locationId) return;
        this.store.show({
          locationId: locations[0].id,
          date: this.catalog.isAdmin() ? this.settings.today() : null,
          cashierId: this.catalog.isAdmin() ? null : user.id,
        });
      });
    });
  }

  // Table cells get their row untyped; these keep the lookups checked.
  protected typeLabel(entry: CashTransactionDto): TranslationKey {
    return TYPE_LOOK[entry.type].label;
  }

  protected methodKey(entry: CashTransactionDto): TranslationKey {
    return METHOD_KEYS[entry.method];
  }

  protected methodIcon(entry: CashTransactionDto): string {
    return METHOD_ICONS[entry.method];
  }

  protected onDate(value: string): void {
    // An emptied field goes back to today.
    this.store.show({ date: value || this.today() });
  }

  protected difference(close: CashCloseDto): string {
    return signed(this.settings.money(close.difference, close.currency), close.difference);
  }

  protected amount(entry: CashTransactionDto): string {
    const formatted = this.settings.money(entry.amount);
    return entry.type === TransactionType.Expense ? `−${formatted}` : `+${formatted}`;
  }

  protected canVoid(entry: CashTransactionDto): boolean {
    return entry.status === TransactionStatus.Posted && !entry.invoiceId && !this.store.isLocked(entry);
  }

  /**
   * An entry of a closed drawer-day is corrected by an adjustment booked today in the caller's
   * drawer, which must still be open: not offered when that is the very drawer-day closed.
   */
  protected canAdjust(entry: CashTransactionDto): boolean {
    if (entry.status !== TransactionStatus.Posted || entry.invoiceId || !this.store.isLocked(entry))
      return false;
    const ownToday = this.isToday() && entry.cashierId === this.catalog.user()?.id;
    return !ownToday;
  }

  protected hasActions(entry: CashTransactionDto): boolean {
    return !!entry.invoiceId || this.canVoid(entry) || this.canAdjust(entry);
  }

  protected async record(adjustmentOf: CashTransactionDto | null = null): Promise<void> {
    const locationId = adjustmentOf?.locationId ?? this.store.query().locationId;
    if (!locationId) return;
    const ref = this.dialog.open<EntryDialogComponent, EntryDialogData, CashTransactionDto>(
      EntryDialogComponent,
      {
        data: { locationId, adjustmentOf },
        width: '640px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const entry = await firstValueFrom(ref.afterClosed());
    if (!entry) return;
    this.notifier.success(adjustmentOf ? 'cash.entry.adjusted' : 'cash.entry.saved', {
      concept: entry.concept,
    });
    this.store.refresh();
  }

  protected async voidEntry(entry: CashTransactionDto): Promise<void> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        title: this.i18n.t('cash.void.title'),
        text: this.i18n.t('cash.void.text', {
          concept: entry.concept,
          amount: this.settings.money(entry.amount),
        }),
        confirm: this.i18n.t('cash.void.confirm'),
        icon: 'block',
        destructive: true,
      },
      width: '440px',
      maxWidth: 'calc(100vw - 24px)',
    });
    if ((await firstValueFrom(ref.afterClosed())) !== true) return;
    try {
      await firstValueFrom(this.api.void(entry.id));
      this.notifier.success('cash.void.done', { concept: entry.concept });
    } catch (error) {
      this.notifier.error(cashFailure(this.i18n, error));
    }
    this.store.refresh();
  }

  protected async closeDrawer(): Promise<void> {
    const { locationId, cashierId, date } = this.store.query();
    if (!locationId || !cashierId) return;
    const cashierName =
      this.catalog.cashiers().find((cashier) => cashier.id === cashierId)?.name ??
      this.catalog.user()?.fullName ??
      '';
    const ref = this.dialog.open<CloseDialogComponent, CloseDialogData, CashCloseDto>(CloseDialogComponent, {
      data: {
        locationId,
        locationName: this.locationName(),
        cashierId,
        cashierName,
        // The front desk closes today's drawer; the API decides which day that is.
        date: this.isAdmin() ? date : null,
        asAdmin: this.isAdmin(),
      },
      width: '720px',
      maxWidth: 'calc(100vw - 24px)',
      maxHeight: 'calc(100vh - 32px)',
    });
    const close = await firstValueFrom(ref.afterClosed());
    this.store.refresh();
    if (close) this.notifier.success('cash.close.done', { difference: this.difference(close) });
  }
}
