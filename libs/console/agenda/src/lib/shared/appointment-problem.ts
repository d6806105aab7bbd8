import { I18n, TranslationKey, errorMessage, problemOf, statusOf } from '@consultorio/console/core';
import type { AppointmentConflictDto } from '@consultorio/shared/contracts';

/** Why the API refused a booking, a move or a status change, ready to show. */
export interface AppointmentProblem {
  message: string;
  /** The appointments in the way (409), possibly none. */
  conflicts: AppointmentConflictDto[];
}

/** Messages for the rule codes of a 422 (`errors[0].code`), then for its problem type. */
const RULE_MESSAGES: Readonly<Record<string, TranslationKey>> = {
  outside_hours: 'agendaProblem.outsideHours',
  blocked: 'agendaProblem.blocked',
  holiday: 'agendaProblem.holiday',
  transition: 'agendaProblem.transition',
  resourceType: 'agendaProblem.resourceType',
  resourceLocation: 'agendaProblem.resourceLocation',
  doctorLocation: 'agendaProblem.doctorLocation',
  timeOrder: 'agendaProblem.timeOrder',
};

const TYPE_MESSAGES: Readonly<Record<string, TranslationKey>> = {
  'not-movable': 'agendaProblem.notMovable',
  changed: 'agendaProblem.changed',
  'doctor-unavailable': 'agendaProblem.doctorUnavailable',
  'resource-required': 'agendaProblem.resourceRequired',
  'reason-required': 'agendaProblem.reasonRequired',
  'duration-required': 'agendaProblem.durationRequired',
};

/** Turns a failed appointment call into a translated message and the conflicts it listed. */
export function appointmentProblem(i18n: I18n, error: unknown): AppointmentProblem {
  const problem = problemOf(error);
  const status = statusOf(error);
  if (status === 409 && problem) {
    const conflicts = Array.isArray(problem['conflicts'])
      ? (problem['conflicts'] as AppointmentConflictDto[])
      : [];
    const key: TranslationKey =
      conflicts.length === 1 ? 'agendaProblem.conflictOne' : 'agendaProblem.conflictMany';
    return { message: i18n.t(key, { count: conflicts.length }), conflicts };
  }
  if (status === 422 && problem) {
    const code = problem.errors?.[0]?.code ?? '';
    const slug = problem.type.split(':').pop() ?? '';
    const key = RULE_MESSAGES[code] ?? TYPE_MESSAGES[slug];
    if (key) return { message: i18n.t(key), conflicts: [] };
    return { message: problem.detail ?? i18n.t('errors.invalid'), conflicts: [] };
  }
  if (status === 403) return { message: i18n.t('agendaProblem.forbidden'), conflicts: [] };
  return { message: errorMessage(i18n, error), conflicts: [] };
}
