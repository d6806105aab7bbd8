import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AppointmentsModule } from '@consultorio/api/appointments';
import { AppointmentLinksController } from './appointment-links.controller';
import { AppointmentLinksService } from './appointment-links.service';
import { MailCatcher } from './mail-catcher.service';
import { MailTransport } from './mail-transport.service';
import { NotificationRelay } from './notification-relay.service';
import { NotificationsWorker } from './notifications-worker.service';
import { OutboxController } from './outbox.controller';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxService } from './outbox.service';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersController } from './reminders.controller';
import { RemindersService } from './reminders.service';

@Module({
  imports: [ScheduleModule.forRoot(), AppointmentsModule],
  controllers: [OutboxController, RemindersController, AppointmentLinksController],
  providers: [
    MailCatcher,
    MailTransport,
    OutboxService,
    OutboxDispatcher,
    NotificationRelay,
    NotificationsWorker,
    AppointmentLinksService,
    ReminderScheduler,
    RemindersService,
  ],
  exports: [
    OutboxService,
    OutboxDispatcher,
    NotificationRelay,
    MailCatcher,
    ReminderScheduler,
    AppointmentLinksService,
  ],
})
export class NotificationsModule {}
