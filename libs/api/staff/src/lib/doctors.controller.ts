import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import {
  CreateDoctorDto,
  CreateHolidayDto,
  CreateScheduleBlockDto,
  CreateSpecialHoursDto,
  CreateWorkingHoursDto,
  DoctorDto,
  DoctorPageDto,
  DoctorQueryDto,
  DoctorScheduleDto,
  HolidayDto,
  HolidayPageDto,
  HolidayQueryDto,
  Role,
  ScheduleBlockDto,
  SpecialHoursDto,
  STAFF_ROLES,
  WorkingHoursDto,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { DoctorsService } from './doctors.service';
import { SchedulesService } from './schedules.service';

export class UpdateDoctorDto extends PartialType(CreateDoctorDto) {}

const uuid = new ParseUUIDPipe({ version: '4' });
const ADMINS = [Role.Superadmin, Role.Admin];

@ApiTags('doctors')
@Controller('doctors')
export class DoctorsController {
  constructor(
    private readonly doctors: DoctorsService,
    private readonly schedules: SchedulesService,
  ) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'List doctors: search by name or license, filter by specialty, location, availability',
  })
  list(@Query() query: DoctorQueryDto): Promise<DoctorPageDto> {
    return this.doctors.list(query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One doctor' })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string): Promise<DoctorDto> {
    return this.doctors.get(id);
  }

  @Post()
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Create a doctor profile for a user with the doctor role' })
  @ApiConflictResponse({
    description: 'License number or user already used, or an unknown specialty/location',
  })
  create(@Body() dto: CreateDoctorDto, @Ctx() context: RequestContext): Promise<DoctorDto> {
    return this.doctors.create(dto, context);
  }

  @Patch(':id')
  @Roles(...ADMINS)
  @ApiOperation({
    summary:
      'Update a doctor; `specialtyIds`/`locationIds` replace the lists; `available: false` stops new bookings',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'License number taken, or a removed location still has working hours' })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateDoctorDto,
    @Ctx() context: RequestContext,
  ): Promise<DoctorDto> {
    return this.doctors.update(id, dto, context);
  }

  @Get(':id/schedule')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The doctor’s weekly hours, and special hours and blocks from a month ago on' })
  @ApiNotFoundResponse()
  schedule(@Param('id', uuid) id: string): Promise<DoctorScheduleDto> {
    return this.schedules.schedule(id);
  }

  @Post(':id/schedule/hours')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Add a weekly working range at one of the doctor’s locations' })
  @ApiConflictResponse({
    description: 'Overlaps another range of the doctor, or the location is not the doctor’s',
  })
  addHours(
    @Param('id', uuid) id: string,
    @Body() dto: CreateWorkingHoursDto,
    @Ctx() context: RequestContext,
  ): Promise<WorkingHoursDto> {
    return this.schedules.addWorkingHours(id, dto, context);
  }

  @Delete(':id/schedule/hours/:entryId')
  @HttpCode(204)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Remove a weekly working range' })
  @ApiNotFoundResponse()
  removeHours(
    @Param('id', uuid) id: string,
    @Param('entryId', uuid) entryId: string,
    @Ctx() context: RequestContext,
  ) {
    return this.schedules.remove('working_hours', id, entryId, context);
  }

  @Post(':id/schedule/special-hours')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Add hours for one date; they replace the weekly hours of that date' })
  @ApiConflictResponse({
    description: 'Overlaps other special hours that date, or the location is not the doctor’s',
  })
  addSpecialHours(
    @Param('id', uuid) id: string,
    @Body() dto: CreateSpecialHoursDto,
    @Ctx() context: RequestContext,
  ): Promise<SpecialHoursDto> {
    return this.schedules.addSpecialHours(id, dto, context);
  }

  @Delete(':id/schedule/special-hours/:entryId')
  @HttpCode(204)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Remove special hours' })
  @ApiNotFoundResponse()
  removeSpecialHours(
    @Param('id', uuid) id: string,
    @Param('entryId', uuid) entryId: string,
    @Ctx() context: RequestContext,
  ) {
    return this.schedules.remove('special_hours', id, entryId, context);
  }

  @Post(':id/schedule/blocks')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Block time (vacation, meeting): no bookings in it' })
  addBlock(
    @Param('id', uuid) id: string,
    @Body() dto: CreateScheduleBlockDto,
    @Ctx() context: RequestContext,
  ): Promise<ScheduleBlockDto> {
    return this.schedules.addBlock(id, dto, context);
  }

  @Delete(':id/schedule/blocks/:entryId')
  @HttpCode(204)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Remove a block' })
  @ApiNotFoundResponse()
  removeBlock(
    @Param('id', uuid) id: string,
    @Param('entryId', uuid) entryId: string,
    @Ctx() context: RequestContext,
  ) {
    return this.schedules.remove('schedule_blocks', id, entryId, context);
  }
}

@ApiTags('doctors')
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly schedules: SchedulesService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Clinic holidays (closed days), by date' })
  list(@Query() query: HolidayQueryDto): Promise<HolidayPageDto> {
    return this.schedules.holidays(query);
  }

  @Post()
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Add a clinic holiday' })
  @ApiConflictResponse({ description: 'That date is already a holiday' })
  create(@Body() dto: CreateHolidayDto, @Ctx() context: RequestContext): Promise<HolidayDto> {
    return this.schedules.addHoliday(dto, context);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Remove a clinic holiday' })
  @ApiNotFoundResponse()
  remove(@Param('id', uuid) id: string, @Ctx() context: RequestContext) {
    return this.schedules.removeHoliday(id, context);
  }
}
