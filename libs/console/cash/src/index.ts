export * from './lib/cash.routes';
