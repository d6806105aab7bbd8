import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import type { DoctorProductionDto } from '@consultorio/shared/contracts';
import { catchError, filter, map, of, switchMap, tap } from 'rxjs';
import { CashApi } from '../data/cash-api';
import { ALL, CashCatalog, unlessAll } from '../shared/cash-catalog';
import { BusinessDayPipe } from '../shared/cash-pipes';
import { cashFailure } from '../shared/cash-problem';
import { CashSettings } from '../shared/cash-settings';
import { ProductionTableComponent } from './production-table.component';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Period {
  from: string;
  to: string;
}

/**
 * What doctors billed, had credited and collected over a period (this month by default): a
 * doctor sees their own; admins any doctor or all of them.
 */
@Component({
  selector: 'cs-cash-production-page',
  imports: [
    BusinessDayPipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ProductionTableComponent,
    TranslatePipe,
  ],
  templateUrl: './production-page.component.html',
  styleUrl: './production-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductionPageComponent {
  private readonly api = inject(CashApi);
  private readonly i18n = inject(I18n);
  protected readonly settings = inject(CashSettings);
  protected readonly catalog = inject(CashCatalog);
  protected readonly all = ALL;
  protected readonly unlessAll = unlessAll;

  protected readonly isDoctor = this.catalog.isDoctor;
  /** The period chosen; `null` for this month so far (known once the clinic's calendar is). */
  private readonly chosen = signal<Period | null>(null);
  protected readonly doctorId = signal<string | null>(null);
  private readonly reloads = signal(0);
  protected readonly rows = signal<DoctorProductionDto[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly today = computed(() => (this.settings.settings() ? this.settings.today() : null));
  protected readonly period = computed<Period | null>(() => {
    const chosen = this.chosen();
    if (chosen) return chosen;
    const today = this.today();
    return today ? { from: `${today.slice(0, 7)}-01`, to: today } : null;
  });

  constructor() {
    this.settings.ensureLoaded();
    if (!this.isDoctor()) this.catalog.loadDoctors();
    toObservable(
      computed(() => ({ period: this.period(), doctorId: this.doctorId(), reload: this.reloads() })),
    )
      .pipe(
        filter(
          (query): query is { period: Period; doctorId: string | null; reload: number } => !!query.period,
        ),
        tap(() => {
          this.loading.set(true);
          this.failure.set(null);
        }),
        switchMap(({ period, doctorId }) =>
          this.api.production(period.from, period.to, doctorId).pipe(
            map((rows) => ({ rows })),
            catchError((error: unknown) => of({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('rows' in result) this.rows.set(result.rows);
        else this.failure.set(cashFailure(this.i18n, result.error));
      });
  }

  protected setFrom(from: string): void {
    const period = this.period();
    if (!period || !DATE.test(from)) return;
    this.chosen.set({ from, to: from > period.to ? from : period.to });
  }

  protected setTo(to: string): void {
    const period = this.period();
    if (!period || !DATE.test(to)) return;
    this.chosen.set({ from: to < period.from ? to : period.from, to });
  }

  protected retry(): void {
    this.reloads.update((count) => count + 1);
  }
}
