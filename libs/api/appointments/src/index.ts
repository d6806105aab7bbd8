export * from './lib/appointments.service';
export * from './lib/appointments.module';
export * from './lib/availability.service';
export * from './lib/patient-care.service';
