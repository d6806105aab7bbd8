import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AvailableSlotDto,
  CreateDoctorDto,
  CreateScheduleBlockDto,
  CreateSpecialHoursDto,
  CreateWorkingHoursDto,
  DoctorDto,
  DoctorPageDto,
  DoctorScheduleDto,
  ScheduleBlockDto,
  SpecialHoursDto,
  WorkingHoursDto,
} from '@consultorio/shared/contracts';
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

/** The range and length of the free slots asked of one doctor (`GET /doctors/{id}/available-slots`). */
export interface DoctorSlotsQuery {
  from: string;
  to: string;
  locationId: string;
  durationMinutes?: number;
  treatmentId?: string;
}

/**
 * `/doctors`: doctor profiles (with their calendar colour) and schedules. Every staff role reads
 * them; superadmins and admins write them.
 */
@Injectable({ providedIn: 'root' })
export class DoctorsApi {
  private readonly http = inject(HttpClient);

  list(query: DoctorListQuery = {}): Observable<DoctorPageDto> {
    return this.http.get<DoctorPageDto>(apiUrl('/doctors'), { params: queryParams({ ...query }) });
  }

  get(id: string): Observable<DoctorDto> {
    return this.http.get<DoctorDto>(this.url(id));
  }

  /** A profile for a user with the doctor role; a taken license or user answers 409. */
  create(doctor: CreateDoctorDto): Observable<DoctorDto> {
    return this.http.post<DoctorDto>(apiUrl('/doctors'), doctor);
  }

  /** Changes only the fields sent; `specialtyIds` and `locationIds` replace the lists. */
  update(id: string, changes: Partial<CreateDoctorDto>): Observable<DoctorDto> {
    return this.http.patch<DoctorDto>(this.url(id), changes);
  }

  /** Weekly hours, special hours and blocks of one doctor. */
  schedule(id: string): Observable<DoctorScheduleDto> {
    return this.http.get<DoctorScheduleDto>(this.url(id, '/schedule'));
  }

  /** One weekly range; one overlapping another of the doctor's on that weekday answers 409. */
  addWorkingHours(id: string, hours: CreateWorkingHoursDto): Observable<WorkingHoursDto> {
    return this.http.post<WorkingHoursDto>(this.url(id, '/schedule/hours'), hours);
  }

  removeWorkingHours(id: string, entryId: string): Observable<void> {
    return this.http.delete<void>(this.url(id, `/schedule/hours/${encodeURIComponent(entryId)}`));
  }

  /** Hours for one date, replacing the weekly hours of that date. */
  addSpecialHours(id: string, hours: CreateSpecialHoursDto): Observable<SpecialHoursDto> {
    return this.http.post<SpecialHoursDto>(this.url(id, '/schedule/special-hours'), hours);
  }

  removeSpecialHours(id: string, entryId: string): Observable<void> {
    return this.http.delete<void>(this.url(id, `/schedule/special-hours/${encodeURIComponent(entryId)}`));
  }

  /** Vacation or blocked time: nothing can be booked in it. */
  addBlock(id: string, block: CreateScheduleBlockDto): Observable<ScheduleBlockDto> {
    return this.http.post<ScheduleBlockDto>(this.url(id, '/schedule/blocks'), block);
  }

  removeBlock(id: string, entryId: string): Observable<void> {
    return this.http.delete<void>(this.url(id, `/schedule/blocks/${encodeURIComponent(entryId)}`));
  }

  /** Free slots of the doctor at a location over up to 62 days. */
  availableSlots(id: string, query: DoctorSlotsQuery): Observable<AvailableSlotDto[]> {
    return this.http.get<AvailableSlotDto[]>(this.url(id, '/available-slots'), {
      params: queryParams({ ...query }),
    });
  }

  private url(id: string, rest = ''): string {
    return apiUrl(`/doctors/${encodeURIComponent(id)}${rest}`);
  }
}
