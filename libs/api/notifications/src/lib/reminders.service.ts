import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppointmentStatus, AuditAction, type OutboxMessageDto } from '@consultorio/shared/contracts';
import { AppointmentsService } from '@consultorio/api/appointments';
import { AuditService, conflict, unprocessable, type RequestContext } from '@consultorio/api/core';
import { OutboxService } from './outbox.service';
import { ReminderScheduler } from './reminder-scheduler.service';

/** Reminders staff send by hand. */
@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly appointments: AppointmentsService,
    private readonly scheduler: ReminderScheduler,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Queues a reminder of the appointment now; a doctor only for their own agenda. */
  async sendNow(appointmentId: string, context: RequestContext): Promise<OutboxMessageDto> {
    const appointment = await this.appointments.getInScope(appointmentId, context);
    if (
      (appointment.status !== AppointmentStatus.Scheduled &&
        appointment.status !== AppointmentStatus.Confirmed) ||
      new Date(appointment.start).getTime() <= Date.now()
    ) {
      throw conflict(
        'not-upcoming',
        `A reminder is only sent for an upcoming scheduled or confirmed appointment (this one is ${appointment.status}).`,
      );
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const messageId = await this.scheduler.sendNow(manager, appointmentId, context.requestId);
      if (!messageId) {
        throw unprocessable('no-email', 'The patient has no e-mail address; add one to their record first.', [
          { field: 'patient.email', code: 'required', message: 'the patient has no e-mail address' },
        ]);
      }
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'outbox_message',
        entityId: messageId,
        changes: {
          template: { before: null, after: 'appointment.reminder' },
          appointmentId: { before: null, after: appointmentId },
        },
      });
      return messageId;
    });
    return this.outbox.summary(id);
  }
}
