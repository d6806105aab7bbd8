import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { PagedListStore, statusOf } from '@consultorio/console/core';
import {
  DEFAULT_PAGE_SIZE,
  type CashCloseDto,
  type CashTransactionDto,
  type CashTransactionPageDto,
  type DailyReportDto,
} from '@consultorio/shared/contracts';
import { NEVER, catchError, filter, map, of, switchMap, tap, type Observable } from 'rxjs';
import { CashApi, type DrawerDayQuery } from '../data/cash-api';

/** The day shown, whose drawer(s), and the page of its entries. */
export interface DayQuery extends DrawerDayQuery {
  page: number;
  pageSize: number;
  sort: string;
}

const sameDrawerDay = (a: DrawerDayQuery, b: DrawerDayQuery) =>
  a.date === b.date && a.locationId === b.locationId && a.cashierId === b.cashierId;

/**
 * State of the day view: which day, location and cashier; that day's report (totals per method
 * and concept, its closes) and a page of its entries. Nothing loads until a location is chosen.
 */
@Injectable()
export class DayStore extends PagedListStore<DayQuery, CashTransactionDto> {
  private readonly api = inject(CashApi);
  private readonly reportReloads = signal(0);

  readonly entries = this.items;
  /** The day's report for the filters; `null` before the first answer. */
  readonly report = signal<DailyReportDto | null>(null);
  readonly reportLoading = signal(false);
  readonly reportFailure = signal<'offline' | 'error' | null>(null);
  /** The drawer-day the filters name, without the page. */
  readonly drawerDay = computed<DrawerDayQuery>(
    () => {
      const { date, locationId, cashierId } = this.query();
      return { date, locationId, cashierId };
    },
    { equal: sameDrawerDay },
  );
  /** The closes of the day for the filters (one per drawer). */
  readonly closes = computed<CashCloseDto[]>(() => this.report()?.closes ?? []);

  constructor() {
    super({
      date: null,
      locationId: null,
      cashierId: null,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sort: '-occurredAt',
    });
    toObservable(computed(() => ({ day: this.drawerDay(), reload: this.reportReloads() })))
      .pipe(
        filter(({ day }) => !!day.locationId),
        tap(() => this.reportLoading.set(true)),
        switchMap(({ day }) =>
          this.api.daily(day).pipe(
            map((report) => ({ report })),
            catchError((error: unknown) => of({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.reportLoading.set(false);
        if ('report' in result) {
          this.report.set(result.report);
          this.reportFailure.set(null);
        } else {
          this.reportFailure.set(statusOf(result.error) === 0 ? 'offline' : 'error');
        }
      });
  }

  protected fetch(query: DayQuery): Observable<CashTransactionPageDto> {
    // The page waits for a location (the first one once the list arrives).
    if (!query.locationId) return NEVER;
    const { date, locationId, cashierId, page, pageSize, sort } = query;
    return this.api.list({ from: date, to: date, locationId, cashierId, page, pageSize, sort });
  }

  /** Shows another day, location or cashier, from the first page of entries. */
  show(changes: Partial<DrawerDayQuery>): void {
    this.refine(changes);
  }

  /** Loads the report and the entries again (after an entry, a void or a close). */
  refresh(): void {
    this.reportReloads.update((count) => count + 1);
    this.reload();
  }

  /** Whether the drawer-day of `entry` is closed (its entries can no longer change). */
  isLocked(entry: CashTransactionDto): boolean {
    return this.closes().some(
      (close) =>
        close.locationId === entry.locationId &&
        close.cashierId === entry.cashierId &&
        close.businessDate === entry.businessDate,
    );
  }
}
