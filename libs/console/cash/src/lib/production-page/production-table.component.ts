import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslatePipe } from '@consultorio/console/core';
import type { DoctorProductionDto } from '@consultorio/shared/contracts';
import { sumMoney } from '@consultorio/shared/money';
import { MoneyPipe } from '../shared/cash-pipes';
import { CashSettings } from '../shared/cash-settings';

/** What each doctor billed, had credited and collected, with the totals when there are several. */
@Component({
  selector: 'cs-cash-production-table',
  imports: [MoneyPipe, TranslatePipe],
  template: `
    <div class="scroll">
      <table class="production" data-testid="production-table">
        <caption class="cs-visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'cash.doctor' | t }}</th>
            <th scope="col" class="numeric">{{ 'cash.production.invoices' | t }}</th>
            <th scope="col" class="numeric">{{ 'cash.production.billed' | t }}</th>
            <th scope="col" class="numeric">{{ 'cash.production.credited' | t }}</th>
            <th scope="col" class="numeric">{{ 'cash.production.collected' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.doctorId) {
            <tr data-testid="production-row">
              <th scope="row">{{ row.doctorName }}</th>
              <td class="numeric">{{ row.invoices }}</td>
              <td class="numeric">{{ row.billed | money: currency() }}</td>
              <td class="numeric">{{ row.credited | money: currency() }}</td>
              <td class="numeric strong">{{ row.collected | money: currency() }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="empty" data-testid="production-empty">{{ emptyText() }}</td>
            </tr>
          }
        </tbody>
        @if (totals(); as totals) {
          <tfoot>
            <tr data-testid="production-total">
              <th scope="row">{{ 'cash.total' | t }}</th>
              <td class="numeric">{{ totals.invoices }}</td>
              <td class="numeric">{{ totals.billed | money: currency() }}</td>
              <td class="numeric">{{ totals.credited | money: currency() }}</td>
              <td class="numeric strong">{{ totals.collected | money: currency() }}</td>
            </tr>
          </tfoot>
        }
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .production {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 10px 12px;
      text-align: start;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
      white-space: nowrap;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    tbody th {
      font-weight: 400;
      white-space: normal;
    }
    tfoot th,
    tfoot td {
      font: var(--mat-sys-title-small);
      border-block-end: 0;
    }
    .numeric {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    .strong {
      font-weight: 500;
    }
    .empty {
      padding-block: 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      white-space: normal;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductionTableComponent {
  private readonly settings = inject(CashSettings);

  readonly rows = input.required<readonly DoctorProductionDto[]>();
  /** The table's caption for screen readers (already translated). */
  readonly caption = input.required<string>();
  /** What to say when there is no production (already translated). */
  readonly emptyText = input.required<string>();
  /** The report's currency; the clinic's by default. */
  readonly currency = input<string | null>(null);

  protected readonly totals = computed(() => {
    const rows = this.rows();
    const currency = this.currency()?.trim() || this.settings.currency();
    if (rows.length < 2 || !currency) return null;
    return {
      invoices: rows.reduce((count, row) => count + row.invoices, 0),
      billed: sumMoney(
        rows.map((row) => row.billed),
        currency,
      ),
      credited: sumMoney(
        rows.map((row) => row.credited),
        currency,
      ),
      collected: sumMoney(
        rows.map((row) => row.collected),
        currency,
      ),
    };
  });
}
