export * from './lib/outbox.routes';
