import type { TranslationKey } from '@consultorio/console/core';
import type { StatusLook } from '@consultorio/console/ui';
import { APPOINTMENT_TRANSITIONS, AppointmentStatus } from '@consultorio/shared/contracts';

export const STATUS_LOOK: Readonly<Record<AppointmentStatus, StatusLook>> = {
  [AppointmentStatus.Scheduled]: { label: 'appointmentStatus.scheduled', icon: 'schedule', tone: 'neutral' },
  [AppointmentStatus.Confirmed]: { label: 'appointmentStatus.confirmed', icon: 'thumb_up', tone: 'primary' },
  [AppointmentStatus.CheckedIn]: {
    label: 'appointmentStatus.checked_in',
    icon: 'how_to_reg',
    tone: 'tertiary',
  },
  [AppointmentStatus.Completed]: { label: 'appointmentStatus.completed', icon: 'task_alt', tone: 'success' },
  [AppointmentStatus.Cancelled]: { label: 'appointmentStatus.cancelled', icon: 'event_busy', tone: 'muted' },
  [AppointmentStatus.NoShow]: { label: 'appointmentStatus.no_show', icon: 'person_off', tone: 'error' },
};

/** A step of the workflow offered as a button. */
export interface StatusAction {
  /** The status the appointment moves to. */
  to: AppointmentStatus;
  label: TranslationKey;
  icon: string;
  /** Whether the step asks for a reason first (cancelling). */
  needsReason: boolean;
  /** Whether the step undoes the visit (cancel, no-show): shown apart from the forward steps. */
  destructive: boolean;
}

const ACTIONS: readonly StatusAction[] = [
  {
    to: AppointmentStatus.Confirmed,
    label: 'appointmentAction.confirm',
    icon: 'thumb_up',
    needsReason: false,
    destructive: false,
  },
  {
    to: AppointmentStatus.CheckedIn,
    label: 'appointmentAction.checkIn',
    icon: 'how_to_reg',
    needsReason: false,
    destructive: false,
  },
  {
    to: AppointmentStatus.Completed,
    label: 'appointmentAction.complete',
    icon: 'task_alt',
    needsReason: false,
    destructive: false,
  },
  {
    to: AppointmentStatus.NoShow,
    label: 'appointmentAction.noShow',
    icon: 'person_off',
    needsReason: false,
    destructive: true,
  },
  {
    to: AppointmentStatus.Cancelled,
    label: 'appointmentAction.cancel',
    icon: 'event_busy',
    needsReason: true,
    destructive: true,
  },
];

/** The steps the transition table allows from `status`, forward steps first. */
export function actionsFrom(status: AppointmentStatus): StatusAction[] {
  const allowed = APPOINTMENT_TRANSITIONS[status];
  return ACTIONS.filter((action) => allowed.includes(action.to));
}

/** Whether an appointment in `status` can still be moved (the API moves scheduled and confirmed ones). */
export function isMovable(status: AppointmentStatus): boolean {
  return status === AppointmentStatus.Scheduled || status === AppointmentStatus.Confirmed;
}

/** Whether the appointment still holds its time (cancelled and missed ones free it). */
export function holdsTime(status: AppointmentStatus): boolean {
  return status !== AppointmentStatus.Cancelled && status !== AppointmentStatus.NoShow;
}
