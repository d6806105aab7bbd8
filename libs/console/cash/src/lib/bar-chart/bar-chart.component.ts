import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import type { DayTotalsDto } from '@consultorio/shared/contracts';
import { Big } from '@consultorio/shared/money';
import { BusinessDayPipe, MoneyPipe } from '../shared/cash-pipes';
import { CashSettings } from '../shared/cash-settings';

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 64;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

interface BarPair {
  date: string;
  day: number;
  /** Whether the day's number is written under its bars. */
  labelled: boolean;
  x: number;
  width: number;
  incomeHeight: number;
  expenseHeight: number;
  title: string;
}

interface Tick {
  y: number;
  label: string;
}

/**
 * The top of the axis: `max` rounded up to 1, 2, 2.5 or 5 times a power of ten, so the gridlines
 * fall on round amounts. Computed on decimal strings; only the drawing turns them into pixels.
 */
export function niceMax(max: string): string {
  const value = new Big(max);
  if (value.lte(0)) return '0';
  let magnitude = new Big(1);
  while (magnitude.times(10).lte(value)) magnitude = magnitude.times(10);
  while (magnitude.gt(value)) magnitude = magnitude.div(10);
  for (const step of ['1', '2', '2.5', '5', '10']) {
    const candidate = magnitude.times(step);
    if (candidate.gte(value)) return candidate.toString();
  }
  return magnitude.times(10).toString();
}

/**
 * Income against expense for every day of a month, as an SVG bar chart drawn here (no chart
 * library: the bundle stays small). Screen readers get its label and a table of the figures.
 */
@Component({
  selector: 'cs-cash-bar-chart',
  imports: [BusinessDayPipe, MoneyPipe, TranslatePipe],
  template: `
    <figure class="chart">
      <svg
        role="img"
        data-testid="bar-chart"
        [attr.viewBox]="viewBox"
        [attr.aria-label]="label()"
        preserveAspectRatio="xMidYMid meet"
      >
        @for (tick of ticks(); track tick.y) {
          <line class="grid" [attr.x1]="left" [attr.x2]="right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
          <text
            class="axis"
            text-anchor="end"
            dominant-baseline="middle"
            [attr.x]="left - 6"
            [attr.y]="tick.y"
          >
            {{ tick.label }}
          </text>
        }
        @for (pair of pairs(); track pair.date) {
          <g data-testid="bar-pair" [attr.data-date]="pair.date">
            <title>{{ pair.title }}</title>
            <rect
              class="income"
              data-testid="bar-income"
              rx="1.5"
              [attr.x]="pair.x"
              [attr.y]="base - pair.incomeHeight"
              [attr.width]="pair.width"
              [attr.height]="pair.incomeHeight"
            />
            <rect
              class="expense"
              data-testid="bar-expense"
              rx="1.5"
              [attr.x]="pair.x + pair.width"
              [attr.y]="base - pair.expenseHeight"
              [attr.width]="pair.width"
              [attr.height]="pair.expenseHeight"
            />
            @if (pair.labelled) {
              <text class="axis" text-anchor="middle" [attr.x]="pair.x + pair.width" [attr.y]="base + 18">
                {{ pair.day }}
              </text>
            }
          </g>
        }
        <line class="baseline" [attr.x1]="left" [attr.x2]="right" [attr.y1]="base" [attr.y2]="base" />
      </svg>
      <figcaption class="legend" aria-hidden="true">
        <span><i class="swatch income"></i>{{ 'cash.income' | t }}</span>
        <span><i class="swatch expense"></i>{{ 'cash.expense' | t }}</span>
      </figcaption>
      <table class="cs-visually-hidden" data-testid="chart-table">
        <caption>
          {{
            label()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'cash.date' | t }}</th>
            <th scope="col">{{ 'cash.income' | t }}</th>
            <th scope="col">{{ 'cash.expense' | t }}</th>
            <th scope="col">{{ 'cash.net' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (day of days(); track day.date) {
            <tr>
              <th scope="row">{{ day.date | businessDay }}</th>
              <td>{{ day.income | money }}</td>
              <td>{{ day.expense | money }}</td>
              <td>{{ day.net | money }}</td>
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    :host {
      display: block;
    }
    .chart {
      position: relative;
      margin: 0;
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: auto;
      overflow: visible;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
      stroke-dasharray: 3 3;
    }
    .baseline {
      stroke: var(--mat-sys-outline);
    }
    .axis {
      fill: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      font-size: 11px;
    }
    .income {
      fill: var(--mat-sys-primary);
    }
    .expense {
      fill: var(--mat-sys-tertiary);
    }
    .legend {
      display: flex;
      justify-content: center;
      gap: 24px;
      margin-block-start: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);

      span {
        display: inline-flex;
        align-items: center;
        gap: 6px;
      }
    }
    .swatch {
      display: inline-block;
      inline-size: 12px;
      block-size: 12px;
      border-radius: 2px;

      &.income {
        background: var(--mat-sys-primary);
      }
      &.expense {
        background: var(--mat-sys-tertiary);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChartComponent {
  private readonly settings = inject(CashSettings);
  private readonly i18n = inject(I18n);

  /** Every day of the period, in order. */
  readonly days = input.required<readonly DayTotalsDto[]>();
  /** What the chart shows, for screen readers (already translated). */
  readonly label = input.required<string>();

  protected readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  protected readonly left = LEFT;
  protected readonly right = WIDTH - RIGHT;
  protected readonly base = TOP + PLOT_HEIGHT;

  private readonly top = computed(() => {
    const amounts = this.days().flatMap((day) => [day.income, day.expense]);
    const max = amounts.reduce((highest, amount) => (new Big(amount).gt(highest) ? amount : highest), '0');
    return niceMax(max);
  });

  protected readonly ticks = computed<Tick[]>(() => {
    const top = new Big(this.top());
    const steps = top.gt(0) ? [0, 1, 2, 3, 4] : [0];
    return steps.map((step) => {
      const amount = top.times(step).div(4);
      return {
        y: this.base - (top.gt(0) ? amount.div(top).times(PLOT_HEIGHT).toNumber() : 0),
        label: this.settings.wholeMoney(amount.round(0, Big.roundHalfUp).toFixed(0)),
      };
    });
  });

  protected readonly pairs = computed<BarPair[]>(() => {
    const days = this.days();
    const top = new Big(this.top());
    const slot = PLOT_WIDTH / Math.max(days.length, 1);
    const width = Math.max(1, slot * 0.36);
    const height = (amount: string) =>
      top.gt(0) ? new Big(amount).div(top).times(PLOT_HEIGHT).round(2).toNumber() : 0;
    return days.map((day, index) => {
      const number = Number(day.date.slice(8, 10));
      return {
        date: day.date,
        day: number,
        labelled: days.length <= 16 || number === 1 || number % 5 === 0,
        x: LEFT + slot * index + (slot - width * 2) / 2,
        width,
        incomeHeight: height(day.income),
        expenseHeight: height(day.expense),
        title: this.i18n.t('cash.chart.dayTitle', {
          date: this.settings.day(day.date),
          income: this.settings.money(day.income),
          expense: this.settings.money(day.expense),
        }),
      };
    });
  });
}
