import { Injectable, inject } from '@angular/core';
import { PagedListStore, PatientListQuery, PatientsApi } from '@consultorio/console/core';
import {
  DEFAULT_PAGE_SIZE,
  type PatientPageDto,
  type PatientStatus,
  type PatientSummaryDto,
} from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

/** State of the patients page: search, status filter, order, the current page and how loading it went. */
@Injectable()
export class PatientsStore extends PagedListStore<PatientListQuery, PatientSummaryDto> {
  private readonly api = inject(PatientsApi);

  constructor() {
    super({ q: '', status: null, page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: 'lastNames' });
  }

  protected fetch(query: PatientListQuery): Observable<PatientPageDto> {
    return this.api.list(query);
  }

  search(q: string): void {
    this.refine({ q });
  }

  filterStatus(status: PatientStatus | null): void {
    this.refine({ status });
  }

  sortBy(field: string, direction: 'asc' | 'desc' | ''): void {
    this.refine({ sort: direction === 'desc' ? `-${field}` : field });
  }
}
