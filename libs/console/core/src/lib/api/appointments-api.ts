import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  type AppointmentDto,
  type AppointmentPageDto,
  type AppointmentStatus,
  type AvailableSlotDto,
  type CreateAppointmentDto,
  type RescheduleAppointmentDto,
} from '@consultorio/shared/contracts';
import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { apiUrl } from '../http/api-context';
import { queryParams } from './query-params';

/** Filters and page of `GET /appointments`; `from`/`to` are ISO instants (overlap, not containment). */
export interface AppointmentListQuery {
  from?: string | null;
  to?: string | null;
  doctorId?: string | null;
  patientId?: string | null;
  locationId?: string | null;
  status?: AppointmentStatus | null;
  page?: number;
  pageSize?: number;
  /** `start` or `createdAt`, `-` prefixed for descending. */
  sort?: string;
}

/** What free slots are asked for: clinic-local dates (`YYYY-MM-DD`, inclusive) and the visit. */
export interface AvailableSlotsQuery {
  from: string;
  to: string;
  locationId: string;
  treatmentId?: string | null;
  specialtyId?: string | null;
  durationMinutes?: number | null;
  /** One doctor's slots; without it, the slots of every doctor of the treatment's specialty. */
  doctorId?: string | null;
}

/**
 * `/appointments`: book, move and move through the workflow. Doctors only see and act on their own
 * agenda (the API filters). A 409 carries `conflicts`, a 422 the rule that refused.
 */
@Injectable({ providedIn: 'root' })
export class AppointmentsApi {
  private readonly http = inject(HttpClient);

  list(query: AppointmentListQuery): Observable<AppointmentPageDto> {
    return this.http.get<AppointmentPageDto>(apiUrl('/appointments'), { params: queryParams({ ...query }) });
  }

  /** Every appointment matching `query`, fetched a full page at a time (the rest in parallel). */
  listAll(query: Omit<AppointmentListQuery, 'page' | 'pageSize'>): Observable<AppointmentDto[]> {
    const pageSize = MAX_PAGE_SIZE;
    return this.list({ ...query, page: 1, pageSize }).pipe(
      switchMap((first) => {
        const pages = Math.ceil(first.total / pageSize);
        if (pages <= 1) return of(first.items);
        const rest = Array.from({ length: pages - 1 }, (_, index) =>
          this.list({ ...query, page: index + 2, pageSize }).pipe(map((page) => page.items)),
        );
        return forkJoin(rest).pipe(map((more) => [...first.items, ...more.flat()]));
      }),
    );
  }

  get(id: string): Observable<AppointmentDto> {
    return this.http.get<AppointmentDto>(apiUrl(`/appointments/${encodeURIComponent(id)}`));
  }

  create(appointment: CreateAppointmentDto): Observable<AppointmentDto> {
    return this.http.post<AppointmentDto>(apiUrl('/appointments'), appointment);
  }

  /** Moves a scheduled or confirmed appointment; the length is kept unless `end` is sent. */
  reschedule(id: string, move: RescheduleAppointmentDto): Observable<AppointmentDto> {
    return this.http.put<AppointmentDto>(apiUrl(`/appointments/${encodeURIComponent(id)}`), move);
  }

  /** One step of the workflow (`APPOINTMENT_TRANSITIONS`); cancelling needs a reason. */
  changeStatus(id: string, status: AppointmentStatus, reason?: string): Observable<AppointmentDto> {
    return this.http.patch<AppointmentDto>(apiUrl(`/appointments/${encodeURIComponent(id)}/status`), {
      status,
      ...(reason ? { reason } : {}),
    });
  }

  /** Free slots, earliest first: one doctor's, or across the doctors of the treatment or specialty. */
  availableSlots(query: AvailableSlotsQuery): Observable<AvailableSlotDto[]> {
    const { doctorId, ...params } = query;
    const path = doctorId
      ? `/doctors/${encodeURIComponent(doctorId)}/available-slots`
      : '/appointments/available-slots';
    return this.http.get<AvailableSlotDto[]>(apiUrl(path), { params: queryParams({ ...params }) });
  }
}
