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
import { PatientsService } from './patients.service';

/** Patch body: any subset of the patient's fields. */
export class UpdatePatientDto extends PartialType(CreatePatientDto) {}

const uuid = new ParseUUIDPipe({ version: '4' });
// Doctors will see the patients they treat once appointments exist; until then only the front office.
const FRONT_OFFICE = [Role.Superadmin, Role.Admin, Role.Receptionist];

@ApiTags('patients')
@Controller('patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Get()
  @Roles(...FRONT_OFFICE)
  @ApiOperation({
    summary: 'List patients: search, filter by status, lead source, insurer, business line; paginate',
  })
  list(@Query() query: PatientQueryDto): Promise<PatientPageDto> {
    return this.patients.list(query);
  }

  @Get('search')
  @Roles(...FRONT_OFFICE)
  @ApiOperation({
    summary: 'Search as you type: name, document, phone or e-mail, accent-, case- and typo-tolerant; best 10',
  })
  @ApiOkResponse({ type: [PatientSummaryDto] })
  search(@Query() query: PatientSearchQueryDto): Promise<PatientSummaryDto[]> {
    return this.patients.search(query.q);
  }

  @Get(':id')
  @Roles(...FRONT_OFFICE)
  @ApiOperation({ summary: 'One patient’s record (the read is audited)' })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<PatientDto> {
    return this.patients.get(id, context);
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
