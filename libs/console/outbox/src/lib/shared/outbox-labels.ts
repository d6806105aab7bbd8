import type { TranslationKey } from '@consultorio/console/core';
import type { StatusLook } from '@consultorio/console/ui';
import { MessageTemplate, OutboxStatus } from '@consultorio/shared/contracts';

/** Statuses in the order a message goes through them (the filter chips follow it). */
export const OUTBOX_STATUSES: readonly OutboxStatus[] = [
  OutboxStatus.Pending,
  OutboxStatus.Sending,
  OutboxStatus.Sent,
  OutboxStatus.Failed,
  OutboxStatus.Cancelled,
];

export const STATUS_LOOK: Readonly<Record<OutboxStatus, StatusLook>> = {
  [OutboxStatus.Pending]: { label: 'outbox.status.pending', icon: 'schedule', tone: 'tertiary' },
  [OutboxStatus.Sending]: { label: 'outbox.status.sending', icon: 'send', tone: 'primary' },
  [OutboxStatus.Sent]: { label: 'outbox.status.sent', icon: 'mark_email_read', tone: 'success' },
  [OutboxStatus.Failed]: { label: 'outbox.status.failed', icon: 'error', tone: 'error' },
  [OutboxStatus.Cancelled]: { label: 'outbox.status.cancelled', icon: 'block', tone: 'muted' },
};

/**
 * Names of the templates the console knows. Keyed by the template's string so that a template
 * added on the server shows under its own name until it gets one here.
 */
const TEMPLATE_KEYS: Readonly<Record<string, TranslationKey>> = {
  [MessageTemplate.AppointmentConfirmation]: 'outbox.template.confirmation',
  [MessageTemplate.AppointmentRescheduled]: 'outbox.template.rescheduled',
  [MessageTemplate.AppointmentCancelled]: 'outbox.template.cancelled',
  [MessageTemplate.AppointmentReminder]: 'outbox.template.reminder',
  'auth.password_reset': 'outbox.template.passwordReset',
};

/** Translation key of a template's name, or `null` for one the console does not know. */
export function templateKey(template: string): TranslationKey | null {
  return TEMPLATE_KEYS[template] ?? null;
}

/** Every template the API may send, for the filter. */
export const MESSAGE_TEMPLATES: readonly string[] = Object.values(MessageTemplate);

/** Whether the API resends a message in this status (a sent one as a new copy). */
export function canResend(status: OutboxStatus): boolean {
  return status === OutboxStatus.Sent || status === OutboxStatus.Failed || status === OutboxStatus.Cancelled;
}

/** Whether the API cancels a message in this status (it has not gone out). */
export function canCancel(status: OutboxStatus): boolean {
  return status === OutboxStatus.Pending || status === OutboxStatus.Failed;
}
