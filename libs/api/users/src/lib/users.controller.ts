import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  CreateUserDto,
  Role,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UserQueryDto,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { UsersService } from './users.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(Role.Superadmin, Role.Admin)
  @ApiOperation({
    summary: 'List users: search by name, e-mail or username; filter by role and active; sort; paginate',
  })
  list(@Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Get(':id')
  @Roles(Role.Superadmin, Role.Admin)
  @ApiOperation({ summary: 'Get one user' })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @Roles(Role.Superadmin, Role.Admin)
  @ApiOperation({ summary: 'Create a user (admins cannot create superadmins)' })
  @ApiConflictResponse({ description: 'E-mail or username already taken' })
  create(@Body() dto: CreateUserDto, @Ctx() context: RequestContext): Promise<UserDto> {
    return this.users.create(dto, context);
  }

  @Patch(':id')
  @Roles(Role.Superadmin, Role.Admin)
  @ApiOperation({
    summary: 'Update a user; `active: false` deactivates (never yourself, never the last active superadmin)',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'E-mail or username already taken' })
  @ApiUnprocessableEntityResponse({ description: 'Self-deactivation or last active superadmin' })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateUserDto,
    @Ctx() context: RequestContext,
  ): Promise<UserDto> {
    return this.users.update(id, dto, context);
  }
}
