import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { AuditApi, AuditListQuery, ConnectionState, statusOf } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, type AuditEntryDto, type AuditPageDto } from '@consultorio/shared/contracts';
import { catchError, map, of, switchMap, tap } from 'rxjs';

type LoadResult = { page: AuditPageDto } | { error: unknown };

export const EMPTY_AUDIT_FILTERS: Omit<AuditListQuery, 'page' | 'pageSize'> = {
  actorId: null,
  entity: null,
  entityId: null,
  action: null,
  from: null,
  to: null,
};

/** State of the audit log page: filters, the current page and how loading it went. */
@Injectable()
export class AuditLogStore {
  private readonly api = inject(AuditApi);
  private readonly connection = inject(ConnectionState);
  private readonly reloads = signal(0);

  readonly query = signal<AuditListQuery>({ ...EMPTY_AUDIT_FILTERS, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  readonly page = signal<AuditPageDto | null>(null);
  readonly loading = signal(false);
  readonly failure = signal<'offline' | 'error' | null>(null);
  readonly entries = computed<AuditEntryDto[]>(() => this.page()?.items ?? []);
  readonly total = computed(() => this.page()?.total ?? 0);

  constructor() {
    toObservable(computed(() => ({ query: this.query(), reload: this.reloads() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ query }) =>
          this.api.list(query).pipe(
            map((page): LoadResult => ({ page })),
            catchError((error: unknown) => of<LoadResult>({ error })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('page' in result) {
          this.page.set(result.page);
          this.failure.set(null);
        } else {
          this.failure.set(statusOf(result.error) === 0 ? 'offline' : 'error');
        }
      });

    effect(() => {
      if (!this.connection.lost() && this.failure() === 'offline') untracked(() => this.reload());
    });
  }

  filter(filters: Partial<typeof EMPTY_AUDIT_FILTERS>): void {
    this.query.update((query) => ({ ...query, ...filters, page: 1 }));
  }

  paginate(pageIndex: number, pageSize: number): void {
    this.query.update((query) => ({ ...query, page: pageIndex + 1, pageSize }));
  }

  reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
