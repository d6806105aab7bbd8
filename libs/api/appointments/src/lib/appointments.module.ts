import { Module } from '@nestjs/common';
import { describeConstraints } from '@consultorio/api/core';
import { StaffModule } from '@consultorio/api/staff';
import { AppointmentsController } from './appointments.controller';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { PatientCareController } from './patient-care.controller';
import { PatientCareService } from './patient-care.service';
import { AppointmentsService } from './appointments.service';

describeConstraints({
  ck_appointments_times: 'An appointment ends after it starts and lasts at most 12 hours.',
});

@Module({
  imports: [StaffModule],
  controllers: [AvailabilityController, AppointmentsController, PatientCareController],
  providers: [AppointmentsService, AvailabilityService, PatientCareService],
  exports: [AppointmentsService, AvailabilityService, PatientCareService],
})
export class AppointmentsModule {}
