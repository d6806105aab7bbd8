import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import {
  CreatePatientDto,
  PatientDto,
  PatientPageDto,
  PatientQueryDto,
  PatientSearchQueryDto,
  PatientSummaryDto,
  Role,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { DoctorsService } from '@consultorio/api/staff';
import { PatientsService } from './patients.service';

/** Patch body: any subset of the patient's fields. */
export class UpdatePatientDto extends PartialType(CreatePatientDto) {}

const uuid = new ParseUUIDPipe({ version: '4' });
const FRONT_OFFICE = [Role.Superadmin, Role.Admin, Role.Receptionist];
/** Doctors also read patients, limited to those they treat (have an appointment with). */
const READERS = [...FRONT_OFFICE, Role.Doctor];
/** Matches no doctor: a doctor account without a profile treats nobody. */
const NO_DOCTOR = '00000000-0000-4000-8000-000000000000';

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(
    private readonly patients: PatientsService,
    private readonly doctors: DoctorsService,
  ) {}

  private async treatingDoctor(context: RequestContext): Promise<string | null> {
    if (context.user?.role !== Role.Doctor) return null;
    return (await this.doctors.idOfUser(context.user.id)) ?? NO_DOCTOR;
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary:
      'List patients: search, filter by status, lead source, insurer, business line; paginate (doctors: theirs)',
  })
  async list(@Query() query: PatientQueryDto, @Ctx() context: RequestContext): Promise<PatientPageDto> {
    return this.patients.list(query, await this.treatingDoctor(context));
  }

  @Get('search')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Search as you type: name, document, phone or e-mail, accent-, case- and typo-tolerant; best 10',
  })
  @ApiOkResponse({ type: [PatientSummaryDto] })
  async search(
    @Query() query: PatientSearchQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<PatientSummaryDto[]> {
    return this.patients.search(query.q, await this.treatingDoctor(context));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One patient’s record (the read is audited; doctors: patients they treat)' })
  @ApiNotFoundResponse()
  async get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<PatientDto> {
    return this.patients.get(id, context, await this.treatingDoctor(context));
  }

  @Post()
  @Roles(...FRONT_OFFICE)
  @ApiOperation({ summary: 'Register a patient' })
  @ApiConflictResponse({
    description: 'Document already registered, or a referenced catalog entry does not exist',
  })
  create(@Body() dto: CreatePatientDto, @Ctx() context: RequestContext): Promise<PatientDto> {
    return this.patients.create(dto, context);
  }

  @Patch(':id')
  @Roles(...FRONT_OFFICE)
  @ApiOperation({ summary: 'Update a patient (patients are never deleted: set `status: inactive`)' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description: 'Document already registered, or a referenced catalog entry does not exist',
  })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdatePatientDto,
    @Ctx() context: RequestContext,
  ): Promise<PatientDto> {
    return this.patients.update(id, dto, context);
  }
}
