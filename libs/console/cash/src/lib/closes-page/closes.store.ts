import { Injectable, inject } from '@angular/core';
import { PagedListStore } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, type CashCloseDto, type CashClosePageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';
import { CashApi, type CloseListQuery } from '../data/cash-api';

/** State of the closes list: range, location, cashier and the current page, newest day first. */
@Injectable()
export class ClosesStore extends PagedListStore<CloseListQuery, CashCloseDto> {
  private readonly api = inject(CashApi);
  readonly closes = this.items;

  constructor() {
    super({
      from: null,
      to: null,
      locationId: null,
      cashierId: null,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sort: '-businessDate',
    });
  }

  protected fetch(query: CloseListQuery): Observable<CashClosePageDto> {
    return this.api.closes(query);
  }

  filter(changes: Partial<Omit<CloseListQuery, 'page' | 'pageSize' | 'sort'>>): void {
    this.refine(changes);
  }
}
