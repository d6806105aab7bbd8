import { Module } from '@nestjs/common';
import { describeConstraints } from '@consultorio/api/core';
import { StaffModule } from '@consultorio/api/staff';
import { AppointmentsController } from './appointments.controller';
import { AppointmentsService } from './appointments.service';

describeConstraints({
  ck_appointments_times: 'An appointment ends after it starts and lasts at most 12 hours.',
});

@Module({
  imports: [StaffModule],
  controllers: [AppointmentsController],
  providers: [AppointmentsService],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
