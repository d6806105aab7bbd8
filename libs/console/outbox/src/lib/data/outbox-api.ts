import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { apiUrl } from '@consultorio/console/core';
import type {
  CaughtMailDto,
  OutboxMessageDetailDto,
  OutboxMessageDto,
  OutboxPageDto,
  OutboxStatus,
} from '@consultorio/shared/contracts';
import type { Observable } from 'rxjs';

/** Filters, page and order of the outbox list (`GET /outbox`). */
export interface OutboxListQuery {
  /** Part of the recipient's address or of the subject. */
  q: string;
  status: OutboxStatus | null;
  template: string | null;
  page: number;
  pageSize: number;
  /** `createdAt` or `nextAttemptAt`, `-` prefixed for descending. */
  sort: string;
}

const path = (id: string, rest = '') => apiUrl(`/outbox/${encodeURIComponent(id)}${rest}`);

/** `/outbox`: outgoing messages and their delivery (superadmins and admins). */
@Injectable({ providedIn: 'root' })
export class OutboxApi {
  private readonly http = inject(HttpClient);

  list(query: OutboxListQuery): Observable<OutboxPageDto> {
    let params = new HttpParams()
      .set('page', query.page)
      .set('pageSize', query.pageSize)
      .set('sort', query.sort);
    if (query.q.trim()) params = params.set('q', query.q.trim());
    if (query.status) params = params.set('status', query.status);
    if (query.template) params = params.set('template', query.template);
    return this.http.get<OutboxPageDto>(apiUrl('/outbox'), { params });
  }

  get(id: string): Observable<OutboxMessageDetailDto> {
    return this.http.get<OutboxMessageDetailDto>(path(id));
  }

  /** The message as the embedded mail catcher received it: none when it was not caught. */
  caught(id: string): Observable<CaughtMailDto[]> {
    return this.http.get<CaughtMailDto[]>(path(id, '/caught'));
  }

  /** An attachment exactly as it was sent; `index` counts from 0 in the message's list. */
  attachment(id: string, index: number): Observable<Blob> {
    return this.http.get(path(id, `/attachments/${index}`), { responseType: 'blob' });
  }

  /** A failed or cancelled message goes back to the queue; a sent one is queued as a new copy. */
  resend(id: string): Observable<OutboxMessageDto> {
    return this.http.post<OutboxMessageDto>(path(id, '/resend'), null);
  }

  cancel(id: string): Observable<OutboxMessageDto> {
    return this.http.post<OutboxMessageDto>(path(id, '/cancel'), null);
  }
}
