import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AvailableSlotDto, AvailableSlotsQueryDto, STAFF_ROLES } from '@consultorio/shared/contracts';
import { Roles } from '@consultorio/api/core';
import { AvailabilityService } from './availability.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('appointments')
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

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
