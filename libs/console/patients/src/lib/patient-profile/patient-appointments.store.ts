import { Injectable, inject } from '@angular/core';
import { AppointmentsApi, PagedListStore, type AppointmentListQuery } from '@consultorio/console/core';
import {
  DEFAULT_PAGE_SIZE,
  type AppointmentDto,
  type AppointmentPageDto,
} from '@consultorio/shared/contracts';
import { of, type Observable } from 'rxjs';

type PatientAppointmentsQuery = AppointmentListQuery & { page: number; pageSize: number };

/** One patient's appointments, newest first, a page at a time. */
@Injectable()
export class PatientAppointmentsStore extends PagedListStore<PatientAppointmentsQuery, AppointmentDto> {
  private readonly api = inject(AppointmentsApi);

  constructor() {
    // Nothing is asked until the patient is known (`forPatient`).
    super({ patientId: null, sort: '-start', page: 1, pageSize: DEFAULT_PAGE_SIZE });
  }

  protected fetch(query: PatientAppointmentsQuery): Observable<AppointmentPageDto> {
    if (!query.patientId) return of({ items: [], total: 0, page: 1, pageSize: query.pageSize });
    return this.api.list(query);
  }

  forPatient(patientId: string): void {
    this.refine({ patientId });
  }
}
