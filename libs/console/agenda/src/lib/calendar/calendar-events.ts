import type { AppointmentDto } from '@consultorio/shared/contracts';
import type { EventInput } from '@fullcalendar/angular';
import type { AgendaCatalog } from '../shared/agenda-catalog';
import type { StatusLook } from '@consultorio/console/ui';
import { isMovable, STATUS_LOOK } from '../shared/appointment-status';

/** What an event on the calendar shows besides its time and title. */
export interface CalendarEventProps {
  appointment: AppointmentDto;
  look: StatusLook;
  /** The treatment's name, or `null` for a visit without one. */
  treatment: string | null;
  doctor: string;
  /** The doctor's calendar colour, `#rrggbb`. */
  color: string;
  /** Whether the appointment is over (completed) or no longer happens (cancelled, missed). */
  settled: boolean;
}

const FALLBACK_COLOR = '#607d8b';

/**
 * Appointments as FullCalendar events: coloured by doctor on a tint of the surface (readable in
 * light and dark themes), draggable only while the API would move them.
 */
export function toCalendarEvents(
  appointments: readonly AppointmentDto[],
  catalog: AgendaCatalog,
  editable: boolean,
): EventInput[] {
  return appointments.map((appointment) => {
    const color = catalog.doctor(appointment.doctorId)?.color ?? FALLBACK_COLOR;
    const settled = !isMovable(appointment.status) && appointment.status !== 'checked_in';
    const props: CalendarEventProps = {
      appointment,
      look: STATUS_LOOK[appointment.status],
      treatment: catalog.treatment(appointment.treatmentId)?.name ?? null,
      doctor: appointment.doctorName,
      color,
      settled,
    };
    const movable = editable && isMovable(appointment.status);
    return {
      id: appointment.id,
      title: appointment.patientName,
      start: appointment.start,
      end: appointment.end,
      color: settled
        ? 'var(--mat-sys-surface-container-high)'
        : `color-mix(in srgb, ${color} 24%, var(--mat-sys-surface-container-lowest))`,
      contrastColor: settled ? 'var(--mat-sys-on-surface-variant)' : 'var(--mat-sys-on-surface)',
      startEditable: movable,
      durationEditable: movable,
      className: `cs-event cs-event-${appointment.status}`,
      extendedProps: props,
    };
  });
}
