export * from './lib/staff.entities';
export * from './lib/doctors.service';
export * from './lib/schedules.service';
export * from './lib/staff.module';
