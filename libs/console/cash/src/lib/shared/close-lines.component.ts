import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@consultorio/console/core';
import type { CashCloseDto } from '@consultorio/shared/contracts';
import { BALANCE_ICONS, BALANCE_KEYS, METHOD_KEYS, balanceOf, signed } from './cash-labels';
import { MoneyPipe } from './cash-pipes';
import { CashSettings } from './cash-settings';

/** A close's figures per method and in total: expected, counted and the difference, told in words too. */
@Component({
  selector: 'cs-cash-close-lines',
  imports: [MatIconModule, MoneyPipe, TranslatePipe],
  template: `
    @let current = close();
    <table class="lines" data-testid="close-lines">
      <caption class="cs-visually-hidden">
        {{
          'cash.close.linesCaption' | t
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ 'cash.method' | t }}</th>
          <th scope="col" class="numeric">{{ 'cash.expected' | t }}</th>
          <th scope="col" class="numeric">{{ 'cash.counted' | t }}</th>
          <th scope="col" class="numeric">{{ 'cash.difference' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (line of current.lines; track line.method) {
          <tr [attr.data-testid]="'close-line-' + line.method">
            <th scope="row">{{ methodKeys[line.method] | t }}</th>
            <td class="numeric">{{ line.expected | money: current.currency }}</td>
            <td class="numeric">{{ line.counted | money: current.currency }}</td>
            <td class="numeric difference" [attr.data-balance]="balanceOf(line.difference)">
              {{ difference(line.difference, current.currency) }}
            </td>
          </tr>
        }
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{{ 'cash.total' | t }}</th>
          <td class="numeric">{{ current.expected | money: current.currency }}</td>
          <td class="numeric">{{ current.counted | money: current.currency }}</td>
          <td
            class="numeric difference"
            data-testid="close-total-difference"
            [attr.data-balance]="balanceOf(current.difference)"
          >
            <mat-icon aria-hidden="true">{{ balanceIcons[balanceOf(current.difference)] }}</mat-icon>
            {{ difference(current.difference, current.currency) }}
            <span class="word">{{ balanceKeys[balanceOf(current.difference)] | t }}</span>
          </td>
        </tr>
      </tfoot>
    </table>
  `,
  styles: `
    .lines {
      inline-size: 100%;
      border-collapse: collapse;
    }
    th,
    td {
      padding: 8px;
      text-align: start;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-body-medium);
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    tfoot th,
    tfoot td {
      font: var(--mat-sys-title-small);
      border-block-end: 0;
    }
    .numeric {
      text-align: end;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .difference[data-balance='short'] {
      color: var(--mat-sys-error);
    }
    .difference[data-balance='over'] {
      color: var(--mat-sys-tertiary);
    }
    .difference mat-icon {
      font-size: 18px;
      inline-size: 18px;
      block-size: 18px;
      vertical-align: text-bottom;
    }
    .word {
      display: block;
      font: var(--mat-sys-label-medium);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseLinesComponent {
  private readonly settings = inject(CashSettings);

  readonly close = input.required<CashCloseDto>();
  protected readonly methodKeys = METHOD_KEYS;
  protected readonly balanceKeys = BALANCE_KEYS;
  protected readonly balanceIcons = BALANCE_ICONS;
  protected readonly balanceOf = balanceOf;

  protected difference(amount: string, currency: string): string {
    return signed(this.settings.money(amount, currency), amount);
  }
}
