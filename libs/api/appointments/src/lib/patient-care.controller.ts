import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  AppointmentPageDto,
  AppointmentQueryDto,
  ClinicalNoteDto,
  ClinicalNotePageDto,
  CreateClinicalNoteDto,
  PageQueryDto,
  PatientAppointmentStatsDto,
  Role,
  STAFF_ROLES,
  UpdateClinicalNoteDto,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { AppointmentsService } from './appointments.service';
import { PatientCareService } from './patient-care.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const CLINICAL_READERS = [Role.Superadmin, Role.Admin, Role.Doctor];

@ApiTags('patients')
@Controller('patients/:id')
export class PatientCareController {
  constructor(
    private readonly care: PatientCareService,
    private readonly appointments: AppointmentsService,
  ) {}

  @Get('appointments')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The patient’s appointments (doctors: only theirs)' })
  async appointmentsOf(
    @Param('id', uuid) id: string,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list({ ...query, patientId: id }, await this.appointments.scopeOf(context));
  }

  @Get('appointments/stats')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Last and next appointment, and counts booked, completed, no-show, cancelled' })
  @ApiNotFoundResponse()
  stats(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<PatientAppointmentStatsDto> {
    return this.care.stats(id, context);
  }

  @Get('history')
  @Roles(...CLINICAL_READERS)
  @ApiOperation({
    summary:
      'Clinical history, newest first (admins, and doctors who treat the patient); the read is audited',
  })
  @ApiNotFoundResponse()
  history(
    @Param('id', uuid) id: string,
    @Query() query: PageQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<ClinicalNotePageDto> {
    return this.care.history(id, query, context);
  }

  @Post('history')
  @Roles(Role.Doctor)
  @ApiOperation({
    summary: 'Write a clinical note for one of your appointments with the patient (checked in or completed)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Not your appointment with this patient, or not attended yet',
  })
  addNote(
    @Param('id', uuid) id: string,
    @Body() dto: CreateClinicalNoteDto,
    @Ctx() context: RequestContext,
  ): Promise<ClinicalNoteDto> {
    return this.care.addNote(id, dto, context);
  }

  @Patch('history/:noteId')
  @Roles(Role.Doctor)
  @ApiOperation({ summary: 'Correct one of your clinical notes (audited with before and after)' })
  @ApiNotFoundResponse()
  updateNote(
    @Param('id', uuid) id: string,
    @Param('noteId', uuid) noteId: string,
    @Body() dto: UpdateClinicalNoteDto,
    @Ctx() context: RequestContext,
  ): Promise<ClinicalNoteDto> {
    return this.care.updateNote(id, noteId, dto, context);
  }
}
