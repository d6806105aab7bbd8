import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiExtension, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ALL_ROLES,
  ChangePasswordDto,
  LoginDto,
  RefreshDto,
  TokenResponseDto,
  UpdateProfileDto,
  UserDto,
} from '@consultorio/shared/contracts';
import { Ctx, CurrentUser, Public, Roles, type AuthUser, type RequestContext } from '@consultorio/api/core';
import { UsersService } from '@consultorio/api/users';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiExtension('x-throttled', true)
  @ApiOperation({
    summary: 'Log in with e-mail or username and password; returns an access and a refresh token',
  })
  login(@Body() dto: LoginDto, @Ctx() context: RequestContext): Promise<TokenResponseDto> {
    return this.auth.login(dto, context);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ account: true })
  @ApiExtension('x-throttled', true)
  @ApiOperation({
    summary:
      'Exchange a refresh token for new tokens; each refresh token works once (reuse ends the session)',
  })
  refresh(@Body() dto: RefreshDto): Promise<TokenResponseDto> {
    return this.auth.refresh(dto.refresh_token);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'End the current session (its access and refresh tokens stop working)' })
  logout(@CurrentUser() user: AuthUser, @Ctx() context: RequestContext): Promise<void> {
    return this.auth.logout(user, context);
  }

  @Get('profile')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'The logged-in user' })
  profile(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.users.get(user.id);
  }

  @Put('profile')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Update your own name, phone and preferred language' })
  updateProfile(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateProfileDto,
    @Ctx() context: RequestContext,
  ): Promise<UserDto> {
    return this.users.updateProfile(user.id, dto, context);
  }

  @Post('password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ account: true })
  @ApiExtension('x-throttled', true)
  @ApiOperation({ summary: 'Change your password; your other sessions end, this one stays' })
  @ApiUnprocessableEntityResponse({ description: 'Current password wrong or new password not allowed' })
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    return this.auth.changePassword(user, dto, context);
  }
}
