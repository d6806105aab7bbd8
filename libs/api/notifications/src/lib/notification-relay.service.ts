import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Language, MessageTemplate } from '@consultorio/shared/contracts';
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
    const [row] = await manager.query(
      `SELECT a.id, a.starts_at, a.ends_at, p.email, p.preferred_language,
              p.first_names || ' ' || p.last_names AS patient_name, u.full_name AS doctor_name,
              t.name AS treatment_name, l.name AS location_name, l.address AS location_address,
              s.name AS clinic_name, s.address AS clinic_address, s.phone AS clinic_phone, s.time_zone,
              (SELECT count(*)::int FROM appointment_events h WHERE h.appointment_id = a.id) AS sequence
         FROM appointments a
         JOIN patients p ON p.id = a.patient_id
         JOIN doctors d ON d.id = a.doctor_id
         JOIN users u ON u.id = d.user_id
         JOIN locations l ON l.id = a.location_id
         LEFT JOIN treatments t ON t.id = a.treatment_id
         CROSS JOIN clinic_settings s
        WHERE a.id = $1 AND s.id = 1`,
      [event.aggregate_id],
    );
    if (!row?.email) return;
    const language = row.preferred_language === Language.En ? Language.En : Language.Es;
    const mail = renderAppointmentMail(template as Parameters<typeof renderAppointmentMail>[0], {
      appointmentId: row.id,
      patientName: row.patient_name,
      doctorName: row.doctor_name,
      treatmentName: row.treatment_name,
      locationName: row.location_name,
      locationAddress: row.location_address,
      start: (row.starts_at as Date).toISOString(),
      end: (row.ends_at as Date).toISOString(),
      previousStart: event.payload.details?.from?.start ?? null,
      clinicName: row.clinic_name,
      clinicAddress: row.clinic_address,
      clinicPhone: row.clinic_phone,
      timeZone: row.time_zone,
      language,
      sequence: row.sequence,
    });
    await this.outbox.enqueue(manager, {
      recipient: row.email,
      template,
      locale: language,
      ...mail,
      relatedEntity: 'appointment',
      relatedId: row.id,
      dedupeKey: `${template}:${row.id}:event-${event.id}`,
    });
  }
}
