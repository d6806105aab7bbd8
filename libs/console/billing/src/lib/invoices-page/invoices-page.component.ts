import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipListboxChange } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import {
  ListCardComponent,
  SearchFieldComponent,
  StatusChipComponent,
  listLayout,
} from '@consultorio/console/ui';
import {
  InvoiceKind,
  MAX_PAGE_SIZE,
  type InvoiceStatus,
  type InvoiceSummaryDto,
} from '@consultorio/shared/contracts';
import { compareMoney } from '@consultorio/shared/money';
import { BillingSettings } from '../shared/billing-settings';
import { ClinicDatePipe, MoneyPipe } from '../shared/billing-pipes';
import { INVOICE_STATUSES, STATUS_LOOK, invoiceName } from '../shared/billing-labels';
import { InvoicesStore } from './invoices.store';

/** Value of the chip that shows every status. */
const ALL = 'all';

const COLUMNS = {
  wide: ['number', 'date', 'patient', 'doctor', 'total', 'balance', 'status'],
  medium: ['number', 'date', 'patient', 'total', 'balance', 'status'],
  narrow: ['invoice'],
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Invoices and credit notes, newest first: search by code, patient or document, filter by status,
 * kind, dates or what is still owed; a row opens the invoice.
 */
@Component({
  selector: 'cs-invoices-page',
  imports: [
    ClinicDatePipe,
    ListCardComponent,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    MoneyPipe,
    RouterLink,
    SearchFieldComponent,
    StatusChipComponent,
    TranslatePipe,
  ],
  providers: [InvoicesStore],
  templateUrl: './invoices-page.component.html',
  styleUrl: './invoices-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoicesPageComponent {
  protected readonly store = inject(InvoicesStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly all = ALL;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly statusLook = STATUS_LOOK;
  protected readonly kinds = [InvoiceKind.Invoice, InvoiceKind.CreditNote];
  protected readonly creditNote = InvoiceKind.CreditNote;
  protected readonly pageSizeOptions = [20, 50, MAX_PAGE_SIZE];
  protected readonly sortField = computed(() => this.store.query().sort.replace(/^-/, ''));
  protected readonly sortDirection = computed(() =>
    this.store.query().sort.startsWith('-') ? 'desc' : 'asc',
  );
  protected readonly trackById = (_index: number, invoice: InvoiceSummaryDto) => invoice.id;
  protected readonly layout = listLayout();
  protected readonly columns = computed(() => COLUMNS[this.layout()]);

  constructor() {
    inject(BillingSettings).ensureLoaded();
  }

  protected name(invoice: InvoiceSummaryDto): string {
    return invoice.code ?? this.i18n.t('billing.draft');
  }

  protected owes(invoice: InvoiceSummaryDto): boolean {
    return compareMoney(invoice.balance, 0) > 0;
  }

  protected rowLabel(invoice: InvoiceSummaryDto): string {
    return this.i18n.t('billing.openInvoice', {
      name: invoiceName(invoice, this.i18n),
      patient: invoice.patientName,
    });
  }

  protected onStatusChip(event: MatChipListboxChange): void {
    const value = event.value as InvoiceStatus | typeof ALL | undefined;
    const status = value && value !== ALL ? value : null;
    if (status !== this.store.query().status) this.store.filter({ status });
    // Unselecting a status shows them all, and the chip of what is shown stays selected.
    if (value === undefined) event.source.value = ALL;
  }

  /** A date field changed: an empty or complete date filters, a half-typed one waits. */
  protected onDate(field: 'from' | 'to', value: string): void {
    const date = DATE.test(value) ? value : value === '' ? null : undefined;
    if (date === undefined || date === this.store.query()[field]) return;
    this.store.filter({ [field]: date });
  }

  protected onSort(sort: Sort): void {
    this.store.sortBy(sort.active, sort.direction);
  }

  protected open(invoice: InvoiceSummaryDto): void {
    void this.router.navigate(['/billing', invoice.id]);
  }
}
