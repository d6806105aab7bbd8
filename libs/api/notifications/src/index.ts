export * from './lib/notifications.module';
export * from './lib/outbox.service';
export * from './lib/outbox-dispatcher.service';
export * from './lib/notification-relay.service';
export * from './lib/mail-catcher.service';
export * from './lib/notifications-worker.service';
export * from './lib/templates/password-reset-mail';
