export * from './lib/billing.module';
