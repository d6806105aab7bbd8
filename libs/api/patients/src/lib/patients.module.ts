import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraints } from '@consultorio/api/core';
import { StaffModule } from '@consultorio/api/staff';
import { PatientEntity } from './patient.entity';
import { PatientsController } from './patients.controller';
import { PatientsService } from './patients.service';

describeConstraints({
  uq_patients_user: 'That user account is already linked to another patient.',
});

@Module({
  imports: [TypeOrmModule.forFeature([PatientEntity]), StaffModule],
  controllers: [PatientsController],
  providers: [PatientsService],
  exports: [PatientsService],
})
export class PatientsModule {}
