import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageDto, AuditQueryDto, Role } from '@consultorio/shared/contracts';
import { Roles } from '../security/auth.decorators';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(Role.Superadmin)
  @ApiOperation({
    summary: 'Browse the audit log (newest first), filtered by actor, entity, action and time',
  })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list(query);
  }
}
