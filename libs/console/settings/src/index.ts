export * from './lib/settings.routes';
