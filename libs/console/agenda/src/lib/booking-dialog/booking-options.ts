import { Injectable, inject, signal } from '@angular/core';
import { AppointmentsApi } from '@consultorio/console/core';
import type { AppointmentDto, DoctorDto, ResourceDto, TreatmentDto } from '@consultorio/shared/contracts';
import { addDays } from '@consultorio/shared/scheduling';
import { Subscription, catchError, of } from 'rxjs';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { holdsTime } from '../shared/appointment-status';
import { rangeInstants } from '../shared/agenda-time';
import { BookingFormValue, parseSlotKey } from './booking-form';

/** A resource offered for the booking, and whether another appointment holds it at the chosen time. */
export interface ResourceChoice extends ResourceDto {
  busy: boolean;
}

/**
 * The choices of the booking form, narrowed by what is already chosen: doctors of the site (and
 * treatment), treatments of the doctor, resources of the type the treatment needs at the site.
 */
@Injectable()
export class BookingOptions {
  private readonly catalog = inject(AgendaCatalog);
  private readonly api = inject(AppointmentsApi);
  private readonly dayAppointments = signal<AppointmentDto[]>([]);
  private loading?: Subscription;

  doctorsFor(value: BookingFormValue): DoctorDto[] {
    const own = this.catalog.ownDoctor();
    if (this.catalog.isDoctor()) return own ? [own] : [];
    const specialtyId = this.catalog.treatment(value.treatmentId)?.specialtyId;
    return this.catalog
      .doctors()
      .filter(
        (doctor) =>
          doctor.available &&
          (!value.locationId || doctor.locationIds.includes(value.locationId)) &&
          (!specialtyId || doctor.specialtyIds.includes(specialtyId)),
      );
  }

  treatmentsFor(value: BookingFormValue): TreatmentDto[] {
    const doctor = this.catalog.doctor(value.doctor) ?? this.catalog.ownDoctor();
    const treatments = this.catalog.treatments();
    return doctor
      ? treatments.filter((treatment) => doctor.specialtyIds.includes(treatment.specialtyId))
      : treatments;
  }

  resourcesFor(value: BookingFormValue, treatment: TreatmentDto | undefined): ResourceChoice[] {
    const type = treatment?.requiredResourceType;
    if (!type) return [];
    const slot = parseSlotKey(value.start);
    const start = slot ? Date.parse(slot.start) : NaN;
    const end = start + (treatment?.durationMinutes ?? 0) * 60_000;
    const taken = new Set(
      this.dayAppointments()
        .filter(
          (appointment) =>
            appointment.resourceId &&
            holdsTime(appointment.status) &&
            Date.parse(appointment.start) < end &&
            Date.parse(appointment.end) > start,
        )
        .map((appointment) => appointment.resourceId),
    );
    return this.catalog
      .resources()
      .filter((resource) => resource.locationId === value.locationId && resource.type === type)
      .map((resource) => ({ ...resource, busy: taken.has(resource.id) }));
  }

  /** Fetches the day's appointments at the site (doctors only get their own: the server still decides). */
  loadDay(value: BookingFormValue): void {
    this.loading?.unsubscribe();
    this.dayAppointments.set([]);
    if (!value.locationId || !value.date) return;
    const range = rangeInstants({ start: value.date, end: addDays(value.date, 1) }, this.catalog.timeZone());
    this.loading = this.api
      .listAll({ ...range, locationId: value.locationId })
      .pipe(catchError(() => of([])))
      .subscribe((appointments) => this.dayAppointments.set(appointments));
  }
}
