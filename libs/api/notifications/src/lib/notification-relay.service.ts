import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MessageTemplate } from '@consultorio/shared/contracts';
import { AppointmentLinksService } from './appointment-links.service';
import {
  APPOINTMENT_MAIL_COLUMNS,
  APPOINTMENT_MAIL_FROM,
  appointmentMailData,
  type AppointmentMailRow,
} from './appointment-mail-data';
import { OutboxService } from './outbox.service';
import { renderAppointmentMail } from './templates/appointment-mail';

/** The e-mail each appointment event sends to the patient. */
const TEMPLATE_OF_EVENT: Record<string, MessageTemplate> = {
  'appointment.booked': MessageTemplate.AppointmentConfirmation,
  'appointment.rescheduled': MessageTemplate.AppointmentRescheduled,
  'appointment.cancelled': MessageTemplate.AppointmentCancelled,
};

interface EventRow {
  id: string;
  type: string;
  aggregate_id: string;
  payload: { details?: { from?: { start?: string } } };
}

/**
 * Turns domain events into outbox messages, each event once: a batch of unhandled events is
 * claimed with `FOR UPDATE SKIP LOCKED`, its messages queued and the events marked, all in one
 * transaction, so a crash redoes the batch and two instances never share one.
 */
@Injectable()
export class NotificationRelay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly links: AppointmentLinksService,
  ) {}

  /** Handles up to `limit` events; resolves with how many it handled. */
  relayBatch(limit = 100): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const events: EventRow[] = await manager.query(
        `SELECT id, type, aggregate_id, payload FROM domain_events WHERE notified_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (events.length === 0) return 0;
      for (const event of events) {
        const template = TEMPLATE_OF_EVENT[event.type];
        if (template) await this.queueAppointmentMail(manager, event, template);
      }
      await manager.query(`UPDATE domain_events SET notified_at = now() WHERE id = ANY($1::bigint[])`, [
        events.map((event) => event.id),
      ]);
      return events.length;
    });
  }

  private async queueAppointmentMail(
    manager: EntityManager,
    event: EventRow,
    template: MessageTemplate,
  ): Promise<void> {
    const [row]: AppointmentMailRow[] = await manager.query(
      `SELECT ${APPOINTMENT_MAIL_COLUMNS} ${APPOINTMENT_MAIL_FROM} WHERE a.id = $1 AND s.id = 1`,
      [event.aggregate_id],
    );
    if (!row?.email) return;
    const live = template !== MessageTemplate.AppointmentCancelled;
    const data = appointmentMailData(row, {
      previousStart: event.payload.details?.from?.start ?? null,
      links: live ? this.links.urls(row.id, row.starts_at) : null,
    });
    const mail = renderAppointmentMail(template as Parameters<typeof renderAppointmentMail>[0], data);
    await this.outbox.enqueue(manager, {
      recipient: row.email,
      template,
      locale: data.language,
      ...mail,
      relatedEntity: 'appointment',
      relatedId: row.id,
      dedupeKey: `${template}:${row.id}:event-${event.id}`,
    });
  }
}
