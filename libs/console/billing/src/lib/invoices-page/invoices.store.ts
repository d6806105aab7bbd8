import { Injectable, inject } from '@angular/core';
import { PagedListStore } from '@consultorio/console/core';
import {
  DEFAULT_PAGE_SIZE,
  type InvoicePageDto,
  type InvoiceSummaryDto,
} from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';
import { InvoicesApi, type InvoiceListQuery } from '../data/invoices-api';

/** State of the invoices page: filters, order and the current page. */
@Injectable()
export class InvoicesStore extends PagedListStore<InvoiceListQuery, InvoiceSummaryDto> {
  private readonly api = inject(InvoicesApi);
  readonly invoices = this.items;

  constructor() {
    super({
      search: '',
      status: null,
      kind: null,
      patientId: null,
      appointmentId: null,
      from: null,
      to: null,
      unpaid: false,
      page: 1,
      pageSize: DEFAULT_PAGE_SIZE,
      sort: '-createdAt',
    });
  }

  protected fetch(query: InvoiceListQuery): Observable<InvoicePageDto> {
    return this.api.list(query);
  }

  /** Changes filters; the list starts again at its first page. */
  filter(changes: Partial<Omit<InvoiceListQuery, 'page' | 'pageSize' | 'sort'>>): void {
    this.refine(changes);
  }

  sortBy(field: string, direction: 'asc' | 'desc' | ''): void {
    this.refine({ sort: direction === 'asc' ? field : `-${field}` });
  }
}
