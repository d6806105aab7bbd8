import { computed, effect, inject, signal, untracked, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { Page } from '@consultorio/shared/contracts';
import { catchError, map, of, switchMap, tap, type Observable } from 'rxjs';
import { ConnectionState } from '../connection/connection-state';
import { statusOf } from '../http/problem';

/** The paging part of every list query (the API counts pages from 1). */
export interface PagedQuery {
  page: number;
  pageSize: number;
}

type LoadResult<TItem> = { page: Page<TItem> } | { error: unknown };

/**
 * State of a server-paginated list page: the query, the current page and how loading it went.
 * Loads whenever the query changes (dropping answers to outdated queries) and loads again once a
 * lost connection comes back. Each list page's store extends it and says how to fetch a page.
 */
export abstract class PagedListStore<TQuery extends PagedQuery, TItem> {
  private readonly connection = inject(ConnectionState);
  private readonly reloads = signal(0);

  readonly query: WritableSignal<TQuery>;
  readonly page = signal<Page<TItem> | null>(null);
  readonly loading = signal(false);
  /** Why the last load failed: no network (retried once it is back) or another error. */
  readonly failure = signal<'offline' | 'error' | null>(null);
  readonly items = computed<TItem[]>(() => this.page()?.items ?? []);
  readonly total = computed(() => this.page()?.total ?? 0);

  protected constructor(initialQuery: TQuery) {
    this.query = signal(initialQuery);
    toObservable(computed(() => ({ query: this.query(), reload: this.reloads() })))
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ query }) =>
          this.fetch(query).pipe(
            map((page): LoadResult<TItem> => ({ page })),
            catchError((error: unknown) => of<LoadResult<TItem>>({ error })),
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

  /** One page of the list for `query`. */
  protected abstract fetch(query: TQuery): Observable<Page<TItem>>;

  /** Changes filters; the list starts again at its first page. */
  protected refine(changes: Partial<Omit<TQuery, 'page'>>): void {
    this.query.update((query) => ({ ...query, ...changes, page: 1 }));
  }

  /** `pageIndex` counts from 0 as in `mat-paginator`. */
  paginate(pageIndex: number, pageSize: number): void {
    this.query.update((query) => ({ ...query, page: pageIndex + 1, pageSize }));
  }

  reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
