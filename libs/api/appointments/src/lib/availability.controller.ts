import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import {
  AvailableSlotDto,
  AvailableSlotsQueryDto,
  DoctorProductivityDto,
  ProductivityQueryDto,
  Role,
  STAFF_ROLES,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { AppointmentsService } from './appointments.service';
import { AvailabilityService } from './availability.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('appointments')
@Controller()
export class AvailabilityController {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly appointments: AppointmentsService,
  ) {}

  @Get('doctors/:id/productivity')
  @Roles(Role.Superadmin, Role.Admin, Role.Doctor)
  @ApiOperation({
    summary: 'A doctor’s appointments by status over a period, attended minutes and no-show rate',
  })
  @ApiOkResponse({ type: DoctorProductivityDto })
  productivity(
    @Param('id', uuid) id: string,
    @Query() query: ProductivityQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<DoctorProductivityDto> {
    return this.appointments.productivity(id, query, context);
  }

  @Get('doctors/:id/available-slots')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Free slots of one doctor at a location over up to 62 days (working hours, blocks, holidays, bookings, buffer)',
  })
  @ApiOkResponse({ type: [AvailableSlotDto] })
  @ApiUnprocessableEntityResponse({ description: 'Range longer than 62 days, or no duration/treatment' })
  forDoctor(
    @Param('id', uuid) id: string,
    @Query() query: AvailableSlotsQueryDto,
  ): Promise<AvailableSlotDto[]> {
    return this.availability.forDoctor(id, query);
  }

  @Get('appointments/available-slots')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Free slots across the doctors of a specialty or treatment at a location, earliest first',
  })
  @ApiOkResponse({ type: [AvailableSlotDto] })
  @ApiUnprocessableEntityResponse({
    description: 'Range longer than 62 days, no duration/treatment, or no specialty',
  })
  acrossDoctors(@Query() query: AvailableSlotsQueryDto): Promise<AvailableSlotDto[]> {
    return this.availability.acrossDoctors(query);
  }
}
