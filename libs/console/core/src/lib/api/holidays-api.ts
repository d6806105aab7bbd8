import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateHolidayDto, HolidayDto, HolidayPageDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Dates (inclusive, `YYYY-MM-DD`) and page of the holidays list (`GET /holidays`). */
export interface HolidayListQuery {
  from: string | null;
  to: string | null;
  page: number;
  pageSize: number;
}

/** `/holidays`: the days the clinic is closed. Every staff role reads them; admins write them. */
@Injectable({ providedIn: 'root' })
export class HolidaysApi {
  private readonly http = inject(HttpClient);

  list(query: HolidayListQuery): Observable<HolidayPageDto> {
    return this.http.get<HolidayPageDto>(apiUrl('/holidays'), { params: queryParams({ ...query }) });
  }

  /** A date that is already a holiday answers 409. */
  create(holiday: CreateHolidayDto): Observable<HolidayDto> {
    return this.http.post<HolidayDto>(apiUrl('/holidays'), holiday);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(apiUrl(`/holidays/${encodeURIComponent(id)}`));
  }
}
