import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, ROLE_DEFINITIONS, RoleDto } from '@consultorio/shared/contracts';
import { Roles } from '@consultorio/api/core';

@ApiTags('users')
@Controller('roles')
export class RolesController {
  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'List the roles and what each may do' })
  list(): RoleDto[] {
    return ROLE_DEFINITIONS.map((definition) => ({
      role: definition.role,
      permissions: [...definition.permissions],
    }));
  }
}
