import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import { MONTH_PATTERN, type MonthlyReportDto } from '@consultorio/shared/contracts';
import { catchError, filter, map, of, switchMap, tap } from 'rxjs';
import { BarChartComponent } from '../bar-chart/bar-chart.component';
import { CashApi } from '../data/cash-api';
import { ALL, CashCatalog, unlessAll } from '../shared/cash-catalog';
import { METHOD_ICONS, METHOD_KEYS } from '../shared/cash-labels';
import { MoneyPipe } from '../shared/cash-pipes';
import { cashFailure } from '../shared/cash-problem';
import { CashSettings } from '../shared/cash-settings';
import { ProductionTableComponent } from '../production-page/production-table.component';

const MONTHS_BACK = 24;

/** `count` months (`YYYY-MM`) ending with `last`, newest first. */
export function recentMonths(last: string, count: number): string[] {
  let year = Number(last.slice(0, 4));
  let month = Number(last.slice(5, 7));
  const months: string[] = [];
  for (let index = 0; index < count; index++) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/**
 * A month of the cash register (admins): totals, income against expense per day as a chart, the
 * totals per method and what each doctor billed and collected.
 */
@Component({
  selector: 'cs-cash-monthly-page',
  imports: [
    BarChartComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    MoneyPipe,
    ProductionTableComponent,
    TranslatePipe,
  ],
  templateUrl: './monthly-page.component.html',
  styleUrl: './monthly-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonthlyPageComponent {
  private readonly api = inject(CashApi);
  private readonly i18n = inject(I18n);
  protected readonly settings = inject(CashSettings);
  protected readonly catalog = inject(CashCatalog);
  protected readonly all = ALL;
  protected readonly unlessAll = unlessAll;

  protected readonly methodKeys = METHOD_KEYS;
  protected readonly methodIcons = METHOD_ICONS;
  /** `YYYY-MM`; `null` until the clinic's calendar is known. */
  protected readonly month = signal<string | null>(null);
  protected readonly locationId = signal<string | null>(null);
  private readonly reloads = signal(0);
  protected readonly report = signal<MonthlyReportDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly thisMonth = computed(
    () => this.settings.settings() && this.settings.today().slice(0, 7),
  );
  /** The months offered, newest first: this one and the two years before it. */
  protected readonly months = computed(() => {
    const current = this.thisMonth();
    if (!current) return [];
    const chosen = this.month();
    const months = recentMonths(current, MONTHS_BACK);
    return chosen && !months.includes(chosen) ? [...months, chosen] : months;
  });
  protected readonly chartLabel = computed(() => {
    const report = this.report();
    if (!report) return '';
    return this.i18n.t('cash.chart.label', {
      month: this.settings.month(report.month),
      income: this.settings.money(report.income, report.currency),
      expense: this.settings.money(report.expense, report.currency),
    });
  });

  constructor() {
    this.settings.ensureLoaded();
    this.catalog.loadLocations();
    toObservable(
      computed(() => ({
        month: this.month() ?? this.thisMonth(),
        locationId: this.locationId(),
        reload: this.reloads(),
      })),
    )
      .pipe(
        filter(
          (query): query is { month: string; locationId: string | null; reload: number } => !!query.month,
        ),
        tap(() => {
          this.loading.set(true);
          this.failure.set(null);
        }),
        switchMap(({ month, locationId }) =>
          this.api.monthly(month, locationId).pipe(
            map((report) => ({ report })),
            catchError((error: unknown) => of({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('report' in result) this.report.set(result.report);
        else this.failure.set(cashFailure(this.i18n, result.error));
      });
  }

  protected onMonth(value: string): void {
    if (MONTH_PATTERN.test(value)) this.month.set(value);
  }

  protected retry(): void {
    this.reloads.update((count) => count + 1);
  }
}
