import { Module } from '@nestjs/common';
import { MailCatcher } from './mail-catcher.service';
import { MailTransport } from './mail-transport.service';
import { NotificationRelay } from './notification-relay.service';
import { NotificationsWorker } from './notifications-worker.service';
import { OutboxController } from './outbox.controller';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { OutboxService } from './outbox.service';

@Module({
  controllers: [OutboxController],
  providers: [
    MailCatcher,
    MailTransport,
    OutboxService,
    OutboxDispatcher,
    NotificationRelay,
    NotificationsWorker,
  ],
  exports: [OutboxService, OutboxDispatcher, NotificationRelay, MailCatcher],
})
export class NotificationsModule {}
