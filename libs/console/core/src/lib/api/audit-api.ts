import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditAction, AuditPageDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Filters and page of the audit log (`GET /audit-log`). */
export interface AuditListQuery {
  actorId: string | null;
  entity: string | null;
  entityId: string | null;
  action: AuditAction | null;
  /** ISO 8601 instant, inclusive. */
  from: string | null;
  /** ISO 8601 instant, exclusive. */
  to: string | null;
  page: number;
  pageSize: number;
}

/** `/audit-log`: who did what, for superadmins. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditListQuery): Observable<AuditPageDto> {
    return this.http.get<AuditPageDto>(apiUrl('/audit-log'), { params: queryParams({ ...query }) });
  }
}
