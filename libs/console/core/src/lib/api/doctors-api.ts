import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DoctorPageDto, DoctorScheduleDto } from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Filters and page of the doctors list (`GET /doctors`). */
export interface DoctorListQuery {
  q?: string;
  locationId?: string | null;
  specialtyId?: string | null;
  available?: boolean | null;
  page?: number;
  pageSize?: number;
}

/** `/doctors`: doctor profiles (with their calendar colour) and schedules; every staff role reads them. */
@Injectable({ providedIn: 'root' })
export class DoctorsApi {
  private readonly http = inject(HttpClient);

  list(query: DoctorListQuery = {}): Observable<DoctorPageDto> {
    return this.http.get<DoctorPageDto>(apiUrl('/doctors'), { params: queryParams({ ...query }) });
  }

  /** Weekly hours, special hours and blocks of one doctor. */
  schedule(id: string): Observable<DoctorScheduleDto> {
    return this.http.get<DoctorScheduleDto>(apiUrl(`/doctors/${encodeURIComponent(id)}/schedule`));
  }
}
