import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraints } from '@consultorio/api/core';
import { DoctorsController, HolidaysController } from './doctors.controller';
import { DoctorsService } from './doctors.service';
import { SchedulesService } from './schedules.service';
import { DoctorEntity } from './staff.entities';

describeConstraints({
  ex_working_hours_overlap: 'The range overlaps another working range of the doctor on that weekday.',
  ex_special_hours_overlap: 'The hours overlap other special hours of the doctor that date.',
  fk_working_hours_doctor_location:
    'The doctor does not work at that location, or it still has working hours there.',
  fk_special_hours_doctor_location:
    'The doctor does not work at that location, or it still has special hours there.',
  uq_doctors_user: 'That user already has a doctor profile.',
  uq_holidays_date: 'That date is already a holiday.',
});

/** Doctors, their schedules, and clinic holidays. */
@Module({
  imports: [TypeOrmModule.forFeature([DoctorEntity])],
  controllers: [DoctorsController, HolidaysController],
  providers: [DoctorsService, SchedulesService],
  exports: [DoctorsService, SchedulesService],
})
export class StaffModule {}
