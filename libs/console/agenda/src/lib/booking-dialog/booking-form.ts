import type { FieldErrors } from '@consultorio/console/core';
import type { AvailableSlotDto, CreateAppointmentDto, TreatmentDto } from '@consultorio/shared/contracts';

/** What the booking form holds. `start` is a slot key (see {@link slotKey}); `doctor` filters the suggestions. */
export interface BookingFormValue {
  patientId: string;
  locationId: string;
  treatmentId: string;
  /** The doctor whose free slots are suggested; `''` for any doctor of the treatment's specialty. */
  doctor: string;
  /** Clinic-local date of the suggestions, `YYYY-MM-DD`. */
  date: string;
  start: string;
  resourceId: string;
  reason: string;
}

/** A time the user may book: a free slot the API suggested, or the time they clicked. */
export interface SlotChoice {
  start: string;
  doctorId: string;
  /** Whether the API suggested it (a clicked time may well be taken: the server decides). */
  suggested: boolean;
}

/** The form value of a slot: start and doctor together, since several doctors may be free at once. */
export function slotKey(slot: Pick<AvailableSlotDto, 'start' | 'doctorId'>): string {
  return `${new Date(slot.start).toISOString()}|${slot.doctorId}`;
}

export function parseSlotKey(key: string): { start: string; doctorId: string } | null {
  const [start, doctorId] = key.split('|');
  return start && doctorId ? { start, doctorId } : null;
}

/** The body of `POST /appointments`. */
export function toCreateAppointment(value: BookingFormValue): CreateAppointmentDto {
  const slot = parseSlotKey(value.start);
  return {
    patientId: value.patientId,
    doctorId: slot?.doctorId ?? value.doctor,
    locationId: value.locationId,
    treatmentId: value.treatmentId || null,
    resourceId: value.resourceId || null,
    start: slot?.start ?? '',
    reason: value.reason.trim() || null,
  };
}

/** Rules of the booking screen on top of the DTO: a treatment (it sets the length) and its resource. */
export function bookingRules(value: BookingFormValue, treatment: TreatmentDto | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!value.treatmentId) errors['treatmentId'] = { required: true };
  if (treatment?.requiredResourceType && !value.resourceId) errors['resourceId'] = { required: true };
  return errors;
}
