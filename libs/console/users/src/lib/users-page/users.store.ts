import { Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { ConnectionState, UserListQuery, UsersApi, statusOf } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, Role, type UserDto, type UserPageDto } from '@consultorio/shared/contracts';
import { Observable, catchError, map, of, switchMap, tap } from 'rxjs';

type LoadResult = { page: UserPageDto } | { error: unknown };

/** State of the users page: filters, order, the current page and how loading it went. */
@Injectable()
export class UsersStore {
  private readonly api = inject(UsersApi);
  private readonly connection = inject(ConnectionState);
  private readonly reloads = signal(0);

  readonly query = signal<UserListQuery>({
    q: '',
    role: null,
    active: null,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    sort: 'fullName',
  });
  readonly page = signal<UserPageDto | null>(null);
  readonly loading = signal(false);
  /** Why the last load failed: no network (retried once it is back) or another error. */
  readonly failure = signal<'offline' | 'error' | null>(null);
  readonly users = computed<UserDto[]>(() => this.page()?.items ?? []);
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

  search(q: string): void {
    this.query.update((query) => ({ ...query, q, page: 1 }));
  }

  filter(changes: { role?: Role | null; active?: boolean | null }): void {
    this.query.update((query) => ({ ...query, ...changes, page: 1 }));
  }

  /** `pageIndex` counts from 0 as in `mat-paginator`; the API counts pages from 1. */
  paginate(pageIndex: number, pageSize: number): void {
    this.query.update((query) => ({ ...query, page: pageIndex + 1, pageSize }));
  }

  sortBy(field: string, direction: 'asc' | 'desc' | ''): void {
    const sort = direction === 'desc' ? `-${field}` : field;
    this.query.update((query) => ({ ...query, sort, page: 1 }));
  }

  reload(): void {
    this.reloads.update((count) => count + 1);
  }

  setActive(user: UserDto, active: boolean): Observable<UserDto> {
    return this.api.update(user.id, { active });
  }
}
