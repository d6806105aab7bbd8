import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, ClinicSettingsDto, Role, UpdateClinicSettingsDto } from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { ClinicSettingsService } from './settings.service';

@ApiTags('settings')
@Controller('settings')
export class ClinicSettingsController {
  constructor(private readonly settings: ClinicSettingsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'The clinic settings: name, time zone, currency, locale, taxes, scheduling rules',
  })
  get(): Promise<ClinicSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @Roles(Role.Superadmin, Role.Admin)
  @ApiOperation({ summary: 'Change clinic settings (only the fields sent)' })
  update(@Body() dto: UpdateClinicSettingsDto, @Ctx() context: RequestContext): Promise<ClinicSettingsDto> {
    return this.settings.update(dto, context);
  }
}
