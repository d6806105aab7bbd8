export * from './lib/demo-clinic.seeder';
export * from './lib/demo.module';
