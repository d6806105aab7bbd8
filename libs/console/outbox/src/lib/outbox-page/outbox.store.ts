import { Injectable, computed, inject, signal } from '@angular/core';
import { PagedListStore } from '@consultorio/console/core';
import {
  DEFAULT_PAGE_SIZE,
  type OutboxMessageDto,
  type OutboxPageDto,
  type OutboxStatus,
} from '@consultorio/shared/contracts';
import { tap, type Observable } from 'rxjs';
import { OutboxApi, type OutboxListQuery } from '../data/outbox-api';

/** State of the outbox page: filters, order, the current page, the counts per status. */
@Injectable()
export class OutboxStore extends PagedListStore<OutboxListQuery, OutboxMessageDto> {
  private readonly api = inject(OutboxApi);
  readonly messages = this.items;
  /** How many messages of the whole outbox are in each status (whatever the filters); `null` before the first answer. */
  readonly counts = signal<Readonly<Record<OutboxStatus, number>> | null>(null);
  /** How many messages the outbox holds. */
  readonly countAll = computed(() => {
    const counts = this.counts();
    return counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : null;
  });

  constructor() {
    super({ q: '', status: null, template: null, page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: '-createdAt' });
  }

  protected fetch(query: OutboxListQuery): Observable<OutboxPageDto> {
    return this.api.list(query).pipe(tap((page) => this.counts.set(page.counts)));
  }

  search(q: string): void {
    this.refine({ q });
  }

  filter(changes: { status?: OutboxStatus | null; template?: string | null }): void {
    this.refine(changes);
  }

  sortBy(field: string, direction: 'asc' | 'desc' | ''): void {
    this.refine({ sort: direction === 'asc' ? field : `-${field}` });
  }
}
