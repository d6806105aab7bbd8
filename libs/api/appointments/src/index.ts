export * from './lib/appointments.service';
export * from './lib/appointments.module';
