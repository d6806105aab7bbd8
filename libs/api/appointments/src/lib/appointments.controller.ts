import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  AppointmentDateParamDto,
  AppointmentDto,
  AppointmentEventPageDto,
  AppointmentPageDto,
  AppointmentQueryDto,
  ChangeAppointmentStatusDto,
  CreateAppointmentDto,
  PageQueryDto,
  RescheduleAppointmentDto,
  Role,
  STAFF_ROLES,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { AppointmentsService } from './appointments.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Routes a patient account may use too, on its own appointments only (see AppointmentsService.scopeOf). */
const STAFF_AND_PATIENTS = [...STAFF_ROLES, Role.Patient];

/** Staff book and move appointments; doctors see and act on their own agenda only. */
@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @Roles(...STAFF_AND_PATIENTS)
  @ApiOperation({
    summary:
      'List appointments by time range, doctor, patient, location and status; paginated (a doctor sees their agenda, a patient their own)',
  })
  async list(
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list(query, await this.appointments.scopeOf(context));
  }

  @Get('date/:date')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one day in the clinic’s time zone' })
  async onDate(
    @Param() params: AppointmentDateParamDto,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.onDate(params.date, query, await this.appointments.scopeOf(context));
  }

  @Get('doctor/:doctorId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one doctor' })
  async byDoctor(
    @Param('doctorId', uuid) doctorId: string,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list({ ...query, doctorId }, await this.appointments.scopeOf(context));
  }

  @Get('patient/:patientId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one patient' })
  async byPatient(
    @Param('patientId', uuid) patientId: string,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list({ ...query, patientId }, await this.appointments.scopeOf(context));
  }

  @Get(':id')
  @Roles(...STAFF_AND_PATIENTS)
  @ApiOperation({ summary: 'One appointment' })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<AppointmentDto> {
    // Another doctor's (or patient's) appointment answers like a missing one.
    return this.appointments.getInScope(id, context);
  }

  @Get(':id/history')
  @Roles(...STAFF_AND_PATIENTS)
  @ApiOperation({
    summary: 'What happened to one appointment, oldest first: booked, moved, status changes, and who did it',
  })
  @ApiNotFoundResponse()
  history(
    @Param('id', uuid) id: string,
    @Query() query: PageQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentEventPageDto> {
    return this.appointments.history(id, query, context);
  }

  @Post()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Book: the doctor (and resource) must be free, within working hours, outside blocks and holidays',
  })
  @ApiConflictResponse({ description: 'Overlaps existing appointments; `conflicts` lists every one' })
  @ApiUnprocessableEntityResponse({
    description: 'Outside working hours, blocked, holiday, wrong location or resource',
  })
  create(@Body() dto: CreateAppointmentDto, @Ctx() context: RequestContext): Promise<AppointmentDto> {
    return this.appointments.create(dto, context);
  }

  @Put(':id')
  @Roles(...STAFF_AND_PATIENTS)
  @ApiOperation({
    summary:
      'Move (reschedule) a scheduled or confirmed appointment (a patient: only the time of their own, outside the policy window)',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Overlaps existing appointments; `conflicts` lists every one' })
  @ApiUnprocessableEntityResponse({ description: 'Not movable in its status, or outside the schedule' })
  reschedule(
    @Param('id', uuid) id: string,
    @Body() dto: RescheduleAppointmentDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentDto> {
    return this.appointments.reschedule(id, dto, context);
  }

  @Patch(':id/status')
  @Roles(...STAFF_AND_PATIENTS)
  @ApiOperation({
    summary:
      'Move through the workflow: scheduled → confirmed → checked_in → completed, cancelled (with reason), no_show',
  })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'Not an allowed transition, or a cancellation without reason',
  })
  changeStatus(
    @Param('id', uuid) id: string,
    @Body() dto: ChangeAppointmentStatusDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentDto> {
    return this.appointments.changeStatus(id, dto, context);
  }
}
