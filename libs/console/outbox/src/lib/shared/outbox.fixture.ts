import {
  MessageTemplate,
  OutboxStatus,
  type OutboxMessageDetailDto,
  type OutboxPageDto,
} from '@consultorio/shared/contracts';

/** A message as the API lists it: a sent Spanish booking confirmation; `changes` set what a test is about. */
export function outboxMessage(changes: Partial<OutboxMessageDetailDto> = {}): OutboxMessageDetailDto {
  return {
    id: 'm-1',
    channel: 'email',
    recipient: 'ana.rojas@correo.pe',
    template: MessageTemplate.AppointmentConfirmation,
    locale: 'es',
    subject: 'Su cita en Clínica Sonrisa está reservada',
    relatedEntity: 'appointment',
    relatedId: '5f0c2b1e-7a4d-4c1b-9a57-3c1f2f0e8b11',
    messageId: '<5f0c2b1e@consultorio.local>',
    status: OutboxStatus.Sent,
    attempts: 1,
    nextAttemptAt: '2027-03-01T14:00:00.000Z',
    lastError: null,
    providerMessageId: '250 OK: message queued',
    sentAt: '2027-03-01T14:00:02.000Z',
    createdAt: '2027-03-01T14:00:00.000Z',
    updatedAt: '2027-03-01T14:00:02.000Z',
    attachments: [
      { filename: 'cita.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', size: 412 },
    ],
    bodyHtml: '<p>Hola, Ana Rojas:</p><p>Su cita quedó reservada.</p>',
    bodyText: 'Hola, Ana Rojas:\n\nSu cita quedó reservada.',
    ...changes,
  };
}

/** One page of the outbox, with counts per status. */
export function outboxPage(
  items: OutboxMessageDetailDto[],
  counts: Partial<Record<OutboxStatus, number>> = {},
): OutboxPageDto {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    counts: { pending: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, ...counts },
  };
}
