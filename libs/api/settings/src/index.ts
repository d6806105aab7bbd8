export * from './lib/catalog.entities';
export * from './lib/settings.service';
export * from './lib/settings.module';
