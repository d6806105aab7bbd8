export * from './lib/patient.entity';
export * from './lib/patient.mapper';
export * from './lib/patients.service';
export * from './lib/patients.module';
