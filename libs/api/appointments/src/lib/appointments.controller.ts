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
  AppointmentPageDto,
  AppointmentQueryDto,
  ChangeAppointmentStatusDto,
  CreateAppointmentDto,
  RescheduleAppointmentDto,
  STAFF_ROLES,
} from '@consultorio/shared/contracts';
import { Ctx, notFound, Roles, type RequestContext } from '@consultorio/api/core';
import { AppointmentsService } from './appointments.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Staff book and move appointments; doctors see and act on their own agenda only. */
@ApiTags('appointments')
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'List appointments by time range, doctor, patient, location and status; paginated',
  })
  async list(
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list(query, await this.appointments.ownDoctorId(context));
  }

  @Get('date/:date')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one day in the clinic’s time zone' })
  async onDate(
    @Param() params: AppointmentDateParamDto,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.onDate(params.date, query, await this.appointments.ownDoctorId(context));
  }

  @Get('doctor/:doctorId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one doctor' })
  async byDoctor(
    @Param('doctorId', uuid) doctorId: string,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list({ ...query, doctorId }, await this.appointments.ownDoctorId(context));
  }

  @Get('patient/:patientId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Appointments of one patient' })
  async byPatient(
    @Param('patientId', uuid) patientId: string,
    @Query() query: AppointmentQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<AppointmentPageDto> {
    return this.appointments.list({ ...query, patientId }, await this.appointments.ownDoctorId(context));
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One appointment' })
  @ApiNotFoundResponse()
  async get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<AppointmentDto> {
    const appointment = await this.appointments.get(id);
    const own = await this.appointments.ownDoctorId(context);
    // Another doctor's appointment answers like a missing one.
    if (own && own !== appointment.doctorId) throw notFound('Appointment');
    return appointment;
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
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Move (reschedule) a scheduled or confirmed appointment' })
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
  @Roles(...STAFF_ROLES)
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
