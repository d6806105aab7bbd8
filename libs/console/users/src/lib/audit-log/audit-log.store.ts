import { Injectable, inject } from '@angular/core';
import { AuditApi, AuditListQuery, PagedListStore } from '@consultorio/console/core';
import { DEFAULT_PAGE_SIZE, type AuditEntryDto, type AuditPageDto } from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

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
export class AuditLogStore extends PagedListStore<AuditListQuery, AuditEntryDto> {
  private readonly api = inject(AuditApi);
  readonly entries = this.items;

  constructor() {
    super({ ...EMPTY_AUDIT_FILTERS, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  }

  protected fetch(query: AuditListQuery): Observable<AuditPageDto> {
    return this.api.list(query);
  }

  filter(filters: Partial<typeof EMPTY_AUDIT_FILTERS>): void {
    this.refine(filters);
  }
}
